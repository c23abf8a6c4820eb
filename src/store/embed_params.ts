/**
 * The page's own URL, read once at start: `?embed=1` and its options, the scenario a link carries (`#s=…` in
 * the fragment, or `scenario=…` for an iframe), the allowed parent origins of the postMessage API, and the
 * link back to the full app. Pure functions over strings (no DOM), so they are tested as such.
 *
 *   ?embed=1&view=graph|terminal|both&readonly&lesson=ID&scenario=CODE&lang=zh-CN&origins=https://a.edu,https://b.edu
 */

export type EmbedView = 'graph' | 'terminal' | 'both';

export interface EmbedParams {
  embed: boolean;
  view: EmbedView;
  readonly: boolean;
  /** A lesson id (lowercase words and dashes), or null. */
  lesson: string | null;
  lang: string | null;
  /** Origins whose messages the embed API accepts and to which it reports (normalized `scheme://host:port`). */
  origins: string[];
  /** Parameters that were given but not understood (reported in the console, never echoed into the page). */
  ignored: string[];
}

const LESSON_RE = /^[a-z0-9][a-z0-9-]{0,63}$/;
const LANG_RE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})?$/;

function flag(v: string | null): boolean {
  return v !== null && !['0', 'false', 'no', 'off'].includes(v.toLowerCase());
}

/** An origin the API may talk to: http(s) only, no wildcard, no opaque `null`, normalized by URL. */
export function normalizeOrigin(text: string): string | null {
  const t = text.trim();
  if (t === '' || t === '*' || t === 'null') return null;
  let u: URL;
  try {
    u = new URL(t);
  } catch {
    return null;
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
  if (u.username || u.password) return null;
  return u.origin;
}

export function parseEmbedParams(search: string): EmbedParams {
  const q = new URLSearchParams(search);
  const ignored: string[] = [];
  const view = q.get('view');
  const lesson = q.get('lesson');
  const lang = q.get('lang');
  const origins: string[] = [];
  for (const raw of [...q.getAll('origins'), ...q.getAll('origin')])
    for (const part of raw.split(/[,\s]+/).filter(Boolean)) {
      const o = normalizeOrigin(part);
      if (o === null) ignored.push(`origin ${part}`);
      else if (!origins.includes(o)) origins.push(o);
    }
  if (view !== null && view !== 'graph' && view !== 'terminal' && view !== 'both') ignored.push('view');
  if (lesson !== null && !LESSON_RE.test(lesson)) ignored.push('lesson');
  if (lang !== null && !LANG_RE.test(lang)) ignored.push('lang');
  return {
    embed: flag(q.get('embed')),
    view: view === 'graph' || view === 'terminal' ? view : 'both',
    readonly: q.has('readonly') && flag(q.get('readonly') || '1'),
    lesson: lesson !== null && LESSON_RE.test(lesson) ? lesson : null,
    lang: lang !== null && LANG_RE.test(lang) ? lang : null,
    origins,
    ignored,
  };
}

/** The scenario code a URL carries: `#s=CODE` (share links) first, then `?scenario=CODE` (embeds). */
export function scenarioCode(
  hash: string,
  search: string,
): { code: string; from: 'fragment' | 'query' } | null {
  const h = new URLSearchParams(hash.replace(/^#/, ''));
  const fromHash = h.get('s');
  if (fromHash !== null) return { code: fromHash, from: 'fragment' };
  const fromQuery = new URLSearchParams(search).get('scenario');
  if (fromQuery !== null) return { code: fromQuery, from: 'query' };
  return null;
}

/** The app's own address without query and fragment (works under any base path). */
export function appBase(href: string): string {
  const u = new URL(href);
  return `${u.origin}${u.pathname}`;
}

/** A share link: the app's address with the scenario in the fragment (never sent to any server). */
export function shareLink(href: string, code: string, lang?: string | null): string {
  return `${appBase(href)}${lang ? `?lang=${encodeURIComponent(lang)}` : ''}#s=${code}`;
}

/** An iframe snippet for course pages (text to copy; the page that pastes it decides where it goes). */
export function embedSnippet(
  href: string,
  code: string,
  opts: { view?: EmbedView; origin?: string } = {},
): string {
  const q = new URLSearchParams({ embed: '1', view: opts.view ?? 'both' });
  if (opts.origin) q.set('origins', opts.origin);
  q.set('scenario', code);
  const src = `${appBase(href)}?${q.toString()}`;
  return `<iframe src="${src.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}" title="Container Network Playground" width="960" height="600" style="border:1px solid #cbd5e1;border-radius:8px" loading="lazy" allow="clipboard-write"></iframe>`;
}
