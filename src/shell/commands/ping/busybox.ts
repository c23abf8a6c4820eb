/**
 * BusyBox 1.35 ping (networking/ping.c, FEATURE_FANCY_PING): getopt32 "qvAc:+s:t:+w:+W:+I:np:i:46" with
 * exactly one host; packets every -i seconds from setitimer (on time), sequence numbers from 0; replies are
 * the only thing it reads (ICMP errors are silently ignored: their id field is not ours), so an unreachable
 * host is plain 100% loss. After the last of -c packets it waits -W seconds (default 10) if nothing came
 * back, about 2 RTT otherwise; -w is checked when the next packet would go. sendto() failing is fatal
 * (`ping: sendto: Network is unreachable`, exit 1, after the PING line). Exit 1 when nothing came back.
 */
import type { Ip4 } from '../../../lib';
import { formatIp4, parseIp4 } from '../../../lib';
import { devByName, strerror, type SocketMessage } from '../../../kernel';
import type { CommandIO } from '../../types';
import { permitted } from '../../capability';
import { getoptShort } from './getopt';
import { closeEchoSocket, deviceExists, nowUs, openEchoSocket, sendEcho, waitEcho } from './echo';
import { ip6Literal, sendEcho6 } from './echo6';
import { resolveHost } from './resolver';
import { BUSYBOX_PING_USAGE } from './usage';

interface BbOpts {
  quiet: boolean;
  count: number;
  datalen: number;
  ttl: number | null;
  deadline: number;
  timeout: number;
  iface: string | null;
  source: Ip4 | null;
  intervalUs: number;
  pattern: number;
  host: string;
}

/** xatou / xatou_range: a plain unsigned decimal. */
function xatou(s: string, max: number): number | string {
  if (!/^\d+$/.test(s)) return `ping: invalid number '${s}'\n`;
  const n = Number(s);
  if (n > max) return `ping: number ${s} is not in 0..${max} range\n`;
  return n;
}

/** parse_duration_str(): seconds, fractions allowed, with an optional s/m/h/d suffix. */
function duration(s: string): number | string {
  const m = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(s);
  if (!m) return `ping: invalid number '${s}'\n`;
  return Number(m[1]) * ({ s: 1, m: 60, h: 3600, d: 86400 }[m[2] || 's'] ?? 1);
}

function parse(argv: readonly string[]): { ok: true; o: BbOpts } | { ok: false; err: string } {
  const o: BbOpts = {
    quiet: false,
    count: 0,
    datalen: 56,
    ttl: null,
    deadline: 0,
    timeout: 10,
    iface: null,
    source: null,
    intervalUs: 1_000_000,
    pattern: 0,
    host: '',
  };
  const g = getoptShort(argv, 'qvAc:s:t:w:W:I:np:i:46', 'ping');
  if (!g.ok) return { ok: false, err: `${g.message}${BUSYBOX_PING_USAGE}` };
  const rest = g.rest;
  for (const r of g.opts) {
    const arg = r.arg;
    const num = (max: number): number | null => {
      const n = xatou(arg, max);
      if (typeof n === 'string') throw new BbError(n);
      return n;
    };
    try {
      switch (r.val) {
        case 'q':
          o.quiet = true;
          break;
        case 'c':
          o.count = num(4294967295) ?? 0;
          break;
        case 's':
          o.datalen = num(65535) ?? 56;
          break;
        case 't':
          o.ttl = num(4294967295);
          break;
        case 'w':
          o.deadline = num(4294967295) ?? 0;
          break;
        case 'W':
          o.timeout = num(4294967295) ?? 10;
          break;
        case 'I':
          o.iface = arg;
          break;
        case 'p': {
          const v = Number.parseInt(arg, 16);
          if (!/^[0-9a-fA-F]+$/.test(arg) || v > 255) throw new BbError(`ping: invalid number '${arg}'\n`);
          o.pattern = v;
          break;
        }
        case 'i': {
          const d = duration(arg);
          if (typeof d === 'string') throw new BbError(d);
          o.intervalUs = Math.round(Math.min(d, 2147) * 1_000_000);
          break;
        }
        default:
          break;
      }
    } catch (e) {
      if (e instanceof BbError) return { ok: false, err: e.message };
      throw e;
    }
  }
  if (rest.length !== 1) return { ok: false, err: BUSYBOX_PING_USAGE };
  o.host = rest[0] as string;
  return { ok: true, o };
}

class BbError extends Error {}

