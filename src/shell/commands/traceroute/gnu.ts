/**
 * Debian's traceroute 2.1.2 ("modern traceroute", traceroute.c do_it, mod-udp.c, mod-icmp.c) for IPv4:
 * up to 16 probes in flight at once (-N), each UDP probe from its own socket with IP_RECVERR to port
 * 33434 + n (the "default" method; -U: port 53; -I: ICMP echo with seq 1 + n on one raw socket). A
 * probe's answer is the ICMP error on its socket's error queue (or, for -I, the echo reply); a probe
 * without one expires after MAX seconds, or HERE times a reply from the same hop, or NEAR times a reply
 * from a farther one (-w 5,3,10). Probes print in order as soon as each is decided; a "final" one
 * (port unreachable, !N, !H, ...) ends the trace with its hop. check_expired() moves a final reply that
 * came for a later probe into an expired earlier place, as the real tool does when routers rate-limit.
 * -T and the other raw methods are not simulated.
 */
import type { Ip4 } from '../../../lib';
import { formatIp4 } from '../../../lib';
import {
  devByName,
  ipSendmsg,
  runUntilOr,
  sockClose,
  sockDrain,
  sockGet,
  sockOpen,
  udpConnect,
  udpSendmsg,
  type KernelCtx,
  strerror,
  type Errno,
  type SocketMessage,
  xaGet,
} from '../../../kernel';
import type { CommandIO } from '../../types';
import { settle } from '../inet/socket';
import { GAI_STRERROR, hostsNames, nameOf, resolveHost } from '../ping/resolver';
import { checkGnuTraceroute, HOST_ARG, parseGnuTraceroute, type GnuTrOpts } from './gnu_opts';

interface Probe {
  /** When it was sent (null: not yet) and when its answer came (null: none). */
  sendUs: number | null;
  recvUs: number | null;
  res: Ip4 | null;
  recvTtl: number;
  done: boolean;
  final: boolean;
  err: string;
  sock: number | null;
  seq: number;
}

const WAIT_PREC = 0.001;

/** ttl2hops(): the hops back from a reply's TTL, assuming it started at 64, 128 or 255. */
/** recv_time - send_time in seconds (0 when there was no answer). */
const rtt = (p: Probe): number => (p.recvUs !== null && p.sendUs !== null ? (p.recvUs - p.sendUs) / 1e6 : 0);

const ttl2hops = (t: number): number => (t <= 64 ? 65 : t <= 128 ? 129 : 256) - t;

/** parse_icmp_res(): the mark printed after the time, and whether the probe ends the trace. */
function icmpRes(pb: Probe, type: number, code: number, info: number): void {
  if (type === 11 && code === 0) return;
  let str: string | null = null;
  if (type === 3) {
    if ([0, 6, 8, 11].includes(code)) str = '!N';
    else if ([1, 7, 12].includes(code)) str = '!H';
    else if ([9, 10, 13].includes(code)) str = '!X';
    else if (code === 3) str = '';
    else if (code === 2) str = '!P';
    else if (code === 4) str = `!F-${info}`;
    else if (code === 5) str = '!S';
    else if (code === 14) str = '!V';
    else if (code === 15) str = '!C';
    else str = `!<${code}>`;
  }
  pb.err = str ?? `!<${type}-${code}>`;
  pb.final = true;
}

class Tracer {
  readonly probes: Probe[];
  readonly names: Map<Ip4, string>;
  icmpSock: number | null = null;
  nextPort: number;

  constructor(
    readonly io: CommandIO,
    readonly o: GnuTrOpts,
    readonly dst: Ip4,
    readonly dataLen: number,
    names: Map<Ip4, string>,
  ) {
    this.probes = Array.from({ length: o.maxTtl * o.nprobes }, () => ({
      sendUs: null,
      recvUs: null,
      res: null,
      recvTtl: 0,
      done: false,
      final: false,
      err: '',
      sock: null,
      seq: 0,
    }));
    this.names = names;
    this.nextPort = o.port ?? (o.module === 'udp' ? 53 : o.module === 'icmp' ? 1 : 33434);
  }

  /** The errno of the last failed send (do_send), and whether it ended the program. */
  sendErrno: Errno | null = null;
  fatal = false;

