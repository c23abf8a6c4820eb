/**
 * The journey as text outside the browser: explanations in a language (the same templates i18next fills in
 * the UI), and plain-text rows for the transcript runner's `--trace` (course docs, tests).
 */
import { journeyEn, type JourneyText } from './locales/en';
import { journeyZhCN } from './locales/zh_CN';
import type { Explain, Journey, JourneyStep } from './types';

export const JOURNEY_TEXT: Readonly<Record<'en' | 'zh-CN', JourneyText>> = {
  en: journeyEn,
  'zh-CN': journeyZhCN,
};

/** A text by its key under `journey.` (`journey.drop.NO_SOCKET` or `drop.NO_SOCKET`), or the key itself. */
function lookup(text: JourneyText, key: string): string {
  let node: unknown = text;
  for (const part of key.replace(/^journey\./, '').split('.')) {
    if (typeof node !== 'object' || node === null) return key;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : key;
}

/** Fill `{{name}}` placeholders as i18next does (no escaping: the result is text, never markup). */
export function fillTemplate(template: string, params: Readonly<Record<string, string>>): string {
  return template.replace(/\{\{\s*([\w-]+)\s*\}\}/g, (m, name: string) => params[name] ?? m);
}

/** An explanation (or any `journey.` key with parameters) in a language. */
export function journeyText(lang: 'en' | 'zh-CN', e: Explain): string {
  const text = JOURNEY_TEXT[lang];
  const params: Record<string, string> = { ...e.params };
  for (const [k, ref] of Object.entries(e.refs ?? {})) params[k] = lookup(text, ref);
  const key = e.key.includes('.') ? e.key : `explain.${e.key}`;
  return fillTemplate(lookup(text, key), params);
}

/** Seconds since the line started, to the microsecond (tcpdump's -ttt precision). */
export function formatSince(us: number): string {
  const s = Math.floor(us / 1_000_000);
  return `${s}.${String(us % 1_000_000).padStart(6, '0')}`;
}

/**
 * One row per step: time since the line started, namespace, device, packet, Linux stage, one-liner. Columns
 * are as wide as the widest value of the journey.
 */
export function journeyRows(j: Journey, steps: readonly JourneyStep[] = j.steps): string[] {
  const cols = steps.map((s) => [
    formatSince(s.sinceUs),
    s.where,
    s.dev ?? '-',
    s.packet === null ? '-' : `#${s.packet}`,
    s.stage,
  ]);
  const widths = [0, 1, 2, 3, 4].map((c) => Math.max(0, ...cols.map((r) => (r[c] as string).length)));
  return steps.map((s, i) => {
    const r = cols[i] as string[];
    const head = r.map((v, c) => (c === 0 ? v.padStart(widths[c] as number) : v.padEnd(widths[c] as number)));
    return `${head.join('  ')}  ${s.line}${s.note ? ` -- ${s.note}` : ''}`;
  });
}
