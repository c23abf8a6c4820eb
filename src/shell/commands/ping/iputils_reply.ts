/**
 * What iputils ping does with what it reads (ping/ping.c parse_reply, ping6_common.c, ping_common.c
 * gather_statistics, ping4_receive_error_msg): echo replies counted and printed for either family, ICMP
 * errors read on the raw socket, errors from the IP_RECVERR queue. `Ctx` is a run's state (iputils.ts).
 */
import type { Ip4 } from '../../../lib';
import { formatIp4 } from '../../../lib';
import type { DevId, SocketMessage } from '../../../kernel';
import type { CommandIO } from '../../types';
import { nowUs, type EchoSocket } from './echo';
import { classify6, type Icmp6Message } from './echo6';
import { fmtTripTime, icmpText } from './iputils_fmt';
import type { IputilsOpts } from './iputils_opts';
import type { Rts } from './iputils_rts';
import { nameOf } from './resolver';

export interface Ctx {
  io: CommandIO;
  o: IputilsOpts;
  rts: Rts;
  sock: EchoSocket;
  whereto: Ip4;
  /** The IPv6 destination (ping6_run), or null for IPv4. */
  whereto6: string | null;
  /** SO_BINDTODEVICE's device for IPv6 sends (IPv4's socket carries it). */
  bindDev: DevId | null;
  source: Ip4;
  names: Map<Ip4, string>;
  multicast: boolean;
  timing: boolean;
}

export function prAddr(c: Ctx, addr: Ip4 | string): string {
  if (typeof addr === 'string') return addr;
  if (c.o.numeric) return formatIp4(addr);
  return `${nameOf(c.names, addr)} (${formatIp4(addr)})`;
}

export function stamp(c: Ctx): string {
  if (!c.o.timestamps) return '';
  const us = (c.io.os.state.docker?.epochMs ?? 0) * 1000 + nowUs(c.io);
  return `[${Math.floor(us / 1e6)}.${String(us % 1e6).padStart(6, '0')}] `;
}

/** parse_reply() of a raw ICMP copy: echo replies are counted and printed, errors only acknowledged. */
export function parseReply(c: Ctx, m: Extract<SocketMessage, { kind: 'icmp' }>): void {
  const icmp = m.icmp;
  if (icmp.type === 0) {
    if (icmp.id !== c.sock.ident) return;
    echoReply(c, icmp.seq, m.ipLen - 20, m.atUs, m.fromAddr, m.ttl, m.fromAddr !== c.whereto);
    return;
  }
  parseError(c, m);
}

/** ping6 parse_reply() and the IPV6_RECVERR error queue: replies counted as IPv4's, errors printed. */
export function parseReply6(c: Ctx, m: Icmp6Message): void {
  const r = classify6(m, c.sock.ident, c.whereto6 ?? '');
  if (!r) return;
  if (r.kind === 'reply') {
    echoReply(c, r.seq, m.plen, m.atUs, m.from, m.hopLimit, m.from !== c.whereto6);
    return;
  }
  c.rts.acknowledge(r.seq);
  c.rts.nerrors++;
  if (!c.o.quiet) c.io.out(`${stamp(c)}From ${prAddr(c, m.from)} icmp_seq=${r.seq} ${r.text}\n`);
}

/** An echo reply of `cc` bytes: statistics, then its line. */
function echoReply(
  c: Ctx,
  seq: number,
  cc: number,
  atUs: number,
  from: Ip4 | string,
  ttl: number,
  different: boolean,
): void {
  const { rts, o, io } = c;
  rts.nreceived++;
  rts.acknowledge(seq);
  let triptime = 0;
  const sentAt = rts.sent.get(seq);
  if (c.timing && cc >= 8 + 16 && sentAt !== undefined) {
    triptime = Math.max(0, atUs - sentAt);
    rts.tsum += triptime;
    rts.tsum2 += triptime * triptime;
    rts.tmin = Math.min(rts.tmin, triptime);
    rts.tmax = Math.max(rts.tmax, triptime);
    rts.rtt = rts.rtt ? rts.rtt + triptime - Math.trunc(rts.rtt / 8) : triptime * 8;
  }
  const dup = rts.rcvd.has(seq);
  if (dup) {
    rts.nrepeats++;
    rts.nreceived--;
  } else rts.rcvd.add(seq);
  rts.confirm = true;
  if (o.quiet) return;
  let line = `${stamp(c)}${cc} bytes from ${prAddr(c, from)}: icmp_seq=${seq} ttl=${ttl}`;
  if (cc < o.datalen + 8) {
    io.out(`${line} (truncated)\n`);
    return;
  }
  if (c.timing) line += ` time=${fmtTripTime(triptime)}`;
  if (dup && (!c.multicast || o.verbose)) line += ' (DUP!)';
  if (!o.broadcast && !c.multicast && different) line += ' (DIFFERENT ADDRESS!)';
  io.out(`${line}${o.audible ? '\x07' : ''}\n`);
}

/** An ICMP error read on the raw socket: acknowledged; redirects and source quench printed. */
function parseError(c: Ctx, m: Extract<SocketMessage, { kind: 'icmp' }>): void {
  const { rts, o, io } = c;
  const icmp = m.icmp;
  if ([3, 4, 5, 11, 12].includes(icmp.type)) {
    const q = icmp.innerL4;
    if (
      !icmp.inner ||
      !q ||
      !('type' in q) ||
      q.type !== 8 ||
      icmp.inner.dst !== c.whereto ||
      q.id !== c.sock.ident
    )
      return;
    if (icmp.type !== 5 && icmp.type !== 4) {
      rts.acknowledge(q.seq);
      return;
    }
    if (!o.quiet)
      io.out(
        `${stamp(c)}From ${prAddr(c, m.fromAddr)}: icmp_seq=${q.seq} ${icmpText(icmp.type, icmp.code)}\n`,
      );
  }
}

/** ping4_receive_error_msg(): an error queued by IP_RECVERR: "From X icmp_seq=N Destination ...". */
export function receiveError(c: Ctx, m: Extract<SocketMessage, { kind: 'error' }>): void {
  const { rts, o, io } = c;
  if (m.origin === 'local') {
    // Quiet skips the count too (`goto out` before nerrors++): `ping -q -s 65508` ends with no "+1 errors".
    if (o.quiet) return;
    rts.nerrors++;
    if (m.eeErrno === 'EMSGSIZE') io.err(`ping: local error: message too long, mtu=${m.eeInfo ?? 0}\n`);
    else io.err(`ping: local error: ${icmpText(m.icmpType, m.icmpCode)}\n`);
    return;
  }
  const q = m.innerL4;
  if (!m.inner || m.inner.dst !== c.whereto || !q || !('type' in q) || q.type !== 8 || q.id !== c.sock.ident)
    return;
  rts.acknowledge(q.seq);
  rts.nerrors++;
  if (o.quiet) return;
  io.out(
    `${stamp(c)}From ${prAddr(c, m.fromAddr)} icmp_seq=${q.seq} ${icmpText(m.icmpType, m.icmpCode, m.eeInfo)}\n`,
  );
}
