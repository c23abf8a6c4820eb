/**
 * One name server conversation for the nslookups: a connected UDP socket to SERVER:53, queries sent back
 * to back, replies read as they come until all are answered, an ICMP port unreachable (ECONNREFUSED)
 * or the deadline. Between two writes the kernel runs briefly, as a real write gives the softirq that
 * brings back a port unreachable the chance to run, so the next write can fail as it does on Linux.
 */
import type { Ip4 } from '../../../lib';
import { runUntilOr, sockGet } from '../../../kernel';
import type { CommandIO } from '../../types';
import { dnsAwait, dnsSend, dnsSocket, queryId, type DnsAnswer } from '../inet/resolv';
import { closeSock, newPid, nowUs, type ProgSock } from '../inet/socket';

export interface Query {
  name: string;
  qtype: string;
}

export type Exchange =
  | { kind: 'replies'; replies: { q: Query; reply: DnsAnswer }[]; missing: Query[] }
  | { kind: 'refused'; onWrite: boolean }
  | { kind: 'unreachable'; errno: string }
  | { kind: 'timeout' }
  | { kind: 'aborted' };

function errorQueued(io: CommandIO, s: ProgSock): boolean {
  return io.os.mutate(({ kctx }) => {
    const ns = io.proc.ns;
    runUntilOr(kctx, kctx.clock.nowUs + 1000, () =>
      (sockGet(kctx, ns, s.id)?.rx ?? []).some((m) => m.kind === 'sockerr'),
    );
    return (sockGet(kctx, ns, s.id)?.rx ?? []).some((m) => m.kind === 'sockerr');
  });
}

export async function exchange(
  io: CommandIO,
  program: string,
  server: Ip4,
  queries: readonly Query[],
  timeoutUs: number,
): Promise<Exchange> {
  const c = dnsSocket(io, program, newPid(io), server);
  if ('errno' in c) return { kind: 'unreachable', errno: c.errno };
  const s = c.sock;
  const ids = new Map<number, Query>();
  for (let i = 0; i < queries.length; i++) {
    if (i > 0 && errorQueued(io, s)) {
      closeSock(io, s);
      return { kind: 'refused', onWrite: true };
    }
    const id = queryId(io);
    ids.set(id, queries[i] as Query);
    dnsSend(io, s, id, (queries[i] as Query).name, (queries[i] as Query).qtype);
  }
  const until = nowUs(io) + timeoutUs;
  const replies: { q: Query; reply: DnsAnswer }[] = [];
  while (ids.size > 0) {
    const r = await dnsAwait(io, s, [...ids.keys()], until);
    if (r.kind !== 'reply') {
      closeSock(io, s);
      if (r.kind === 'refused') return { kind: 'refused', onWrite: false };
      if (r.kind === 'timeout' && replies.length > 0) break;
      return r.kind === 'error' ? { kind: 'unreachable', errno: r.errno } : r;
    }
    const q = ids.get(r.id);
    if (q) replies.push({ q, reply: r.reply });
    ids.delete(r.id);
  }
  closeSock(io, s);
  return { kind: 'replies', replies, missing: [...ids.values()] };
}