export async function runBusyboxPing(io: CommandIO): Promise<number> {
  const p = parse(io.argv);
  if (!p.ok) {
    io.err(p.err);
    return 1;
  }
  const o = p.o;
  const start = nowUs(io);
  const deadlineAt = o.deadline ? start + Math.min(o.deadline, 2147) * 1_000_000 : 0;
  let bindDev: string | null = null;
  if (o.iface !== null) {
    if (deviceExists(io, o.iface)) bindDev = o.iface;
    else {
      o.source = parseIp4(o.iface);
      if (o.source === null) {
        io.err(`ping: bad address '${o.iface}'\n`);
        return 1;
      }
    }
  }
  // ping6() for an IPv6 literal (xhost_and_af2sockaddr), ping4() otherwise.
  const dst6 = ip6Literal(o.host);
  const res = dst6 === null ? await resolveHost(io, o.host) : null;
  if (res && !res.ok) {
    io.err(`ping: bad address '${o.host}'\n`);
    return 1;
  }
  const dst = res?.ok ? res.addr : 0;
  io.out(
    `PING ${o.host} (${dst6 ?? formatIp4(dst)})${o.source !== null ? ` from ${formatIp4(o.source)}` : ''}: ${o.datalen} data bytes\n`,
  );
  // create_icmp_socket(): SOCK_RAW only (no ICMP datagram socket in 1.35), after the PING line.
  if (!permitted(io.proc, 'rawSocket')) {
    io.err('ping: permission denied (are you root?)\n');
    return 1;
  }
  const sock = openEchoSocket(io, 'ping', bindDev, dst6 === null ? o.ttl : null, dst6 !== null);
  const bindDevId =
    bindDev === null ? null : (devByName(io.os.state.kernel, io.proc.ns, bindDev)?.id ?? null);
  let ntransmitted = 0;
  let nreceived = 0;
  let nrepeats = 0;
  let tmin = Number.POSITIVE_INFINITY;
  let tmax = 0;
  let tsum = 0;
  const rcvd = new Set<number>();
  const sent = new Map<number, number>();
  let nextSendAt = start;
  let alarmAt = Number.POSITIVE_INFINITY;
  const stats = (): number => {
    closeEchoSocket(io, sock);
    let out = `\n--- ${o.host} ping statistics ---\n${ntransmitted} packets transmitted, ${nreceived} packets received, `;
    if (nrepeats) out += `${nrepeats} duplicates, `;
    out += `${ntransmitted ? Math.trunc(((ntransmitted - nreceived) * 100) / ntransmitted) : 0}% packet loss\n`;
    if (tmin !== Number.POSITIVE_INFINITY) {
      const tavg = Math.trunc(tsum / (nreceived + nrepeats));
      const f = (us: number): string => `${Math.trunc(us / 1000)}.${String(us % 1000).padStart(3, '0')}`;
      out += `round-trip min/avg/max = ${f(tmin)}/${f(tavg)}/${f(tmax)} ms\n`;
    }
    io.out(out);
    return nreceived === 0 || (o.deadline && nreceived < o.count) ? 1 : 0;
  };
  for (;;) {
    const now = nowUs(io);
    if (now >= nextSendAt) {
      // sendping_tail(): the deadline is looked at when the next packet is due.
      if (deadlineAt && now >= deadlineAt) return stats();
      const seq = ntransmitted & 0xffff;
      rcvd.delete(seq);
      ntransmitted++;
      const r =
        dst6 !== null
          ? sendEcho6(io, sock, { dst: dst6, seq, datalen: o.datalen, hopLimit: o.ttl, bindDev: bindDevId })
          : sendEcho(io, sock, {
              dst,
              src: o.source ?? 0,
              ident: sock.ident,
              seq,
              datalen: o.datalen,
              ttl: o.ttl,
              confirm: false,
              broadcast: true,
            });
      if (!r.ok) {
        closeEchoSocket(io, sock);
        io.err(`ping: sendto: ${strerror(r.errno)}\n`);
        return 1;
      }
      sent.set(seq, r.atUs);
      if (o.count === 0 || ntransmitted < o.count) nextSendAt = r.atUs + o.intervalUs;
      else {
        nextSendAt = Number.POSITIVE_INFINITY;
        const expire = nreceived ? Math.max(1, Math.trunc(tmax / (512 * 1024))) : o.timeout;
        alarmAt = r.atUs + expire * 1_000_000;
      }
    }
    const until = Math.min(nextSendAt, alarmAt);
    const w = waitEcho(io, sock, until);
    await io.pace(Math.max(0, w.nowUs - now));
    for (const msg of w.msgs) {
      const m = replyOf(msg, sock.ident);
      if (!m) continue;
      const { seq, cc } = m;
      const sentAt = sent.get(seq);
      let time = '';
      if (cc >= 8 + 4 && sentAt !== undefined) {
        const t = Math.max(0, m.atUs - sentAt);
        tsum += t;
        tmin = Math.min(tmin, t);
        tmax = Math.max(tmax, t);
        time = ` time=${Math.trunc(t / 1000)}.${String(t % 1000).padStart(3, '0')} ms`;
      }
      const dup = rcvd.has(seq);
      if (dup) nrepeats++;
      else {
        rcvd.add(seq);
        nreceived++;
      }
      if (!o.quiet)
        io.out(`${cc} bytes from ${m.from}: seq=${seq} ttl=${m.ttl}${time}${dup ? ' (DUP!)' : ''}\n`);
      if (o.count && nreceived >= o.count) return stats();
    }
    if (io.signal.aborted) return stats();
    if (w.nowUs >= alarmAt) return stats();
  }
}

/** An echo reply of ours (ICMP or ICMPv6): its sequence, length, sender and TTL/hop limit. */
function replyOf(
  m: SocketMessage,
  ident: number,
): { seq: number; cc: number; from: string; ttl: number; atUs: number } | null {
  if (m.kind === 'icmp' && m.icmp.type === 0 && m.icmp.id === ident && m.ipLen - 20 >= 8)
    return { seq: m.icmp.seq, cc: m.ipLen - 20, from: formatIp4(m.fromAddr), ttl: m.ttl, atUs: m.atUs };
  if (m.kind === 'icmp6' && m.icmp.type === 129 && m.icmp.id === ident && m.plen >= 8)
    return { seq: m.icmp.seq ?? 0, cc: m.plen, from: m.from, ttl: m.hopLimit, atUs: m.atUs };
  return null;
}
