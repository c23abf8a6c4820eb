/**
 * The C library's strftime (and ctime) in the C locale and UTC (every machine here runs in UTC, as Docker's containers and the oracle's
 * host do), with GNU date's extensions (coreutils 9.1 fprintftime: %N, %q, %:z and the padding flags
 * `-` `_` `0` `^` `#` with a field width). BusyBox's date formats through the C library's strftime, which
 * knows the same conversions except %N (BusyBox replaces %N itself, see date.c) and %q.
 */
import { civilFromDays } from '../lib';

/** A moment: whole seconds since the epoch and the nanoseconds within that second. */
export interface Moment {
  secs: number;
  nanos: number;
}

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** struct tm, as gmtime gives it. */
export interface Tm {
  year: number;
  /** 1-12 */
  mon: number;
  mday: number;
  hour: number;
  min: number;
  sec: number;
  /** 0 = Sunday */
  wday: number;
  /** 0-365 */
  yday: number;
}

export function gmtime(secs: number): Tm {
  const days = Math.floor(secs / 86400);
  const sod = secs - days * 86400;
  const { y, m, d } = civilFromDays(days);
  const jan1 = days - dayOfYear(y, m, d);
  return {
    year: y,
    mon: m,
    mday: d,
    hour: Math.floor(sod / 3600),
    min: Math.floor((sod % 3600) / 60),
    sec: sod % 60,
    wday: (((days + 4) % 7) + 7) % 7,
    yday: days - jan1,
  };
}

const leap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

function dayOfYear(y: number, m: number, d: number): number {
  const cum = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
  return (cum[m - 1] as number) + d - 1 + (m > 2 && leap(y) ? 1 : 0);
}

/** ISO 8601 week-based year and week (glibc's iso_week_days). */
function isoWeek(t: Tm): { year: number; week: number } {
  const isoDays = (yday: number, wday: number) => yday - ((yday - wday + 382) % 7) + 3;
  let year = t.year;
  let days = isoDays(t.yday, t.wday);
  if (days < 0) {
    year--;
    days = isoDays(t.yday + (leap(year) ? 366 : 365), t.wday);
  } else {
    const d = isoDays(t.yday - (leap(year) ? 366 : 365), t.wday);
    if (d >= 0) {
      year++;
      days = d;
    }
  }
  return { year, week: Math.floor(days / 7) + 1 };
}

interface Spec {
  /** `-`, `_`, `0`, or '' */
  pad: string;
  upper: boolean;
  swap: boolean;
  width: number | null;
}

function num(n: number, width: number, defPad: ' ' | '0', s: Spec): string {
  const neg = n < 0;
  const digits = String(Math.abs(n));
  const pad = s.pad === '-' ? '' : s.pad === '_' ? ' ' : s.pad === '0' ? '0' : defPad;
  const w = s.width ?? width;
  if (pad === '') return (neg ? '-' : '') + digits;
  const body = (neg ? '-' : '') + digits;
  if (pad === '0') return (neg ? '-' : '') + digits.padStart(w - (neg ? 1 : 0), '0');
  return body.padStart(w, ' ');
}

function text(v: string, s: Spec, swapToLower = false): string {
  let r = v;
  if (s.upper) r = r.toUpperCase();
  else if (s.swap) r = swapToLower ? r.toLowerCase() : r.toUpperCase();
  if (s.width !== null && s.width > r.length && s.pad !== '-')
    r = r.padStart(s.width, s.pad === '0' ? '0' : ' ');
  return r;
}

/** %N: the nanoseconds, truncated to the width (default 9 digits); wider pads with zeros on the right. */
function nanos(n: number, s: Spec): string {
  const nine = String(n).padStart(9, '0');
  const w = s.width ?? 9;
  return w <= 9 ? nine.slice(0, w) : nine.padEnd(w, '0');
}