  now(): number {
    return this.io.os.state.clock.nowUs;
  }

  /** get_timeout() in seconds. */
  timeout(idx: number): number {
    const { o, probes } = this;
    const pb = probes[idx] as Probe;
    if (o.here) {
      const first = idx - (idx % o.nprobes);
      for (let i = first; i < first + o.nprobes; i++) {
        const p = probes[i] as Probe;
        const v = rtt(p);
        if (p !== pb && p.done && v > 0) return Math.min((v + WAIT_PREC) * o.here, o.wait);
      }
    }
    if (o.near) {
      for (let i = idx + 1; i < probes.length && (probes[i] as Probe).sendUs !== null; i++) {
        const p = probes[i] as Probe;
        const v = rtt(p);
        if (p.done && v > 0) return Math.min((v + WAIT_PREC) * o.near, o.wait);
      }
    }
    return o.wait;
  }

  /** send_probe() of the method. */
  send(idx: number, ttl: number): void {
    const { io, o, dst } = this;
    const pb = this.probes[idx] as Probe;
    const ns = io.proc.ns;
    io.os.mutate(({ kctx }) => {
      const n = xaGet(kctx.k.netns, ns);
      const pid = n?.nextPid ?? 100;
      const dev = o.device === null ? null : devByName(kctx.k, ns, o.device);
      if (o.module === 'icmp') {
        if (this.icmpSock === null) {
          if (n) n.nextPid++;
          this.icmpSock = sockOpen(kctx, ns, {
            proto: 'icmp',
            program: 'traceroute',
            pid,
            localAddr: o.source ?? 0,
            bindDev: dev?.id ?? null,
            recverr: true,
          });
        }
        pb.seq = this.nextPort++ & 0xffff;
        const s = sockGet(kctx, ns, this.icmpSock);
        const r = ipSendmsg(kctx, ns, {
          dst,
          src: o.source ?? 0,
          oif: s?.bindDev ?? null,
          proto: 1,
          l4: { proto: 1, type: 8, code: 0, id: (s?.pid ?? pid) & 0xffff, seq: pb.seq, inner: null },
          payload: { kind: 'bytes', size: this.dataLen },
          ttl,
          tos: o.tos,
          pmtudisc: o.dontFragment ? 'probe' : 'dont',
        });
        if (r.ok) pb.sendUs = kctx.clock.nowUs;
        else this.sendErrno = r.error.errno;
        return;
      }
      const id = sockOpen(kctx, ns, {
        proto: 'udp',
        program: 'traceroute',
        pid,
        localAddr: o.source ?? 0,
        bindDev: dev?.id ?? null,
        ttl,
        recverr: true,
        pmtudisc: o.dontFragment ? 'probe' : 'dont',
      });
      if (!udpConnect(kctx, ns, id, dst, this.nextPort).ok) {
        sockClose(kctx, ns, id);
        return;
      }
      pb.seq = this.nextPort;
      if (o.module === 'default') this.nextPort = (this.nextPort + 1) & 0xffff;
      const r = udpSendmsg(kctx, ns, id, { kind: 'bytes', size: this.dataLen });
      if (r.ok) {
        pb.sendUs = kctx.clock.nowUs;
        pb.sock = id;
      } else {
        this.sendErrno = r.error.errno;
        sockClose(kctx, ns, id);
      }
    });
  }

  /** probe_done(): the probe's socket goes. */
  finish(kctx: KernelCtx, pb: Probe): void {
    if (pb.sock !== null) sockClose(kctx, this.io.proc.ns, pb.sock);
    pb.sock = null;
    pb.done = true;
  }

