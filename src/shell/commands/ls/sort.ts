/**
 * The orders ls sorts a group of entries in (GNU coreutils 9.1 ls.c sort_files, BusyBox 1.35 sortcmp): by
 * name in the C locale's byte order, -t newest first, -S largest first, -X by extension (what follows the
 * last dot; none sorts first), -v by version (gnulib filevercmp), --sort=width by the name's length; ties go
 * by name, and -r reverses all of it.
 */
import type { Entry } from './entry';

export type SortKey = 'name' | 'time' | 'size' | 'none' | 'extension' | 'version' | 'width';

/** `--sort=WORD`'s words, in the order ls lists them (ls.c sort_args). */
export const SORT_WORDS: readonly SortKey[] = ['none', 'time', 'size', 'extension', 'version', 'width'];

const byte = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function extension(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot);
}

/** filevercmp's character order: digits and the end 0, letters themselves, `~` before all, others after. */
function order(c: string | undefined): number {
  if (c === undefined || /\d/.test(c)) return 0;
  if (/[A-Za-z]/.test(c)) return c.charCodeAt(0);
  if (c === '~') return -1;
  return c.charCodeAt(0) + 256;
}

/** gnulib's verrevcmp: runs of non-digits by `order`, runs of digits by value. */
function verrevcmp(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    let first = 0;
    while ((i < a.length && !/\d/.test(a[i] as string)) || (j < b.length && !/\d/.test(b[j] as string))) {
      const d = order(a[i]) - order(b[j]);
      if (d !== 0) return d;
      i++;
      j++;
    }
    while (a[i] === '0') i++;
    while (b[j] === '0') j++;
    while (/\d/.test(a[i] ?? '') && /\d/.test(b[j] ?? '')) {
      if (first === 0) first = (a.charCodeAt(i) as number) - (b.charCodeAt(j) as number);
      i++;
      j++;
    }
    if (/\d/.test(a[i] ?? '')) return 1;
    if (/\d/.test(b[j] ?? '')) return -1;
    if (first !== 0) return first;
  }
  return 0;
}

/** gnulib filevercmp: the names without their file suffixes first, then whole; equal ones by bytes. */
function filevercmp(a: string, b: string): number {
  if (a === b) return 0;
  const suffix = /(\.[A-Za-z~][A-Za-z0-9~]*)*$/;
  const base = (s: string) => s.slice(0, s.length - (suffix.exec(s)?.[0].length ?? 0));
  const hidden = (s: string) => (s.startsWith('.') ? s.slice(1) : s);
  const [x, y] = [hidden(a), hidden(b)];
  const d = verrevcmp(base(x), base(y)) || verrevcmp(x, y);
  return d || byte(a, b);
}

export function sortEntries(entries: Entry[], sort: SortKey, reverse: boolean): Entry[] {
  if (sort === 'none') return entries;
  const key = (a: Entry, b: Entry): number => {
    if (sort === 'time' && a.mtimeUs !== b.mtimeUs) return b.mtimeUs - a.mtimeUs;
    if (sort === 'size' && a.size !== b.size) return b.size - a.size;
    if (sort === 'extension') return byte(extension(a.name), extension(b.name)) || byte(a.name, b.name);
    if (sort === 'version') return filevercmp(a.name, b.name);
    if (sort === 'width' && a.name.length !== b.name.length) return a.name.length - b.name.length;
    return byte(a.name, b.name);
  };
  return entries.sort(reverse ? (a, b) => key(b, a) : key);
}
