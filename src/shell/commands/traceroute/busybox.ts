/**
 * BusyBox 1.35 traceroute (networking/traceroute.c) for IPv4, UDP probes (Debian's build has no -I):
 * getopt32 "FIlnrdvt:i:m:p:q:s:w:z:f:46" with at least one argument; a UDP socket connect()ed to
 * HOST:33434 picks the source, a raw ICMP socket bound to it collects answers. Probe n of the whole run
 * goes to port 33434+n with IP_TTL = the hop; "time exceeded in transit" names a router, "port
 * unreachable" means we got there (with " !" if its TTL was 1), other unreachables print !N !H !P ... and
 * stop the run once all but one probe of a hop got them. A probe that gets nothing within -w seconds
 * (default 5) prints "  *". Times are from after sendto() returns to after recvfrom().
 */
import type { Ip4 } from '../../../lib';
import { formatIp4, parseIp4 } from '../../../lib';
import {
  devByName,
  ipSendmsg,
  ipRouteOutput,
  runUntil,
  runUntilOr,
  sockClose,
  sockDrain,
  sockEphemeralPort,
  sockGet,
  sockOpen,
  strerror,
  type SocketMessage,
  xaGet,
} from '../../../kernel';
import type { CommandIO } from '../../types';
import { permitted } from '../../capability';
import { getoptShort } from '../ping/getopt';
import { hostsNames, nameOf, resolveHost } from '../ping/resolver';
import { BUSYBOX_TRACEROUTE_USAGE } from './usage';

interface TrOpts {
  numeric: boolean;
  showTtl: boolean;
  maxTtl: number;
  port: number;
  nprobes: number;
  waittime: number;
  pauseMs: number;
  firstTtl: number;
  tos: number;
  source: string | null;
  device: string | null;
  host: string;
  packlen: string | null;
}

class UsageError extends Error {}

function xatouRange(s: string, lo: number, hi: number): number {
  if (!/^\d+$/.test(s)) throw new UsageError(`traceroute: invalid number '${s}'\n`);
  const n = Number(s);
  if (n < lo || n > hi) throw new UsageError(`traceroute: number ${s} is not in ${lo}..${hi} range\n`);
  return n;
}

function parse(argv: readonly string[]): TrOpts {
  const o: TrOpts = {
    numeric: false,
    showTtl: false,
    maxTtl: 30,
    port: 33434,
    nprobes: 3,
    waittime: 5,
    pauseMs: 0,
    firstTtl: 1,
    tos: 0,
    source: null,
    device: null,
    host: '',
    packlen: null,
  };
  const g = getoptShort(argv, 'FIlnrdvt:i:m:p:q:s:w:z:f:46', 'traceroute');
  if (!g.ok) throw new UsageError(`${g.message}${BUSYBOX_TRACEROUTE_USAGE}`);
  const rest = g.rest;
  let firstTtl: string | null = null;
  for (const r of g.opts) {
    const a = r.arg;
    switch (r.val) {
      case 'I':
        throw new UsageError(`traceroute: invalid option -- 'I'\n${BUSYBOX_TRACEROUTE_USAGE}`);
      case 'n':
        o.numeric = true;
        break;
      case 'l':
        o.showTtl = true;
        break;
      case 'm':
        o.maxTtl = xatouRange(a, 1, 255);
        break;
      case 'p':
        o.port = xatouRange(a, 0, 65535);
        break;
      case 'q':
        o.nprobes = xatouRange(a, 1, 2147483647);
        break;
      case 'w':
        o.waittime = xatouRange(a, 1, 86400);
        break;
      case 'z':
        o.pauseMs = xatouRange(a, 0, 3600000);
        break;
      case 'f':
        firstTtl = a;
        break;
      case 't':
        o.tos = xatouRange(a, 0, 255);
        break;
      case 's':
        o.source = a;
        break;
      case 'i':
        o.device = a;
        break;
      default:
        break;
    }
  }
  if (firstTtl !== null) o.firstTtl = xatouRange(firstTtl, 1, o.maxTtl);
  if (rest.length < 1) throw new UsageError(BUSYBOX_TRACEROUTE_USAGE);
  o.host = rest[0] as string;
  o.packlen = rest[1] ?? null;
  return o;
}

