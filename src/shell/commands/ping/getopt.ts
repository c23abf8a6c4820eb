/**
 * glibc getopt() in its default mode, as iputils ping and BusyBox's getopt32 run it over a short-option
 * string: options may follow the operands (GNU permutation), and a bad option is reported with glibc's own
 * messages before the program prints its usage.
 */
import { Getopt, getoptMessage } from '../../getopt';

export type ShortOpts =
  { ok: true; opts: { val: string; arg: string }[]; rest: string[] } | { ok: false; message: string };

export function getoptShort(argv: readonly string[], spec: string, prog: string): ShortOpts {
  const opts: { val: string; arg: string }[] = [];
  const rest: string[] = [];
  const g = new Getopt(argv, spec);
  for (;;) {
    const r = g.next([]);
    if (r.kind === 'end') return { ok: true, opts, rest };
    if (r.kind === 'nonopt') rest.push(r.arg);
    else if (r.kind === 'unknown' || r.kind === 'missing')
      return { ok: false, message: getoptMessage(prog, r) };
    else opts.push({ val: r.val, arg: r.arg ?? '' });
  }
}
