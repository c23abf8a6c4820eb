/**
 * The TIME strings `date -d` takes, in UTC.
 *
 * GNU (coreutils 9.1 parse_datetime.y), the forms people type: `@SECONDS[.frac]`, calendar dates
 * `YYYY-MM-DD`, times `HH:MM[:SS[.frac]]` (a date alone is midnight, a time alone is today), `now`, `today`,
 * `yesterday`, `tomorrow`, relative items `[+-]N unit` with `ago` (units year, month, fortnight, week, day,
 * hour, minute/min, second/sec, plural or not), and day names with `next`/`last`/`this` (a day item starts
 * at midnight; the day itself is today or later, `next` strictly after today, `last` strictly before). The empty string is today's midnight. Other forms of the grammar (month names, time zones,
 * ordinal words) are not parsed here: they are reported as invalid, which GNU would not do.
 *
 * BusyBox 1.35 (libbb/time.c parse_datestr): `@SECONDS`, `hh:mm[:ss]`, `[YYYY.]MM.DD-hh:mm[:ss]`,
 * `YYYY-MM-DD[ hh:mm[:ss]]` and the digit string `[[[[[YY]YY]MM]DD]hh]mm[.ss]`; fields out of range roll over
 * as mktime does (February 29 of a common year is March 1).
 */
import { daysFromCivil } from '../../../lib';
import type { Moment } from '../../strftime';
import { gmtime } from '../../strftime';

const UNITS: Record<string, { secs?: number; months?: number }> = {
  year: { months: 12 },
  month: { months: 1 },
  fortnight: { secs: 14 * 86400 },
  week: { secs: 7 * 86400 },
  day: { secs: 86400 },
  hour: { secs: 3600 },
  minute: { secs: 60 },
  min: { secs: 60 },
  second: { secs: 1 },
  sec: { secs: 1 },
};

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

function weekday(word: string): number {
  const w = word.toLowerCase().replace(/\.$/, '');
  for (let i = 0; i < 7; i++) {
    const name = WEEKDAYS[i] as string;
    if (w === name || (w.length === 3 && name.startsWith(w)) || (w === name.slice(0, 4) && i === 3)) return i;
  }
  return -1;
}

function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = daysFromCivil(y, m + 1, 1) - daysFromCivil(y, m, 1);
  return d <= days;
}

