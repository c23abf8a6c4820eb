/**
 * One group of entries (the command-line files, or one directory's contents) in the chosen format, and the
 * order they come in (ls.c sort_files / BusyBox sortcmp: by name in the C locale's byte order, -t newest
 * first, -S largest first, ties by name, -r reverses all of it).
 */
import { busyboxColumns, type Cell, gnuAcross, gnuColumns } from './columns';
import type { Entry } from './entry';
import { busyboxLongPrefix, gnuLongPrefixes } from './long';
import { busyboxName, type ColorState, gnuLinkTail, gnuName, needsQuoting } from './names';
import type { LsOpts } from './options';
import { sortEntries as sortBy } from './sort';

/** The group in the order ls lists it (sort.ts). */
export function sortEntries(entries: Entry[], o: LsOpts): Entry[] {
  return sortBy(entries, o.sort, o.reverse);
}

export interface RenderCtx {
  o: LsOpts;
  busybox: boolean;
  color: ColorState;
  now: number;
}

function gnu(entries: readonly Entry[], c: RenderCtx): string {
  const { o } = c;
  const align = o.shellEscape && o.format !== 'one' && entries.some((e) => needsQuoting(e.name));
  if (o.format === 'long') {
    const pre = gnuLongPrefixes(entries, o, c.now);
    return entries
      .map(
        (e, i) => `${pre[i] ?? ''}${gnuName(e, o, c.color, true, align).text}${gnuLinkTail(e, o, c.color)}\n`,
      )
      .join('');
  }
  const inoW = o.inode ? Math.max(...entries.map((e) => String(e.ino).length)) : 0;
  const cells: Cell[] = entries.map((e) => {
    const n = gnuName(e, o, c.color, false, align);
    if (!o.inode) return n;
    // In the column formats the inode is as wide as the widest (format_inode with inode_number_width).
    return { text: `${String(e.ino).padStart(inoW)} ${n.text}`, len: n.len + inoW + 1 };
  });
  if (o.format === 'one') return cells.map((x) => `${x.text}\n`).join('');
  return o.format === 'across' ? gnuAcross(cells, o.width) : gnuColumns(cells, o.width);
}

function busybox(entries: readonly Entry[], c: RenderCtx): string {
  const { o } = c;
  const long = o.format === 'long';
  const cells: Cell[] = entries.map((e) => {
    const n = busyboxName(e, o, long);
    const pre = long ? busyboxLongPrefix(e, o, c.now) : o.inode ? `${String(e.ino).padStart(7)} ` : '';
    return { text: pre + n.text, len: pre.length + n.len, nameLen: e.name.length };
  });
  if (long || o.format === 'one') return cells.map((x) => `${x.text}\n`).join('');
  return busyboxColumns(cells, o.width, o.format === 'across', o.inode ? 8 : 0);
}

export function renderEntries(entries: readonly Entry[], c: RenderCtx): string {
  return c.busybox ? busybox(entries, c) : gnu(entries, c);
}