/** Expand `fmt` for moment `m`. `gnu`: coreutils' extensions (%N, %q, flags, widths). */
export function strftime(fmt: string, m: Moment, gnu: boolean): string {
  const t = gmtime(m.secs);
  let out = '';
  for (let i = 0; i < fmt.length; i++) {
    const ch = fmt[i] as string;
    if (ch !== '%') {
      out += ch;
      continue;
    }
    const start = i;
    const s: Spec = { pad: '', upper: false, swap: false, width: null };
    i++;
    for (; i < fmt.length; i++) {
      const f = fmt[i] as string;
      if (f === '-' || f === '_' || f === '0') s.pad = f;
      else if (f === '^') s.upper = true;
      else if (f === '#') s.swap = true;
      else break;
    }
    let w = '';
    while (i < fmt.length && /[0-9]/.test(fmt[i] as string)) w += fmt[i++];
    if (w !== '') s.width = Number(w);
    let colons = 0;
    while (fmt[i] === ':') {
      colons++;
      i++;
    }
    const c = fmt[i];
    const r = c === undefined ? null : conv(c, colons, t, m, s, gnu);
    if (r === null) {
      // An unknown conversion is copied as it was written (and a lone % at the end stays).
      out += fmt.slice(start, i + 1);
      continue;
    }
    out += r;
  }
  return out;
}

function conv(c: string, colons: number, t: Tm, m: Moment, s: Spec, gnu: boolean): string | null {
  // %:z and friends are coreutils' own; the C library's strftime copies them as written.
  if (colons > 0 && (c !== 'z' || !gnu)) return null;
  const h12 = t.hour % 12 === 0 ? 12 : t.hour % 12;
  const sub = (f: string) => strftime(f, m, gnu);
  switch (c) {
    case 'a':
      return text((DAYS[t.wday] as string).slice(0, 3), s);
    case 'A':
      return text(DAYS[t.wday] as string, s);
    case 'b':
    case 'h':
      return text((MONTHS[t.mon - 1] as string).slice(0, 3), s);
    case 'B':
      return text(MONTHS[t.mon - 1] as string, s);
    case 'c':
      return text(sub('%a %b %e %H:%M:%S %Y'), s);
    case 'C':
      return num(Math.floor(t.year / 100), 2, '0', s);
    case 'd':
      return num(t.mday, 2, '0', s);
    case 'D':
      return text(sub('%m/%d/%y'), s);
    case 'e':
      return num(t.mday, 2, ' ', s);
    case 'F':
      return text(sub('%Y-%m-%d'), s);
    case 'g':
      return num(isoWeek(t).year % 100, 2, '0', s);
    case 'G':
      return num(isoWeek(t).year, 1, '0', s);
    case 'H':
      return num(t.hour, 2, '0', s);
    case 'I':
      return num(h12, 2, '0', s);
    case 'j':
      return num(t.yday + 1, 3, '0', s);
    case 'k':
      return num(t.hour, 2, ' ', s);
    case 'l':
      return num(h12, 2, ' ', s);
    case 'm':
      return num(t.mon, 2, '0', s);
    case 'M':
      return num(t.min, 2, '0', s);
    case 'n':
      return '\n';
    case 'N':
      return gnu ? nanos(m.nanos, s) : null;
    case 'p':
      return text(t.hour < 12 ? 'AM' : 'PM', s, true);
    case 'P':
      // Already lower case: `#` leaves it (fprintftime swaps only what it can).
      return text(t.hour < 12 ? 'am' : 'pm', { ...s, swap: false });
    case 'q':
      return gnu ? num(Math.floor((t.mon - 1) / 3) + 1, 1, '0', s) : null;
    case 'r':
      return text(sub('%I:%M:%S %p'), s);
    case 'R':
      return text(sub('%H:%M'), s);
    case 's':
      return num(m.secs, 1, '0', s);
    case 'S':
      return num(t.sec, 2, '0', s);
    case 't':
      return '\t';
    case 'T':
      return text(sub('%H:%M:%S'), s);
    case 'u':
      return num(t.wday === 0 ? 7 : t.wday, 1, '0', s);
    case 'U':
      return num(Math.floor((t.yday - t.wday + 7) / 7), 2, '0', s);
    case 'V':
      return num(isoWeek(t).week, 2, '0', s);
    case 'w':
      return num(t.wday, 1, '0', s);
    case 'W':
      return num(Math.floor((t.yday - ((t.wday + 6) % 7) + 7) / 7), 2, '0', s);
    case 'x':
      return text(sub('%m/%d/%y'), s);
    case 'X':
      return text(sub('%H:%M:%S'), s);
    case 'y':
      return num(t.year % 100, 2, '0', s);
    case 'Y':
      return num(t.year, 1, '0', s);
    case 'z':
      // UTC: +0000, %:z +00:00, %::z +00:00:00, %:::z +00.
      return colons > 3 ? null : (['+0000', '+00:00', '+00:00:00', '+00'][colons] as string);
    case 'Z':
      return text('UTC', s, true);
    case '%':
      return '%';
    default:
      return null;
  }
}
