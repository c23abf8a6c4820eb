/**
 * api/types/time (timestamp.go GetTimestamp, ParseTimestamps), what the daemon makes of an `until` filter: a Go
 * duration before now ("10m", "1h30m"), an RFC 3339 date or date-time (the daemon's zone is UTC), or a Unix
 * time "SECONDS[.NANOS]". Dates are read the way Go's time.Parse reads the layouts GetTimestamp picks, with
 * its errors ("parsing time ... as ...: cannot parse ... as ...", "...: month out of range", "extra text").
 */
import { daysFromCivil, goQuote } from '../lib';

/** A wall time: Unix seconds and nanoseconds (0..999999999). */
export interface UnixTime {
  sec: bigint;
  nsec: bigint;
}

export class TimestampError extends Error {}

const UNIT_NS: Readonly<Record<string, number>> = {
  ns: 1,
  us: 1e3,
  '\u00b5s': 1e3,
  '\u03bcs': 1e3,
  ms: 1e6,
  s: 1e9,
  m: 60e9,
  h: 3600e9,
};

/** time.ParseDuration: nanoseconds, or null for what it refuses (no unit, unknown unit, overflow). */
function parseDuration(s: string): bigint | null {
  if (s === '0') return 0n;
  const m = /^([-+]?)(.+)$/.exec(s);
  const body = m?.[2] ?? '';
  const re = /(\d+\.?\d*|\.\d+)([a-zµμ]+)/gy;
  let ns = 0;
  let at = 0;
  for (let t = re.exec(body); t !== null; t = re.exec(body)) {
    const unit = UNIT_NS[t[2] as string];
    if (unit === undefined) return null;
    ns += Number(t[1]) * unit;
    at = re.lastIndex;
  }
  if (body === '' || at !== body.length || ns >= 2 ** 63) return null;
  return BigInt(Math.trunc(m?.[1] === '-' ? -ns : ns));
}

/** parseTimestamp: "SECONDS[.FRACTION]" with strconv.ParseInt's limits; null when it is not one. */
function parseUnix(value: string): UnixTime | null {
  const dot = value.indexOf('.');
  const s = dot < 0 ? value : value.slice(0, dot);
  const n = dot < 0 ? '' : value.slice(dot + 1);
  const int64 = (x: string) => {
    if (!/^[-+]?\d+$/.test(x)) return null;
    const v = BigInt(x);
    return v >= -(2n ** 63n) && v < 2n ** 63n ? v : null;
  };
  const sec = int64(s);
  if (sec === null) return null;
  if (dot < 0) return { sec, nsec: 0n };
  const frac = int64(n);
  if (frac === null) return null;
  // nsec * 10^(9-len): more than nine digits scale down, as Go's float arithmetic does.
  return { sec, nsec: BigInt(Math.trunc(Number(frac) * 10 ** (9 - n.length))) };
}

/** Layout elements of the formats GetTimestamp uses; anything else in a layout is a literal. */
const ELEMENTS = ['2006', '01', '02', '15', '04', '05', '.999999999', 'Z07:00'];

function tokens(layout: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < layout.length;) {
    const el = ELEMENTS.find((e) => layout.startsWith(e, i)) ?? (layout[i] as string);
    out.push(el);
    i += el.length;
  }
  return out;
}

const digit = (s: string, i: number) => i < s.length && s[i] !== undefined && /[0-9]/.test(s[i] as string);

/** getnum: one or two digits (exactly two when fixed). */
function getnum(s: string, fixed: boolean): [number, string] | null {
  if (!digit(s, 0)) return null;
  if (!digit(s, 1)) return fixed ? null : [Number(s[0]), s.slice(1)];
  return [Number(s.slice(0, 2)), s.slice(2)];
}

