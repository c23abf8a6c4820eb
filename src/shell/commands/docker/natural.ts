/**
 * github.com/fvbommel/sortorder NaturalLess, as the CLI sorts `docker port` lines and `docker network ls`
 * rows: runs of digits compare by value, everything else byte by byte.
 */
function chunks(s: string): string[] {
  return s.match(/\d+|\D+/g) ?? [];
}

export function naturalLess(a: string, b: string): boolean {
  const x = chunks(a);
  const y = chunks(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const p = x[i] as string;
    const q = y[i] as string;
    if (p === q) continue;
    const pd = /^\d/.test(p);
    const qd = /^\d/.test(q);
    if (pd && qd) {
      const d = Number(p) - Number(q);
      if (d !== 0) return d < 0;
      return p.length < q.length;
    }
    return p < q;
  }
  return x.length < y.length;
}

export function naturalCompare(a: string, b: string): number {
  return naturalLess(a, b) ? -1 : naturalLess(b, a) ? 1 : 0;
}
