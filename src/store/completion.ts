/**
 * Bash-like Tab behaviour over the pure line editor: one candidate is inserted (with a space after it, unless it
 * ends in ':' like `container:`), several insert their common prefix, and a second Tab lists them in columns
 * under the line, then redraws the prompt and the line as bash does.
 */
import type { Completion } from '../sim';
import { applyCompletion, type EditorState } from './line_editor';

export interface TabOutcome {
  state: EditorState;
  /** Bytes for the terminal. */
  echo: string;
  /** Whether the next Tab (with no edit between) should list the candidates. */
  armed: boolean;
}

function commonPrefix(list: readonly string[]): string {
  if (list.length === 0) return '';
  let p = list[0] as string;
  for (const s of list) while (!s.startsWith(p)) p = p.slice(0, -1);
  return p;
}

/** Lay candidates out in columns the way readline does for a terminal `width` columns wide. */
export function columns(list: readonly string[], width = 80): string {
  const w = Math.max(...list.map((s) => s.length)) + 2;
  const perRow = Math.max(1, Math.floor(width / w));
  const rows = Math.ceil(list.length / perRow);
  const lines: string[] = [];
  for (let r = 0; r < rows; r++) {
    let line = '';
    for (let c = 0; c < perRow; c++) {
      const item = list[c * rows + r];
      if (item === undefined) continue;
      line += c === perRow - 1 || list[(c + 1) * rows + r] === undefined ? item : item.padEnd(w);
    }
    lines.push(line);
  }
  return lines.join('\r\n');
}

export function tab(s: EditorState, c: Completion, armed: boolean, prompt: string, width = 80): TabOutcome {
  const word = s.buffer.slice(c.start, s.cursor);
  if (c.candidates.length === 0) return { state: s, echo: '\x07', armed: false };
  if (c.candidates.length === 1) {
    const only = c.candidates[0] as string;
    const r = applyCompletion(s, only.endsWith(':') || only.endsWith('/') ? only : `${only} `, c.start);
    return { state: r.state, echo: r.echo, armed: false };
  }
  const prefix = commonPrefix(c.candidates);
  if (prefix.length > word.length) {
    const r = applyCompletion(s, prefix, c.start);
    return { state: r.state, echo: r.echo, armed: true };
  }
  if (!armed) return { state: s, echo: '\x07', armed: true };
  const back = s.buffer.length - s.cursor;
  const listing = `\r\n${columns(c.candidates, width)}\r\n${prompt}${s.buffer}${back > 0 ? `\x1b[${back}D` : ''}`;
  return { state: s, echo: listing, armed: true };
}
