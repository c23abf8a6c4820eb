/**
 * The C library number parsing brctl relies on: sscanf("%lf") for times (bridge-utils strtotimeval()) and
 * sscanf("%i") for priorities and costs. Both skip leading white space, take the longest prefix that forms a
 * number and ignore the rest; they fail only when no number starts the string.
 */

/** sscanf(s, "%lf"): decimal or hexadecimal floating point, inf and nan. */
export function scanDouble(s: string): number | null {
  const t = s.replace(/^[ \t\n\v\f\r]+/, '');
  const hex = /^([+-]?)0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?(?:[pP]([+-]?\d+))?/.exec(t);
  if (hex && ((hex[2] ?? '') !== '' || (hex[3] ?? '') !== '')) {
    const frac = hex[3] ?? '';
    const mant = parseInt((hex[2] ?? '') + frac || '0', 16) / 16 ** frac.length;
    const v = mant * 2 ** Number(hex[4] ?? 0);
    return hex[1] === '-' ? -v : v;
  }
  const dec = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(t);
  if (dec) return Number(dec[0]);
  const special = /^([+-]?)(inf(?:inity)?|nan)/i.exec(t);
  if (special) {
    if (special[2]?.toLowerCase() === 'nan') return NaN;
    return special[1] === '-' ? -Infinity : Infinity;
  }
  return null;
}

/** sscanf(s, "%i"): an int in C notation (0x hex, leading 0 octal, else decimal), wrapped to 32 bits. */
export function scanInt(s: string): number | null {
  const m = /^[ \t\n\v\f\r]*([+-]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9]\d*)/.exec(s);
  if (!m) return null;
  const body = m[2] as string;
  const v = /^0[xX]/.test(body)
    ? parseInt(body, 16)
    : body.startsWith('0')
      ? parseInt(body, 8)
      : Number(body);
  return ((m[1] === '-' ? -v : v) | 0) as number;
}

/**
 * bridge-utils: strtotimeval() then __tv_to_jiffies(): seconds as a double, split into whole seconds and
 * microseconds (both truncated), then centiseconds (the clock_t that sysfs takes), truncated again.
 */
export function secondsToCentis(secs: number): number {
  const sec = Math.trunc(secs);
  const usec = Math.trunc(1_000_000 * (secs - sec));
  return Math.trunc((sec * 1_000_000 + usec) / 10_000);
}