  /** recv_reply(): match a message to its probe and record the answer. */
  receive(kctx: KernelCtx, sock: number, m: SocketMessage): void {
    const { probes } = this;
    let pb: Probe | undefined;
    if (m.kind === 'error') {
      const q = m.innerL4;
      pb =
        this.icmpSock === sock
          ? probes.find((p) => q && 'seq' in q && q.seq === p.seq && p.sendUs !== null && !p.done)
          : probes.find((p) => p.sock === sock);
      if (!pb || pb.done || m.origin !== 'icmp') return;
      pb.recvUs = m.atUs;
      pb.res = m.fromAddr;
      pb.recvTtl = m.ttl;
      icmpRes(pb, m.icmpType, m.icmpCode, m.eeInfo ?? 0);
    } else if (m.kind === 'icmp' && sock === this.icmpSock) {
      if (m.icmp.type !== 0) return;
      pb = probes.find((p) => p.seq === m.icmp.seq && p.sendUs !== null && !p.done);
      if (!pb || m.fromAddr !== this.dst) return;
      pb.recvUs = m.atUs;
      pb.res = m.fromAddr;
      pb.recvTtl = m.ttl;
      pb.final = true;
    } else if (m.kind === 'data') {
      pb = probes.find((p) => p.sock === sock);
      if (!pb || pb.done) return;
      pb.recvUs = m.atUs;
      pb.res = m.fromAddr;
      pb.recvTtl = m.ttl;
      pb.final = true;
    } else return;
    this.finish(kctx, pb);
  }

  sockets(): number[] {
    const s = this.probes.filter((p) => p.sock !== null && !p.done).map((p) => p.sock as number);
    if (this.icmpSock !== null) s.push(this.icmpSock);
    return s;
  }

  /** do_poll(): wait for answers on any probe socket until `untilUs`. */
  poll(untilUs: number): void {
    const ns = this.io.proc.ns;
    this.io.os.mutate(({ kctx }) => {
      const socks = this.sockets();
      const any = (): boolean => socks.some((id) => (sockGet(kctx, ns, id)?.rx.length ?? 0) > 0);
      runUntilOr(kctx, untilUs, any);
      for (const id of socks) for (const m of sockDrain(kctx, ns, id)) this.receive(kctx, id, m);
    });
  }

  /** check_expired(): an expired probe may take the place of a final answer that came for a later one. */
  checkExpired(idx: number): void {
    const { probes, o } = this;
    const pb = probes[idx] as Probe;
    if (!pb.done) return;
    let pfp: Probe | null = null;
    for (let i = idx - (idx % o.nprobes); i < idx; i++) {
      const p = probes[i] as Probe;
      if (!p.done || !p.final) return;
      pfp = p;
    }
    let fpIdx = -1;
    for (let i = idx + 1; i < probes.length && (probes[i] as Probe).sendUs !== null; i++) {
      const p = probes[i] as Probe;
      if (p.done) {
        if (!p.final) return;
        fpIdx = i;
        break;
      }
    }
    if (fpIdx < 0) return;
    const fp = probes[fpIdx] as Probe;
    if (!fp.err) return;
    let replace = !!pfp || (idx % o.nprobes) + (fpIdx - idx) < o.nprobes;
    if (!replace) replace = probes.slice(0, idx).some((p) => p.res !== null && p.res === fp.res);
    if (!replace && fp.recvTtl) {
      let back = ttl2hops(fp.recvTtl);
      for (let i = idx - 1; i >= 0; i--) {
        const p = probes[i] as Probe;
        if (p.done && !p.final && p.recvTtl) {
          const hops = ttl2hops(p.recvTtl);
          if (hops < back) {
            back = back - hops + (Math.floor(i / o.nprobes) + 1);
            break;
          }
        }
      }
      replace = back <= Math.floor(idx / o.nprobes) + 1;
    }
    if (!replace) return;
    probes[idx] = { ...fp };
    probes[fpIdx] = {
      sendUs: -1,
      recvUs: null,
      res: null,
      recvTtl: 0,
      done: false,
      final: false,
      err: '',
      sock: null,
      seq: 0,
    };
  }

  print(idx: number): string {
    const { probes, o } = this;
    const pb = probes[idx] as Probe;
    const ttl = Math.floor(idx / o.nprobes) + 1;
    let np = idx % o.nprobes;
    let out = np === 0 ? `\n${String(ttl).padStart(2, ' ')} ` : '';
    if (pb.res === null) out += ' *';
    else {
      let prn = np === 0;
      if (np) {
        let p = idx - 1;
        while (np && (probes[p] as Probe).res === null) {
          p--;
          np--;
        }
        if (!np || (probes[p] as Probe).res !== pb.res) prn = true;
      }
      if (prn)
        out += o.numeric ? ` ${formatIp4(pb.res)}` : ` ${nameOf(this.names, pb.res)} (${formatIp4(pb.res)})`;
    }
    if (pb.recvUs !== null && pb.sendUs !== null)
      out += `  ${((pb.recvUs - pb.sendUs) / 1000).toFixed(3)} ms`;
    if (pb.err) out += ` ${pb.err}`;
    return out;
  }