/** UNREACH codes -> what busybox prints, and whether it counts as "unreachable" or "got there". */
function unreachMark(code: number, ttlOfReply: number, pmtu: number): { text: string; there: boolean } {
  switch (code) {
    case 3:
      return { text: ttlOfReply <= 1 ? ' !' : '', there: true };
    case 0:
      return { text: ' !N', there: false };
    case 1:
      return { text: ' !H', there: false };
    case 2:
      return { text: ' !P', there: true };
    case 4:
      return { text: ` !F-${pmtu}`, there: false };
    case 5:
      return { text: ' !S', there: false };
    case 9:
    case 13:
      return { text: ' !A', there: false };
    case 10:
    case 15:
      return { text: ' !C', there: false };
    case 14:
      return { text: ' !V', there: false };
    case 6:
    case 7:
      return { text: ' !U', there: false };
    case 8:
      return { text: ' !I', there: false };
    case 11:
    case 12:
      return { text: ' !T', there: false };
    default:
      return { text: ` !<${code}>`, there: false };
  }
}

export async function runBusyboxTraceroute(io: CommandIO): Promise<number> {
  let o: TrOpts;
  try {
    o = parse(io.argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.err(e.message);
    return 1;
  }
  const res = await resolveHost(io, o.host);
  if (!res.ok) {
    io.err(`traceroute: bad address '${o.host}'\n`);
    return 1;
  }
  const dst = res.addr;
  let packlen = 46;
  if (o.packlen !== null) {
    try {
      packlen = xatouRange(o.packlen, 46, 32 * 1024);
    } catch (e) {
      io.err((e as Error).message);
      return 1;
    }
  }
  // xsocket(AF_INET, SOCK_RAW, IPPROTO_ICMP) for the replies: inet_create() wants CAP_NET_RAW.
  if (!permitted(io.proc, 'rawSocket')) {
    io.err('traceroute: socket: Operation not permitted\n');
    return 1;
  }
  const ns = io.proc.ns;
  const kv = io.os.view();
  const dev = o.device === null ? null : devByName(kv.k, ns, o.device);
  let src: Ip4 | null;
  if (o.source !== null) {
    src = parseIp4(o.source);
    if (src === null) {
      io.err(`traceroute: bad address '${o.source}'\n`);
      return 1;
    }
  } else {
    const rt = ipRouteOutput(kv, ns, { dst, oif: dev?.id ?? null });
    if (!rt.ok) {
      io.err(`traceroute: can't connect to remote host (${formatIp4(dst)}): ${strerror(rt.error.errno)}\n`);
      return 1;
    }
    src = rt.value.src;
  }
  const source = src;
  const names = o.numeric ? new Map<Ip4, string>() : await hostsNames(io);
  const socks = io.os.mutate(({ kctx }) => {
    const n = xaGet(kctx.k.netns, ns);
    const pid = n ? n.nextPid++ : 100;
    const snd = sockOpen(kctx, ns, {
      proto: 'udp',
      program: 'traceroute',
      pid,
      localAddr: source,
      localPort: sockEphemeralPort(kctx, ns, 'udp'),
      bindDev: dev?.id ?? null,
    });
    const rcv = sockOpen(kctx, ns, { proto: 'icmp', program: 'traceroute', pid, localAddr: source });
    return { snd, rcv };
  });
  io.out(
    `traceroute to ${o.host} (${formatIp4(dst)})${o.source !== null ? ` from ${o.source}` : ''}, ${o.maxTtl} hops max, ${packlen} byte packets\n`,
  );
  let seq = 0;
  let last: Ip4 | null = null;
  for (let ttl = o.firstTtl; ttl <= o.maxTtl; ttl++) {
    let unreachable = 0;
    let gotThere = false;
    io.out(String(ttl).padStart(2, ' '));
    for (let probe = 0; probe < o.nprobes; probe++) {
      if (io.signal.aborted) return 130;
      seq++;
      const dport = (o.port + seq) & 0xffff;
      const sent = io.os.mutate(({ kctx }) => {
        // msleep(-z) between the probes of a hop.
        if (probe !== 0 && o.pauseMs) runUntil(kctx, kctx.clock.nowUs + o.pauseMs * 1000);
        const s = sockGet(kctx, ns, socks.snd);
        const r = ipSendmsg(kctx, ns, {
          dst,
          src: source,
          oif: s?.bindDev ?? null,
          proto: 17,
          l4: { proto: 17, sport: s?.localPort ?? 0, dport },
          payload: { kind: 'bytes', size: packlen - 28 },
          ttl,
          tos: o.tos,
        });
        return { ok: r.ok, errno: r.ok ? null : r.error.errno, atUs: kctx.clock.nowUs };
      });
      if (!sent.ok && sent.errno) {
        io.err(`traceroute: sendto: ${strerror(sent.errno)}\n`);
        return 1;
      }
      const t1 = sent.atUs;
      let t2 = t1;
      let leftMs = o.waittime * 1000;
      let got: Extract<SocketMessage, { kind: 'icmp' }> | null = null;
      let code = 0;
      while (got === null) {
        const w = io.os.mutate(({ kctx }) => {
          const until = t2 + leftMs * 1000;
          const any = runUntilOr(kctx, until, () => (sockGet(kctx, ns, socks.rcv)?.rx.length ?? 0) > 0);
          return { any, msgs: any ? sockDrain(kctx, ns, socks.rcv) : [], now: kctx.clock.nowUs };
        });
        await io.pace(Math.max(0, w.now - t2));
        if (!w.any) break;
        leftMs -= Math.trunc((w.now - t2) / 1000);
        t2 = w.now;
        for (const m of w.msgs) {
          if (m.kind !== 'icmp') continue;
          const c = packetOk(m, dport);
          if (c !== 0) {
            got = m;
            code = c;
            break;
          }
        }
        if (leftMs < 0) break;
      }
      if (got === null) {
        io.out('  *');
        continue;
      }
      if (probe === 0 || got.fromAddr !== last) {
        io.out(
          o.numeric
            ? `  ${formatIp4(got.fromAddr)}`
            : `  ${nameOf(names, got.fromAddr)} (${formatIp4(got.fromAddr)})`,
        );
        last = got.fromAddr;
      }
      const tt = t2 - t1;
      io.out(`  ${Math.trunc(tt / 1000)}.${String(tt % 1000).padStart(3, '0')} ms`);
      if (o.showTtl) io.out(` (${got.ttl})`);
      if (code === -1) continue;
      // icmp_nextmtu of a "fragmentation needed".
      const mark = unreachMark(code - 1, got.ttl, got.icmp.mtu ?? 0);
      io.out(mark.text);
      if (mark.there) gotThere = true;
      else unreachable++;
    }
    io.out('\n');
    if (gotThere || (unreachable > 0 && unreachable >= o.nprobes - 1)) break;
  }
  io.os.mutate(({ kctx }) => {
    sockClose(kctx, ns, socks.snd);
    sockClose(kctx, ns, socks.rcv);
  });
  return 0;
}

/** packet4_ok(): -1 for "time exceeded in transit", code+1 for an unreachable, 0 for anything else. */
function packetOk(m: Extract<SocketMessage, { kind: 'icmp' }>, dport: number): number {
  const icmp = m.icmp;
  if (!((icmp.type === 11 && icmp.code === 0) || icmp.type === 3)) return 0;
  const q = icmp.innerL4;
  if (!icmp.inner || icmp.inner.proto !== 17 || !q || !('dport' in q) || q.dport !== dport) return 0;
  return icmp.type === 11 ? -1 : icmp.code + 1;
}
