/**
 * How the kernel parses what is written to an integer sysctl file: __do_proc_dointvec() with
 * proc_get_long() (kernel/sysctl.c). Leading blanks are skipped, an optional '-', then a number in
 * strtoul base 0 (0x.. hex, 0.. octal), which must be followed by a blank or the end. Only the first
 * value is taken for a one-int file; the rest is ignored. Empty input and values outside int are EINVAL.
 */

const INT_MAX = 2 ** 31 - 1;
/** proc_wspace_sep[]: the characters that may end a number. */
const SEP = /^[ \t\n]/;

/** The ints written to a vector sysctl (up to `count`), or null for EINVAL. */
export function parseProcInts(text: string, count: number): number[] | null {
  let rest = text;
  const out: number[] = [];
  while (out.length < count) {
    rest = rest.replace(/^[ \t\n\r\f\v]+/, '');
    if (rest === '') break;
    const m = /^(-?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)/.exec(rest);
    if (!m) return null;
    const digits = m[2] as string;
    const mag = /^0[xX]/.test(digits)
      ? parseInt(digits.slice(2), 16)
      : digits.length > 1 && digits.startsWith('0')
        ? parseInt(digits.slice(1), 8)
        : parseInt(digits, 10);
    rest = rest.slice(m[0].length);
    if (rest !== '' && !SEP.test(rest)) return null;
    const neg = m[1] === '-';
    // do_proc_dointvec_conv: -INT_MAX-1 .. INT_MAX
    if (neg ? mag > INT_MAX + 1 : mag > INT_MAX) return null;
    out.push(neg ? -mag : mag);
  }
  return out.length === 0 ? null : out;
}

/** One int, as proc_dointvec() takes it. */
export function parseProcInt(text: string): number | null {
  const v = parseProcInts(text, 1);
  return v === null ? null : (v[0] as number);
}
