/**
 * A name as ls prints it: its colour and its type indicator.
 *
 * GNU (ls.c print_color_indicator, with no LS_COLORS: the built-in color_indicator table): directories
 * 01;34, links 01;36, executables 01;32, plain files uncoloured; the first coloured name is preceded once by
 * the reset "\e[0m" (prep_non_filename_text), each coloured name ends with "\e[0m", and the indicator follows
 * the reset. BusyBox (ls.c display_single): every name is coloured, "\e[<bold>;<colour>m" from the file type
 * (a link by its own lstat type, a dangling target red), ending with "\e[m".
 */
import { type Entry, isDir, isExec, isLink, S_IFMT } from './entry';
import type { LsOpts } from './options';

/** GNU's indicator for a mode (get_type_indicator). */
function gnuIndicator(mode: number, o: LsOpts): string {
  if (o.indicator === 'none') return '';
  if (isDir(mode)) return '/';
  if (o.indicator !== 'classify') return '';
  if (isLink(mode)) return '@';
  if (isExec(mode)) return '*';
  const t = mode & S_IFMT;
  if (t === 0o010000) return '|';
  if (t === 0o140000) return '=';
  return '';
}

function gnuColor(mode: number): string | null {
  if (isDir(mode)) return '01;34';
  if (isLink(mode)) return '01;36';
  if (isExec(mode)) return '01;32';
  return null;
}

/**
 * gnulib quotearg's shell-escape style, GNU ls's default at a terminal: a name with a character the shell
 * would read specially (or a leading # or ~) is single-quoted ('\'' for a quote inside), or double-quoted
 * when its only special character is a single quote.
 */
const SHELL_SPECIAL = /[\s!"$&'()*;<=>?[\\^`|]|^[#~]/;
const SPECIAL_BUT_QUOTE = /[\s!"$&()*;<=>?[\\^`|]|^[#~]/;

const hasControl = (name: string) =>
  [...name].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f);

export function needsQuoting(name: string): boolean {
  return SHELL_SPECIAL.test(name) || hasControl(name);
}

export function shellEscape(name: string): string {
  if (!needsQuoting(name)) return name;
  if (name.includes("'") && !SPECIAL_BUT_QUOTE.test(name) && !hasControl(name)) return `"${name}"`;
  return `'${name.replaceAll("'", "'\\''")}'`;
}

/** What GNU ls has coloured so far in this run (the reset before the first coloured name comes once). */
export interface ColorState {
  used: boolean;
}

function gnuPaint(text: string, code: string | null, st: ColorState): string {
  if (code === null) return text;
  const lead = st.used ? '' : '\x1b[0m';
  st.used = true;
  return `${lead}\x1b[${code}m${text}\x1b[0m`;
}

/** The name (or link target) with GNU's colour and indicator; `len` is what columns count (no escapes). */
export function gnuName(
  e: Entry,
  o: LsOpts,
  st: ColorState,
  long: boolean,
  align: boolean,
): { text: string; len: number } {
  const quoted = o.shellEscape ? shellEscape(e.name) : e.name;
  // A listing with a quoted name shifts the others by a space so the names line up (align_variable_outer_quotes).
  const pad = align && quoted === e.name ? ' ' : '';
  const name = pad + (o.color ? gnuPaint(quoted, gnuColor(e.mode), st) : quoted);
  // In the long format a link's name has no indicator: its target gets the target's (print_long_format).
  const ind = long && isLink(e.mode) ? '' : gnuIndicator(e.mode, o);
  return { text: name + ind, len: pad.length + quoted.length + ind.length };
}

/** " -> target" for a link in the long format; the target's type is looked at only for -F/-p (gobble_file). */
export function gnuLinkTail(e: Entry, o: LsOpts, st: ColorState): string {
  if (!isLink(e.mode) || e.linkTarget === undefined) return '';
  const known = o.indicator !== 'none' && e.linkMode !== undefined ? e.linkMode : null;
  const text = o.shellEscape ? shellEscape(e.linkTarget) : e.linkTarget;
  const target = o.color && known !== null ? gnuPaint(text, gnuColor(known), st) : text;
  return ` -> ${target}${known !== null ? gnuIndicator(known, o) : ''}`;
}

/** BusyBox's TYPEINDEX tables (ls.c COLOR and ATTR), executables at index 15. */
const BB_COLOR = [31, 35, 35, 35, 34, 0, 35, 35, 0, 0, 36, 0, 35, 0, 0, 32];
const BB_BOLD = [1, 0, 1, 7, 1, 0, 1, 7, 0, 0, 1, 0, 1, 0, 0, 1];

function bbPaint(text: string, mode: number | null): string {
  const i = mode === null ? 0 : isExec(mode) ? 15 : (mode >> 12) & 15;
  return `\x1b[${BB_BOLD[i] ?? 0};${BB_COLOR[i] ?? 0}m${text}\x1b[m`;
}

/** append_char(): '/' for -p and -F, the others for -F. */
function bbIndicator(mode: number | null, o: LsOpts): string {
  if (o.indicator === 'none' || mode === null) return '';
  if (isDir(mode)) return '/';
  if (o.indicator !== 'classify') return '';
  if (isLink(mode)) return '@';
  const t = mode & S_IFMT;
  if (t === 0o010000) return '|';
  if (t === 0o140000) return '=';
  return isExec(mode) ? '*' : '';
}

/** The name, " -> target" in the long format, and the indicator (of the target for a listed link). */
export function busyboxName(e: Entry, o: LsOpts, long: boolean): { text: string; len: number } {
  let text = o.color ? bbPaint(e.name, e.mode) : e.name;
  let len = e.name.length;
  let ind = bbIndicator(e.mode, o);
  if (long && isLink(e.mode) && e.linkTarget !== undefined) {
    const to = e.linkMode ?? null;
    ind = bbIndicator(to, o);
    text += ` -> ${o.color ? bbPaint(e.linkTarget, to) : e.linkTarget}`;
    len += 4 + e.linkTarget.length;
  }
  return { text: text + ind, len: len + ind.length };
}