/** Go's time.Parse of `value` with one of GetTimestamp's layouts, in UTC. */
function goParse(layout: string, value: string): UnixTime {
  const fail = (elem: string, rest: string) =>
    new TimestampError(
      `parsing time ${goQuote(value)} as ${goQuote(layout)}: cannot parse ${goQuote(rest)} as ${goQuote(elem)}`,
    );
  const range = (what: string) => new TimestampError(`parsing time ${goQuote(value)}: ${what} out of range`);
  const f = { year: 0, month: 1, day: 1, hour: 0, min: 0, sec: 0, nsec: 0, offset: 0 };
  let v = value;
  const toks = tokens(layout);
  const fraction = (n: number) => {
    f.nsec = Number(v.slice(1, n).slice(0, 9).padEnd(9, '0'));
    v = v.slice(n);
  };
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i] as string;
    const hold = v;
    const num = (fixed: boolean, lo: number, hi: number, what: string): number => {
      const r = getnum(v, fixed);
      if (!r) throw fail(t, hold);
      if (r[0] < lo || r[0] > hi) throw range(what);
      v = r[1];
      return r[0];
    };
    if (t === '2006') {
      if (v.length < 4 || !/^\d{4}/.test(v)) throw fail(t, hold);
      f.year = Number(v.slice(0, 4));
      v = v.slice(4);
    } else if (t === '01') f.month = num(true, 1, 12, 'month');
    else if (t === '02') f.day = num(true, 0, 31, 'day');
    else if (t === '15') f.hour = num(false, 0, 23, 'hour');
    else if (t === '04') f.min = num(true, 0, 59, 'minute');
    else if (t === '05') {
      f.sec = num(true, 0, 59, 'second');
      // A fraction the layout does not ask for is read anyway.
      if (toks[i + 1] !== '.999999999' && /^[.,]\d/.test(v)) fraction(/^[.,]\d+/.exec(v)?.[0].length ?? 0);
    } else if (t === '.999999999') {
      if (/^[.,]\d/.test(v)) fraction(/^[.,]\d+/.exec(v)?.[0].length ?? 0);
    } else if (t === 'Z07:00') {
      if (v.startsWith('Z')) v = v.slice(1);
      else {
        const z = /^([+-])(\d\d):(\d\d)/.exec(v);
        if (!z || v.length < 6) throw fail(t, hold);
        const [hh, mm] = [Number(z[2]), Number(z[3])];
        if (hh > 24) throw range('time zone offset hour');
        if (mm > 60) throw range('time zone offset minute');
        f.offset = (z[1] === '-' ? -1 : 1) * (hh * 60 + mm) * 60;
        v = v.slice(6);
      }
    } else {
      if (!v.startsWith(t)) throw fail(t, hold);
      v = v.slice(t.length);
    }
  }
  if (v !== '') throw new TimestampError(`parsing time ${goQuote(value)}: extra text: ${goQuote(v)}`);
  const dim = [31, f.year % 4 === 0 && (f.year % 100 !== 0 || f.year % 400 === 0) ? 29 : 28, 31, 30, 31];
  const daysIn = [...dim, 30, 31, 31, 30, 31, 30, 31][f.month - 1] as number;
  if (f.day < 1 || f.day > daysIn) throw range('day');
  const days = daysFromCivil(f.year, f.month, f.day);
  const sec = BigInt(days) * 86400n + BigInt(f.hour * 3600 + f.min * 60 + f.sec - f.offset);
  return { sec, nsec: BigInt(f.nsec) };
}

/** The layout GetTimestamp picks for a value that is not a duration. */
function layoutFor(value: string): string {
  const local = !(/[zZ+]/.test(value) || value.split('-').length - 1 === 3);
  if (value.includes('.'))
    return local ? '2006-01-02T15:04:05.999999999' : '2006-01-02T15:04:05.999999999Z07:00';
  if (value.includes('T')) {
    let colons = value.split(':').length - 1;
    if (!local && !/[zZ]/.test(value) && colons > 0) colons--;
    const hm = colons === 0 ? '15' : colons === 1 ? '15:04' : '15:04:05';
    return `2006-01-02T${hm}${local ? '' : 'Z07:00'}`;
  }
  return local ? '2006-01-02' : '2006-01-02Z07:00';
}

/**
 * GetTimestamp then ParseTimestamps: the time `value` names, `now` being the daemon's clock. Throws
 * TimestampError with the daemon's text.
 */
export function filterTimestamp(value: string, now: UnixTime): UnixTime {
  const d = value === '0' ? null : parseDuration(value);
  if (d !== null) {
    const ns = now.sec * 1_000_000_000n + now.nsec - d;
    // time.Unix() floors; the result is whole seconds.
    const sec = ns >= 0n ? ns / 1_000_000_000n : -((-ns + 999_999_999n) / 1_000_000_000n);
    return { sec, nsec: 0n };
  }
  try {
    return goParse(layoutFor(value), value);
  } catch (e) {
    if (!(e instanceof TimestampError)) throw e;
    if (value.includes('-')) throw e;
    const u = parseUnix(value);
    if (u === null) throw new TimestampError(`failed to parse value as time or duration: ${goQuote(value)}`);
    return u;
  }
}

/** a < b */
export function timeBefore(a: UnixTime, b: UnixTime): boolean {
  return a.sec < b.sec || (a.sec === b.sec && a.nsec < b.nsec);
}