/** GNU `date -d`: the moment, or null for an invalid date. */
export function parseGnuDate(input: string, now: Moment): Moment | null {
  const at = /^\s*@([+-]?\d+)(?:[.,](\d+))?\s*$/.exec(input);
  if (at) {
    const frac = (at[2] ?? '').slice(0, 9).padEnd(9, '0');
    return { secs: Number(at[1]), nanos: Number(frac) };
  }
  const t = gmtime(now.secs);
  let date: { y: number; m: number; d: number } | null = null;
  let time: { h: number; mi: number; s: number; ns: number } | null = null;
  let relSecs = 0;
  let relMonths = 0;
  let dayShift: { wday: number; ord: number } | null = null;
  const words = input.trim() === '' ? [] : input.trim().split(/\s+/);
  // `ago` negates the relative item just before it (parse_datetime.y: relunit 'ago'), not the whole phrase.
  let last: { secs: number; months: number } | null = null;
  const rel = (secs: number, months: number) => {
    relSecs += secs;
    relMonths += months;
    last = { secs, months };
  };
  for (let i = 0; i < words.length; i++) {
    const w = (words[i] as string).toLowerCase();
    const dm = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:t(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(w);
    if (dm) {
      if (date) return null;
      date = { y: Number(dm[1]), m: Number(dm[2]), d: Number(dm[3]) };
      if (!validDate(date.y, date.m, date.d)) return null;
      if (dm[4] !== undefined) {
        if (time) return null;
        time = { h: Number(dm[4]), mi: Number(dm[5]), s: Number(dm[6] ?? 0), ns: 0 };
      }
      continue;
    }
    const tm = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?$/.exec(w);
    if (tm) {
      if (time) return null;
      time = {
        h: Number(tm[1]),
        mi: Number(tm[2]),
        s: Number(tm[3] ?? 0),
        ns: Number((tm[4] ?? '').slice(0, 9).padEnd(9, '0')),
      };
      continue;
    }
    if (w === 'now' || w === 'today') continue;
    if (w === 'yesterday' || w === 'tomorrow') {
      rel(w === 'yesterday' ? -86400 : 86400, 0);
      continue;
    }
    if (w === 'ago') {
      const l = last as { secs: number; months: number } | null;
      if (l === null) return null;
      rel(-2 * l.secs, -2 * l.months);
      last = null;
      continue;
    }
    if (w === 'next' || w === 'last' || w === 'this') {
      const wd = weekday(words[i + 1] ?? '');
      if (wd < 0 || dayShift) return null;
      dayShift = { wday: wd, ord: w === 'next' ? 1 : w === 'last' ? -1 : 0 };
      i++;
      continue;
    }
    const wd = weekday(w);
    if (wd >= 0) {
      if (dayShift) return null;
      dayShift = { wday: wd, ord: 0 };
      continue;
    }
    let n = 1;
    let unitWord = w;
    const numeric = /^[+-]?\d+$/.test(w);
    if (numeric) {
      n = Number(w);
      unitWord = (words[++i] ?? '').toLowerCase();
    }
    const unit = UNITS[unitWord.replace(/s$/, '')];
    if (!unit) return null;
    rel(n * (unit.secs ?? 0), n * (unit.months ?? 0));
  }
  if (time && (time.h > 24 || time.mi > 59 || time.s > 60 || (time.h === 24 && (time.mi || time.s))))
    return null;
  const y = date?.y ?? t.year;
  const m = date?.m ?? t.mon;
  let d = date?.d ?? t.mday;
  // A day item moves forward to that day (today counts); `next` skips today, `last` goes back.
  if (dayShift) {
    const today = gmtime(daysFromCivil(y, m, d) * 86400).wday;
    const ahead = (dayShift.wday - today + 7) % 7;
    const back = (today - dayShift.wday + 7) % 7;
    d += dayShift.ord === 1 ? ahead || 7 : dayShift.ord === -1 ? -(back || 7) : ahead;
  }
  // A date or a day name without a time, or the empty string, is midnight; otherwise the time of `now`.
  const midnight = date !== null || dayShift !== null || words.length === 0;
  const clock = time ?? (midnight ? { h: 0, mi: 0, s: 0, ns: 0 } : null);
  const sod = clock
    ? clock.h * 3600 + clock.mi * 60 + clock.s
    : now.secs - Math.floor(now.secs / 86400) * 86400;
  const days = daysFromCivil(y, m + relMonths, d);
  return { secs: days * 86400 + sod + relSecs, nanos: clock ? clock.ns : now.nanos };
}

const MONTH_ABBR = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * BusyBox `date -d TIME` / `date -s TIME` (libbb/time.c parse_datestr with ENABLE_DESKTOP, as the images and
 * Debian build it): strptime formats first, then `@SECONDS`, then the `touch -t` digit forms read from the
 * left, whose fields are range-checked. What strptime accepts (seconds up to 61, day 31 of any month) rolls
 * over in mktime. The moment, or null for an invalid date.
 */
export function parseBusyboxDate(input: string, now: Moment): Moment | null {
  const t = gmtime(now.secs);
  const at = (y: number, m: number, d: number, h: number, mi: number, s: number): Moment => ({
    secs: daysFromCivil(y, m, d) * 86400 + h * 3600 + mi * 60 + s,
    nanos: 0,
  });
  const ok = (m: number, d: number, h: number, mi: number, s: number) =>
    m >= 1 && m <= 12 && d >= 1 && d <= 31 && h <= 23 && mi <= 59 && s <= 61;
  const N = (x: string | undefined, dflt = 0) => (x === undefined ? dflt : Number(x));
  const T = String.raw`(\d{1,2}):(\d{1,2})(?::(\d{1,2}))?`;
  // %R / %T; %m.%d-%R / %T; %Y.%m.%d-%R / %T; %Y-%m-%d %R / %T; %Y-%m-%d %H; %Y-%m-%d.
  const forms: [RegExp, (r: RegExpExecArray) => [number, number, number, number, number, number]][] = [
    [new RegExp(`^${T}$`), (r) => [t.year, t.mon, t.mday, N(r[1]), N(r[2]), N(r[3])]],
    [
      new RegExp(`^(?:(\\d{1,4})\\.)?(\\d{1,2})\\.(\\d{1,2})-${T}$`),
      (r) => [N(r[1], t.year), N(r[2]), N(r[3]), N(r[4]), N(r[5]), N(r[6])],
    ],
    [
      new RegExp(`^(\\d{1,4})-(\\d{1,2})-(\\d{1,2}) ${T}$`),
      (r) => [N(r[1]), N(r[2]), N(r[3]), N(r[4]), N(r[5]), N(r[6])],
    ],
    [/^(\d{1,4})-(\d{1,2})-(\d{1,2})(?: (\d{1,2}))?$/, (r) => [N(r[1]), N(r[2]), N(r[3]), N(r[4]), 0, 0]],
  ];
  for (const [re, fields] of forms) {
    const r = re.exec(input);
    if (!r) continue;
    const [y, m, d, h, mi, s] = fields(r);
    return ok(m, d, h, mi, s) ? at(y, m, d, h, mi, s) : null;
  }
  // %b %d %T %Y
  const mon = /^([A-Za-z]{3})[a-z]* (\d{1,2}) (\d{1,2}):(\d{1,2}):(\d{1,2}) (\d{1,4})$/.exec(input);
  if (mon) {
    const m = MONTH_ABBR.indexOf((mon[1] as string).toLowerCase()) + 1;
    const [d, h, mi, s, y] = [N(mon[2]), N(mon[3]), N(mon[4]), N(mon[5]), N(mon[6])];
    return m > 0 && ok(m, d, h, mi, s) ? at(y, m, d, h, mi, s) : null;
  }
  const epoch = /^@([+-]?\d+)$/.exec(input);
  if (epoch) return { secs: Number(epoch[1]), nanos: 0 };
  const dig = /^(\d+)(?:\.(\d+))?$/.exec(input);
  if (!dig) return null;
  const ds = dig[1] as string;
  const p = (i: number) => Number(ds.slice(i, i + 2));
  // date.c zeroes the time of day before parsing: what the digits leave out is midnight's.
  let [y, m, d, h] = [t.year, t.mon, t.mday, 0];
  let mi: number;
  switch (ds.length) {
    case 2:
      mi = p(0);
      break;
    case 4:
      [h, mi] = [p(0), p(2)];
      break;
    case 6:
      [d, h, mi] = [p(0), p(2), p(4)];
      break;
    case 8:
      [m, d, h, mi] = [p(0), p(2), p(4), p(6)];
      break;
    case 10: {
      // yy in the century of now, moved by 100 years when more than 50 away.
      const cur = t.year - 1900;
      let yr = p(0) + Math.floor(cur / 100) * 100;
      if (yr < cur - 50) yr += 100;
      if (yr > cur + 50) yr -= 100;
      [y, m, d, h, mi] = [yr + 1900, p(2), p(4), p(6), p(8)];
      break;
    }
    case 12:
      [y, m, d, h, mi] = [Number(ds.slice(0, 4)), p(4), p(6), p(8), p(10)];
      break;
    default:
      return null;
  }
  const s = dig[2] === undefined ? 0 : Number(dig[2]);
  if (s > 60 || mi > 59 || h > 23 || d > 31 || m < 1 || m > 12) return null;
  return at(y, m, d, h, mi, s);
}
