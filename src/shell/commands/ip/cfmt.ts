/**
 * The subset of C printf(3) that iproute2's and BusyBox's format strings use: %s %d %i %u %x %c %%, the
 * flags '-', '#', '0', a field width, a precision, and ignored length modifiers (h, hh, l, ll).
 */

/** A conversion of a format string: flags, width, precision and the conversion letter. */
interface Spec {
  left: boolean;
  alt: boolean;
  zero: boolean;
  width: number;
  precision: number | undefined;
  conv: string;
}

/**
 * Format strings are few and used for every line of a listing: each is parsed once into literal text and
 * conversions, in the same way the one regular expression below reads them.
 */
const parsed = new Map<string, (string | Spec)[]>();

function parse(fmt: string): (string | Spec)[] {
  const parts: (string | Spec)[] = [];
  const re = /%([-#0]*)(\d*)(?:\.(\d+))?(?:hh|h|ll|l)?([sdiuxc%])/g;
  let last = 0;
  for (let m = re.exec(fmt); m !== null; m = re.exec(fmt)) {
    const [all, flags = '', w = '', p, conv = ''] = m;
    if (m.index > last) parts.push(fmt.slice(last, m.index));
    last = m.index + all.length;
    if (conv === '%') {
      parts.push('%');
      continue;
    }
    parts.push({
      left: flags.includes('-'),
      alt: flags.includes('#'),
      zero: flags.includes('0'),
      width: w === '' ? 0 : Number(w),
      precision: p === undefined ? undefined : Number(p),
      conv,
    });
  }
  if (last < fmt.length) parts.push(fmt.slice(last));
  return parts;
}

function convert(spec: Spec, arg: string | number | undefined): string {
  const { conv, precision: p, width } = spec;
  let s: string;
  if (conv === 's' || conv === 'c') {
    s = String(arg ?? '');
    if (p !== undefined) s = s.slice(0, p);
  } else {
    let n = typeof arg === 'number' ? arg : Number(arg ?? 0);
    if (conv === 'u' || conv === 'x') n = n < 0 ? n + 2 ** 32 : n;
    s = conv === 'x' ? Math.trunc(n).toString(16) : String(Math.trunc(n));
    if (p !== undefined) {
      const neg = s.startsWith('-');
      const digits = neg ? s.slice(1) : s;
      s = (neg ? '-' : '') + digits.padStart(p, '0');
    }
    if (conv === 'x' && spec.alt && n !== 0) s = '0x' + s;
  }
  if (s.length >= width) return s;
  if (spec.left) return s.padEnd(width);
  if (spec.zero && conv !== 's' && p === undefined) {
    const neg = s.startsWith('-');
    return (neg ? '-' : '') + (neg ? s.slice(1) : s).padStart(width - (neg ? 1 : 0), '0');
  }
  return s.padStart(width);
}

/** A format string's parts, parsed once. */
function partsOf(fmt: string): (string | Spec)[] {
  let parts = parsed.get(fmt);
  if (!parts) {
    parts = parse(fmt);
    // Formats are literals of the commands; a bound keeps a caller that builds them from growing the cache.
    if (parsed.size < 4096) parsed.set(fmt, parts);
  }
  return parts;
}

export function cfmt(fmt: string, ...args: readonly (string | number)[]): string {
  let out = '';
  let i = 0;
  for (const part of partsOf(fmt)) out += typeof part === 'string' ? part : convert(part, args[i++]);
  return out;
}

/**
 * printf(fmt, arg) with one argument, handed to `put` piece by piece: the literal text and the converted
 * argument, without joining them. A caller that gathers its output (iproute2's printer) joins everything
 * once; `ip a` at a thousand containers made ~0.7 MB of short-lived strings joining each printf first.
 */
export function cfmtEach(fmt: string, arg: string | number, put: (piece: string) => void): void {
  let used = false;
  for (const part of partsOf(fmt)) {
    if (typeof part === 'string') put(part);
    else {
      put(convert(part, used ? undefined : arg));
      used = true;
    }
  }
}
