/**
 * `sleep N[smhd]...` (coreutils/busybox): advances simulated time, letting timers and packets in flight
 * run; Ctrl-C stops it early. Overrides just-bash's sleep, which waits in real time.
 */
import { advance } from '../../kernel';
import type { CommandIO, SimCommand } from '../types';
import { coreutilsFlavour } from '../userlands';
import { gnuQuote } from './gnu_coreutils';

const UNIT: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

/** BusyBox 1.35's usage (bb_show_usage), for `sleep` without operands. */
const BUSYBOX_SLEEP_USAGE =
  'BusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1) multi-call binary.\n\nUsage: sleep [N]...\n\nPause for a time equal to the total of the args given, where each arg can\nhave an optional suffix of (s)econds, (m)inutes, (h)ours, or (d)ays\n';

/**
 * The operands' total; `quote` is how the tool quotes a bad one (GNU: gnulib quote(), locale-dependent),
 * `busybox` its wording (`invalid number 'x'`, the usage for no operand).
 */
export function parseSleep(
  args: readonly string[],
  quote: (s: string) => string = (s) => `'${s}'`,
  busybox = false,
): { us: number } | { error: string } {
  if (args.length === 0)
    return {
      error: busybox
        ? BUSYBOX_SLEEP_USAGE
        : "sleep: missing operand\nTry 'sleep --help' for more information.\n",
    };
  let total = 0;
  for (const a of args) {
    // coreutils reads the number with strtod: exponents and "inf" are fine; `sleep 1e308` or `sleep inf`
    // sleeps until Ctrl-C (the slices below never run out).
    const m = /^((?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?|inf(?:inity)?)([smhd]?)$/i.exec(a);
    if (!m)
      return {
        error: busybox
          ? `sleep: invalid number '${a}'\n`
          : `sleep: invalid time interval ${quote(a)}\nTry 'sleep --help' for more information.\n`,
      };
    const n = /^inf/i.test(m[1] as string) ? Number.POSITIVE_INFINITY : Number(m[1]);
    total += n * (UNIT[m[2] || 's'] ?? 1);
  }
  return { us: Math.round(total * 1_000_000) };
}

export const sleepCommand: SimCommand = {
  name: 'sleep',
  async run(io: CommandIO) {
    const busybox = coreutilsFlavour(io.proc) === 'busybox';
    const p = parseSleep(io.argv.slice(1), (x) => gnuQuote(io, x), busybox);
    if ('error' in p) {
      io.err(p.error);
      return 1;
    }
    // Move time in one-second slices so that Ctrl-C in the browser stops a long sleep promptly.
    let left = p.us;
    while (left > 0) {
      if (io.signal.aborted) return 130;
      const slice = Math.min(left, 1_000_000);
      io.os.mutate(({ kctx }) => advance(kctx, slice));
      await io.pace(slice);
      left -= slice;
    }
    return 0;
  },
};
