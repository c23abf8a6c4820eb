/**
 * What ping does to the kernel for an IPv6 target (iputils ping/ping6_common.c, BusyBox ping6): a raw
 * ICMPv6 socket with an ICMP6_FILTER passing echo replies and errors, IPV6_RECVERR, IPV6_HOPLIMIT for the
 * replies' hop limit; a connect() that picks the route and source; sendto() of echo requests; and the
 * texts print_icmp() gives errors.
 */
import { formatIp6, parseIp6 } from '../../../lib';
import {
  devByName,
  IPV6_DEFAULT_HOPLIMIT,
  ip6RouteOutput,
  ip6Sendmsg,
  strerror,
  type DevId,
  type Errno,
  type SocketMessage,
} from '../../../kernel';
import type { CommandIO } from '../../types';
import type { EchoSocket } from './echo';

/** An IPv6 literal as getaddrinfo(AI_NUMERICHOST) reads it, in canonical form; null when it is not one. */
export function ip6Literal(text: string): string | null {
  const g = text.includes(':') ? parseIp6(text) : null;
  return g ? formatIp6(g) : null;
}

/** connect() of the probe socket: the source the kernel picks, or the error ping prints. */
export function probeRoute6(
  io: CommandIO,
  dst: string,
  bindDev: string | null,
): { ok: true; src: string } | { ok: false; message: string } {
  const kctx = io.os.view();
  const dev = bindDev === null ? null : devByName(kctx.k, io.proc.ns, bindDev);
  const r = ip6RouteOutput(kctx, io.proc.ns, dst, dev?.id ?? null);
  return r.ok ? { ok: true, src: r.value.src } : { ok: false, message: strerror(r.error.errno) };
}

/** sendto() of one echo request (ICMPv6 type 128): its time, or the errno text. */
export function sendEcho6(
  io: CommandIO,
  s: EchoSocket,
  req: { dst: string; seq: number; datalen: number; hopLimit: number | null; bindDev: DevId | null },
): { ok: true; atUs: number } | { ok: false; errno: Errno } {
  return io.os.mutate(({ kctx }) => {
    const r = ip6Sendmsg(kctx, io.proc.ns, {
      dst: req.dst,
      src: null,
      oif: req.bindDev,
      hopLimit: req.hopLimit ?? IPV6_DEFAULT_HOPLIMIT,
      icmp6: { type: 128, code: 0, id: s.ident, seq: req.seq & 0xffff },
      plen: 8 + req.datalen,
    });
    return r.ok
      ? { ok: true as const, atUs: kctx.clock.nowUs }
      : { ok: false as const, errno: r.error.errno };
  });
}

/** print_icmp() of ping6_common.c for the errors a ping meets. */
export function icmp6Text(type: number, code: number): string {
  switch (type) {
    case 1:
      return `Destination unreachable: ${
        [
          'No route',
          'Administratively prohibited',
          'Beyond scope',
          'Address unreachable',
          'Port unreachable',
        ][code] ?? `Unknown code ${code}`
      }`;
    case 2:
      return 'Packet too big';
    case 3:
      return `Time exceeded: ${code === 0 ? 'Hop limit' : code === 1 ? 'Defragmentation failure' : `code ${code}`}`;
    case 4:
      return 'Parameter problem';
    default:
      return `Unknown code ${type}`;
  }
}

export type Icmp6Message = Extract<SocketMessage, { kind: 'icmp6' }>;

/** What a message read from the socket is to a ping with this identifier and destination. */
export function classify6(
  m: Icmp6Message,
  ident: number,
  dst: string,
): { kind: 'reply'; seq: number } | { kind: 'error'; seq: number; text: string } | null {
  const i = m.icmp;
  if (i.type === 129) return i.id === ident ? { kind: 'reply', seq: i.seq ?? 0 } : null;
  const q = i.inner;
  if (!q || q.type !== 128 || q.id !== ident || q.dst !== dst) return null;
  return { kind: 'error', seq: q.seq, text: icmp6Text(i.type, i.code) };
}