  /** do_it(). */
  async run(): Promise<void> {
    const { o, probes, io } = this;
    let start = (o.firstTtl - 1) * o.nprobes;
    let end = probes.length;
    let lastSend = 0;
    while (start < end) {
      if (io.signal.aborted) return;
      let num = 0;
      let next = 0;
      const now = this.now();
      for (let n = start; n < end; n++) {
        const pb = probes[n] as Probe;
        if (n === start && !pb.done && pb.sendUs !== null) {
          const exp = pb.sendUs + this.timeout(n) * 1e6;
          if (exp > now) next = exp;
          else {
            io.os.mutate(({ kctx }) => this.finish(kctx, pb));
            this.checkExpired(n);
          }
        }
        const cur = probes[n] as Probe;
        if (cur.done) {
          if (n === start) {
            io.out(this.print(n));
            start++;
          }
          if (cur.final) end = (Math.floor(n / o.nprobes) + 1) * o.nprobes;
          continue;
        }
        if (cur.sendUs === null) {
          if (o.sendSecs && lastSend + o.sendSecs * 1e6 > now) {
            next = lastSend + o.sendSecs * 1e6;
            break;
          }
          this.sendErrno = null;
          this.send(n, Math.floor(n / o.nprobes) + 1);
          if (cur.sendUs === null) {
            // do_send(): any error but ENOBUFS/EAGAIN is fatal: error("send") prints a newline, then
            // perror("send"), and exits 1 (a REJECT or DROP in OUTPUT gives EPERM).
            const e = this.sendErrno as Errno | null;
            if (e !== null && !['ENOBUFS', 'EAGAIN'].includes(e)) {
              io.err(`\nsend: ${strerror(e)}\n`);
              this.fatal = true;
              return;
            }
            if (next) break;
            io.err('traceroute: send probe failed\n');
            return;
          }
          lastSend = cur.sendUs;
        }
        if (!next) next = (cur.sendUs ?? this.now()) + this.timeout(n) * 1e6;
        num++;
        if (num >= o.sim) break;
      }
      if (next) {
        const before = this.now();
        this.poll(Math.max(next, before));
        await io.pace(Math.max(0, this.now() - before));
      }
    }
  }

  close(): void {
    this.io.os.mutate(({ kctx }) => {
      for (const id of this.sockets()) sockClose(kctx, this.io.proc.ns, id);
    });
  }
}

export async function runGnuTraceroute(io: CommandIO): Promise<number> {
  const p = parseGnuTraceroute(io.argv);
  if (!p.ok) {
    io.err(p.err);
    return p.code;
  }
  const o = p.o;
  const res = await resolveHost(io, o.host);
  if (!res.ok) {
    io.err(`${o.host}: ${GAI_STRERROR[res.error]}\n${HOST_ARG(o.host, o.hostArgc)}`);
    return 2;
  }
  const bad = checkGnuTraceroute(o);
  if (bad !== null) {
    io.err(bad);
    return 2;
  }
  if (o.module === 'tcp' || o.module === 'other') {
    io.err('traceroute: only the UDP (default, -U) and ICMP (-I) methods are simulated\n');
    return 2;
  }
  const headerLen = 20 + 8;
  let dataLen = 40 - 8;
  if (o.packetLen !== null) dataLen = o.packetLen >= headerLen ? o.packetLen - headerLen : 0;
  if (o.sim === 0) o.sim = 1;
  io.out(
    `traceroute to ${o.host} (${formatIp4(res.addr)}), ${o.maxTtl} hops max, ${headerLen + dataLen} byte packets`,
  );
  const names = o.numeric ? new Map<Ip4, string>() : await hostsNames(io);
  const t = new Tracer(io, o, res.addr, dataLen, names);
  await t.run();
  t.close();
  if (t.fatal) {
    // What the refused probe set off (a REJECT's ICMP error through lo) lands before the prompt returns.
    await settle(io);
    return 1;
  }
  io.out('\n');
  return 0;
}
