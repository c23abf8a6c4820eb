/**
 * The subset of C printf(3) that iproute2's and BusyBox's format strings use: %s %d %i %u %x %c %%, the
 * flags '-', '#', '0', a field width, a precision, and ignored length modifiers (h, hh, l, ll).
 */
export function cfmt(fmt: string, ...args: readonly (string | number)[]): string {
  let i = 0;
  return fmt.replace(
    /%([-#0]*)(\d*)(?:\.(\d+))?(?:hh|h|ll|l)?([sdiuxc%])/g,
    (_m, flags: string, w: string, p: string | undefined, conv: string) => {
      if (conv === '%') return '%';
      const arg = args[i++];
      let s: string;
      if (conv === 's' || conv === 'c') {
        s = String(arg ?? '');
        if (p !== undefined) s = s.slice(0, Number(p));
      } else {
        let n = typeof arg === 'number' ? arg : Number(arg ?? 0);
        if (conv === 'u' || conv === 'x') n = n < 0 ? n + 2 ** 32 : n;
        s = conv === 'x' ? Math.trunc(n).toString(16) : String(Math.trunc(n));
        if (p !== undefined) {
          const neg = s.startsWith('-');
          const digits = neg ? s.slice(1) : s;
          s = (neg ? '-' : '') + digits.padStart(Number(p), '0');
        }
        if (conv === 'x' && flags.includes('#') && n !== 0) s = '0x' + s;
      }
      const width = w === '' ? 0 : Number(w);
      if (s.length >= width) return s;
      if (flags.includes('-')) return s.padEnd(width);
      if (flags.includes('0') && conv !== 's' && p === undefined) {
        const neg = s.startsWith('-');
        return (neg ? '-' : '') + (neg ? s.slice(1) : s).padStart(width - (neg ? 1 : 0), '0');
      }
      return s.padStart(width);
    },
  );
}
