/**
 * The copy loop of both netcats once a connection exists (netcat-openbsd readwrite(), BusyBox nc's poll
 * loop): stdin goes to the socket, what arrives is written to stdout as it comes. A terminal stdin never
 * ends (nothing is typed into the simulated terminal while a command runs); a piped one ends after its
 * text. What happens at stdin's EOF and when the loop ends is the caller's choice of options.
 */
import type { CommandIO } from '../../types';
import { dataText, nowUs, sendText, shutdownWrite, waitSock, type ProgSock } from '../inet/socket';

export interface RelayOpts {
  /** Shut the write side down at stdin's EOF (nc -N; BusyBox always does). */
  shutdownOnEof: boolean;
  /** Seconds to go on after stdin's EOF (nc -q), or null to wait for the peer. */
  quitAfter: number | null;
  /** Idle seconds after which the loop gives up (nc -w), or null. */
  idle: number | null;
  /** Do not read stdin at all (nc -d). */
  noStdin?: boolean;
}

export type RelayEnd = 'eof' | 'reset' | 'quit' | 'idle' | 'aborted';

/** The text stdin holds, or null when it is the terminal (no EOF ever comes). */
export function stdinText(io: CommandIO): string | null {
  return io.isatty ? null : io.stdin;
}

export async function relay(io: CommandIO, s: ProgSock, o: RelayOpts): Promise<RelayEnd> {
  const input = o.noStdin ? null : stdinText(io);
  let quitAt = Number.POSITIVE_INFINITY;
  if (input !== null) {
    if (input.length > 0) sendText(io, s, input);
    if (o.shutdownOnEof && s.proto === 'tcp') shutdownWrite(io, s);
    if (o.quitAfter !== null) {
      if (o.quitAfter === 0) return 'quit';
      quitAt = nowUs(io) + o.quitAfter * 1_000_000;
    }
  }
  let idleAt = o.idle === null ? Number.POSITIVE_INFINITY : nowUs(io) + o.idle * 1_000_000;
  for (;;) {
    const m = s.pending.shift();
    if (m) {
      if (m.kind === 'data') {
        io.out(dataText(m));
        if (o.idle !== null) idleAt = nowUs(io) + o.idle * 1_000_000;
      } else if (m.kind === 'eof') return 'eof';
      else if (m.kind === 'reset' || m.kind === 'sockerr') return 'reset';
      continue;
    }
    const until = Math.min(quitAt, idleAt);
    if (nowUs(io) >= until) return until === quitAt ? 'quit' : 'idle';
    if (!(await waitSock(io, s, until))) return 'aborted';
  }
}
