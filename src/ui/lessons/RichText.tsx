/**
 * Lesson text: paragraphs separated by a blank line, `code` in backticks, **bold**. Rendered as React text
 * nodes only (never as HTML), so nothing in a lesson or a translation can become markup.
 */
import { Fragment, type ReactNode } from 'react';

function inline(text: string): ReactNode[] {
  const out: ReactNode[] = [];
  const re = /(`[^`]+`|\*\*[^*]+\*\*)/g;
  let last = 0;
  let i = 0;
  for (const m of text.matchAll(re)) {
    const at = m.index ?? 0;
    if (at > last) out.push(<Fragment key={i++}>{text.slice(last, at)}</Fragment>);
    const tok = m[0];
    if (tok.startsWith('`'))
      out.push(
        <code key={i++} className="rounded bg-slate-100 px-1 font-mono text-[0.92em] dark:bg-slate-800">
          {tok.slice(1, -1)}
        </code>,
      );
    else out.push(<strong key={i++}>{tok.slice(2, -2)}</strong>);
    last = at + tok.length;
  }
  if (last < text.length) out.push(<Fragment key={i}>{text.slice(last)}</Fragment>);
  return out;
}

export function RichText({ text, className }: { text: string; className?: string }) {
  return (
    <div className={className}>
      {text.split(/\n\s*\n/).map((p, i) => (
        <p key={i} className="mb-2 last:mb-0">
          {inline(p)}
        </p>
      ))}
    </div>
  );
}

export function InlineText({ text }: { text: string }) {
  return <>{inline(text)}</>;
}
