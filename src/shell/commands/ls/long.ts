/**
 * The long format (-l) and the sizes in it.
 *
 * GNU (ls.c print_long_format): [inode] mode, link count, owner, group and size each padded to the widest in
 * the listing, the date ("%b %e %H:%M", or "%b %e  %Y" when older than six months or in the future), the name.
 * Sizes with -h are human_readable() with human_ceiling, powers of 1024, one decimal below 10.
 * BusyBox (ls.c display_single): fixed widths, "%-10s %4lu %-8.8s %-8.8s %9llu " (-h: "%7s"), the date cut
 * from ctime(), and sizes with -h from make_human_readable_str (rounded, one decimal above 1023).
 * Every file here is root's (uid 0, gid 0).
 */
import { civilFromDays } from '../../../lib';
import { type Entry, isDir, isLink, S_IFMT } from './entry';
import type { LsOpts } from './options';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const p2 = (n: number) => String(n).padStart(2, '0');

/** filemodestring(): the type letter and rwx triplets with setuid/setgid/sticky. */
export function modeString(mode: number): string {
  const t = mode & S_IFMT;
  const type = isDir(mode)
    ? 'd'
    : isLink(mode)
      ? 'l'
      : t === 0o020000
        ? 'c'
        : t === 0o060000
          ? 'b'
          : t === 0o010000
            ? 'p'
            : t === 0o140000
              ? 's'
              : '-';
  const rwx = (shift: number, special: number, ch: string) => {
    const r = mode & (4 << shift) ? 'r' : '-';
    const w = mode & (2 << shift) ? 'w' : '-';
    const x = (mode & (1 << shift)) !== 0;
    const s = (mode & special) !== 0;
    return r + w + (s ? (x ? ch : ch.toUpperCase()) : x ? 'x' : '-');
  };
  return type + rwx(6, 0o4000, 's') + rwx(3, 0o2000, 's') + rwx(0, 0o1000, 't');
}

/** The date column, UTC. */
export function dateColumn(us: number, nowUs: number): string {
  const secs = Math.floor(us / 1_000_000);
  const days = Math.floor(secs / 86400);
  const sod = secs - days * 86400;
  const { y, m, d } = civilFromDays(days);
  const md = `${MONTHS[m - 1] ?? ''} ${String(d).padStart(2, ' ')}`;
  const sixMonthsUs = (31556952 / 2) * 1_000_000;
  const recent = us > nowUs - sixMonthsUs && us <= nowUs;
  return recent ? `${md} ${p2(Math.floor(sod / 3600))}:${p2(Math.floor((sod % 3600) / 60))}` : `${md}  ${y}`;
}

const UNITS = ['', 'K', 'M', 'G', 'T', 'P', 'E'];

/** GNU human_readable(n, human_autoscale | human_ceiling | base 1024). */
export function gnuHuman(n: number): string {
  if (n < 1024) return String(n);
  let u = 0;
  let v = n;
  while (v >= 1024 && u < UNITS.length - 1) {
    v /= 1024;
    u++;
  }
  if (v < 10) {
    const tenths = Math.ceil(v * 10 - 1e-9) / 10;
    if (tenths < 10) return `${tenths.toFixed(1)}${UNITS[u] ?? ''}`;
  }
  const whole = Math.ceil(v - 1e-9);
  if (whole >= 1024 && u < UNITS.length - 1) return `1.0${UNITS[u + 1] ?? ''}`;
  return `${whole}${UNITS[u] ?? ''}`;
}

/** BusyBox make_human_readable_str(n, blockSize, 0): a tenth, rounded, unless `wholeOnly` (block size 0). */
export function busyboxHuman(n: number, wholeOnly = false): string {
  if (n === 0) return '0';
  let v = n;
  let u = 0;
  let frac = 0;
  while (v >= 1024) {
    u++;
    frac = Math.floor(((v % 1024) * 10 + 512) / 1024);
    v = Math.floor(v / 1024);
  }
  if (frac >= 10) {
    v++;
    frac = 0;
  }
  if (u === 0) return String(v);
  if (wholeOnly) return `${frac >= 5 ? v + 1 : v}${UNITS[u] ?? ''}`;
  return `${v}.${frac}${UNITS[u] ?? ''}`;
}

/** "total N" of a directory listing: st_blocks in 1K units (human with -h). */
export function totalLine(entries: readonly Entry[], o: LsOpts, busybox: boolean): string {
  const blocks = entries.reduce((s, e) => s + e.blocks, 0);
  const k = Math.ceil(blocks / 2);
  if (!o.human) return `total ${k}\n`;
  return busybox ? `total ${busyboxHuman(k * 1024, true).padEnd(7)}\n` : `total ${gnuHuman(k * 1024)}\n`;
}

/** The columns before the name, GNU style, padded over the whole listing. */
export function gnuLongPrefixes(entries: readonly Entry[], o: LsOpts, now: number): string[] {
  const size = (e: Entry) => (o.human ? gnuHuman(e.size) : String(e.size));
  const owner = o.numeric ? '0' : 'root';
  const w = (f: (e: Entry) => string) => Math.max(0, ...entries.map((e) => f(e).length));
  const inoW = w((e) => String(e.ino));
  const linkW = w((e) => String(e.nlink));
  const sizeW = w(size);
  return entries.map((e) => {
    let s = o.inode ? `${String(e.ino).padStart(inoW)} ` : '';
    s += `${modeString(e.mode)} ${String(e.nlink).padStart(linkW)} `;
    if (!o.noOwner) s += `${owner} `;
    if (!o.noGroup) s += `${owner} `;
    return `${s}${size(e).padStart(sizeW)} ${dateColumn(e.mtimeUs, now)} `;
  });
}

/** The columns before the name, BusyBox style (fixed widths). */
export function busyboxLongPrefix(e: Entry, o: LsOpts, now: number): string {
  let s = o.inode ? `${String(e.ino).padStart(7)} ` : '';
  s += `${modeString(e.mode).padEnd(10)} ${String(e.nlink).padStart(4)} `;
  const id = o.numeric ? '0'.padEnd(8) : 'root'.padEnd(8);
  s += o.noOwner ? `${id} ` : `${id} ${id} `;
  s += o.human ? `${busyboxHuman(e.size).padStart(7)} ` : `${String(e.size).padStart(9)} `;
  return `${s}${dateColumn(e.mtimeUs, now)} `;
}
