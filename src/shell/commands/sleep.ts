/**
 * `sleep N[smhd]...` (coreutils/busybox): advances simulated time, letting timers and packets in flight
 * run; Ctrl-C stops it early. Overrides just-bash's sleep, which waits in real time.
 */
import { advance } from '../../kernel';
import type { CommandIO, SimCommand } from '../types';

const UNIT: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

export function parseSleep(args: readonly string[]): { us: number } | { error: string } {
  if (args.length === 0)
    return { error: "sleep: missing operand\nTry 'sleep --help' for more information.\n" };
  let total = 0;
  for (const a of args) {
    // coreutils reads the number with strtod: exponents and "inf" are fine; `sleep 1e308` or `sleep inf`
    // sleeps until Ctrl-C (the slices below never run out).
    const m = /^((?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?|inf(?:inity)?)([smhd]?)$/i.exec(a);
    if (!m)
      return { error: `sleep: invalid time interval '${a}'\nTry 'sleep --help' for more information.\n` };
    const n = /^inf/i.test(m[1] as string) ? Number.POSITIVE_INFINITY : Number(m[1]);
    total += n * (UNIT[m[2] || 's'] ?? 1);
  }
  return { us: Math.round(total * 1_000_000) };
}

export const sleepCommand: SimCommand = {
  name: 'sleep',
  async run(io: CommandIO) {
    const p = parseSleep(io.argv.slice(1));
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
