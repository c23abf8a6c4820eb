/**
 * iputils 20221126 ping for IPv4 (ping/ping.c ping4_run, ping_common.c setup/main_loop/pinger/finish),
 * driven by simulated time:
 * - a connect() of a UDP probe socket picks the source (errors: `ping: connect: Network is unreachable`,
 *   exit 2);
 * - pinger() sends when its millisecond token bucket allows, then main_loop blocks in recvmsg() with
 *   SO_RCVTIMEO = the interval, a jiffies timer that the timer wheel rounds up (1.000-1.032 s, then 1.024 s),
 *   or in poll() for shorter waits; replies, ICMP errors (error queue, "From X icmp_seq=N ...") and
 *   SIGALRM (-w deadline, or the -W/2*RTT linger after the last packet) end the waits;
 * - finish() prints the statistics; exit 0 if anything came back (and, with -w, all of -c did), else 1.
 * Ctrl-C is SIGINT: the statistics, as on a terminal.
 */
import type { Ip4 } from '../../../lib';
import { formatIp4, parseIp4 } from '../../../lib';
import { devByName, msToJiffies, sockGet, strerror, timerFireUs, type SocketMessage } from '../../../kernel';
import type { CommandIO } from '../../types';
import {
  closeEchoSocket,
  deviceExists,
  icmpSocketAllowed,
  isOwnAddress,
  nowUs,
  openEchoSocket,
  probeRoute,
  sendEcho,
  waitEcho,
} from './echo';
import { ip6Literal, probeRoute6, sendEcho6 } from './echo6';
import { fmtFinish } from './iputils_fmt';
import { parseIputils, type IputilsOpts } from './iputils_opts';
import { msBetween, Rts } from './iputils_rts';
import { parseReply, parseReply6, receiveError, stamp, type Ctx } from './iputils_reply';
import { GAI_STRERROR, hostsNames, resolveHost } from './resolver';

const MININTERVAL = 10;
const HZ_MS = 4;
const schint = (a: number): number => (a <= MININTERVAL ? MININTERVAL : a);

/** pinger(): send if the token bucket allows; returns ms until the next probe is due. */
function pinger(c: Ctx): number {
  const { rts, o } = c;
  if (rts.exiting || (o.count && rts.ntransmitted >= o.count && !o.deadline)) return 1000;
  const t = nowUs(c.io);
  if (rts.curTime === null) {
    rts.curTime = t;
    rts.tokens = o.interval * (o.preload - 1);
  } else {
    let ntokens = msBetween(t, rts.curTime);
    if (!o.interval && ntokens < MININTERVAL && rts.inFlight() >= o.preload) return MININTERVAL - ntokens;
    ntokens += rts.tokens;
    if (o.interval * o.preload < ntokens) ntokens = o.interval * o.preload;
    if (ntokens < o.interval) return o.interval - ntokens;
    rts.curTime = t;
    rts.tokens = ntokens - o.interval;
  }
  if (o.outstanding && rts.ntransmitted > 0 && !rts.rcvd.has(rts.ntransmitted & 0xffff)) {
    c.io.out(`${stamp(c)}no answer yet for icmp_seq=${rts.ntransmitted % 65536}\n`);
  }
  const seq = (rts.ntransmitted + 1) & 0xffff;
  rts.rcvd.delete(seq);
  const r = c.whereto6
    ? sendEcho6(c.io, c.sock, {
        dst: c.whereto6,
        seq,
        datalen: o.datalen,
        hopLimit: o.ttl,
        bindDev: c.bindDev,
      })
    : sendEcho(c.io, c.sock, {
        dst: c.whereto,
        // Bound only with -I ADDR (opt_strictsource); otherwise the kernel picks the source for each packet.
        src: c.o.source ?? 0,
        ident: c.sock.ident,
        seq,
        datalen: o.datalen,
        ttl: o.ttl,
        confirm: rts.confirm,
        broadcast: o.broadcast,
        ...(o.pmtudisc ? { pmtudisc: o.pmtudisc } : {}),
      });
  if (r.ok) {
    rts.sent.set(seq, r.atUs);
    rts.advanceNtransmitted();
    return o.interval - rts.tokens;
  }
  // receive_error_msg() first: a local error on the queue (EMSGSIZE over the MTU or 64 KB) is reported there.
  // It returns minus the local errors, and an empty queue (EAGAIN) counts as one, so with IP_RECVERR set the
  // "sendmsg: ..." line is never printed: a ping whose route went away mid-run, or `-s 65535` (raw_sendmsg's
  // own EMSGSIZE), goes on silently, as iputils 20221126 does on Linux 6.x. Then the hard local error: pretend
  // we sent it.
  drainLocalErrors(c);
  rts.advanceNtransmitted();
  rts.tokens = 0;
  return schint(o.interval);
}

/** schedule_exit(): after the last packet, SIGALRM after the linger time (or 2 RTT once replies came). */
function scheduleExit(c: Ctx, next: number): number {
  const { rts, o } = c;
  if (!(o.count && rts.ntransmitted >= o.count && !o.deadline) || rts.waittimeSet) return next;
  rts.waittimeSet = true;
  let waittime = o.linger * 1000;
  if (rts.nreceived) waittime = Math.max(2 * rts.tmax, 1000 * o.interval);
  rts.alarmAt = nowUs(c.io) + waittime;
  const w = Math.trunc(waittime / 1000);
  return next < 0 || next < w ? w : next;
}

/** The local errors (origin local) waiting on the socket's error queue, reported as receive_error_msg() does. */
function drainLocalErrors(c: Ctx): void {
  const ns = c.io.proc.ns;
  const errs = c.io.os.mutate(({ kctx }) => {
    const s = sockGet(kctx, ns, c.sock.id);
    if (!s) return [];
    const mine = s.rx.filter((m) => m.kind === 'error' && m.origin === 'local');
    s.rx = s.rx.filter((m) => !mine.includes(m));
    return mine.map((m) => ({ ...m }));
  });
  for (const m of errs) if (m.kind === 'error') receiveError(c, m);
}

/** Block until `wakeAt` (or the alarm, or a message). Returns whether a message is there to read. */
async function block(c: Ctx, wakeAt: number): Promise<boolean> {
  const { rts, io } = c;
  if (rts.pending.length > 0) return true;
  const start = nowUs(io);
  const until = Math.min(wakeAt, rts.alarmAt);
  const r = waitEcho(io, c.sock, until);
  rts.pending.push(...r.msgs);
  await io.pace(Math.max(0, r.nowUs - start));
  // Ctrl-C during the wait came before what ended it: recvmsg() returns EINTR and the reply stays unread.
  if (io.signal.aborted) {
    rts.exiting = true;
    rts.pending.length = 0;
    return false;
  }
  if (r.nowUs >= rts.alarmAt && rts.pending.length === 0) rts.exiting = true;
  return rts.pending.length > 0;
}

/** The recvmsg() loop: read what is queued until nothing is in flight or the queue is empty. */
function drain(c: Ctx): void {
  const { rts } = c;
  while (rts.pending.length > 0) {
    const m = rts.pending.shift() as SocketMessage;
    if (m.kind === 'icmp') parseReply(c, m);
    else if (m.kind === 'icmp6') parseReply6(c, m);
    else if (m.kind === 'error') receiveError(c, m);
    if (rts.inFlight() === 0) break;
  }
}

async function mainLoop(c: Ctx): Promise<void> {
  const { rts, o, io } = c;
  for (;;) {
    if (io.signal.aborted) rts.exiting = true;
    if (rts.exiting) break;
    if (o.count && rts.nreceived + rts.nerrors >= o.count) break;
    if (o.deadline && rts.nerrors) break;
    let next: number;
    do {
      next = scheduleExit(c, pinger(c));
    } while (next <= 0);
    const now = nowUs(io);
    let wakeAt: number;
    if (next < schint(o.interval)) {
      // poll(): an hrtimer, on time. Very short waits spin or sleep MININTERVAL.
      if (next <= HZ_MS) next = rts.inFlight() ? MININTERVAL : 0;
      wakeAt = now + next * 1000;
    } else {
      // recvmsg() with SO_RCVTIMEO: a jiffies timer on the timer wheel.
      wakeAt = timerFireUs(now, msToJiffies(schint(o.interval)));
    }
    if (await block(c, wakeAt)) drain(c);
  }
}

export async function runIputils(io: CommandIO): Promise<number> {
  const p = parseIputils(io.argv);
  if (!p.ok) {
    io.out(p.out);
    io.err(p.err);
    return p.code;
  }
  if (p.warn) io.err(p.warn);
  const o = p.opts;
  if (!icmpSocketAllowed(io)) {
    io.err('ping: socktype: SOCK_RAW\nping: socket: Operation not permitted\n');
    return 2;
  }
  const lit6 = ip6Literal(o.target);
  if ((o.family === 6 && lit6 === null && parseIp4(o.target) !== null) || (o.family === 4 && lit6 !== null)) {
    io.err(`ping: ${o.target}: Address family for hostname not supported\n`);
    return 2;
  }
  if (lit6 !== null) return runPing6(io, o, lit6);
  const res = await resolveHost(io, o.target);
  if (!res.ok) {
    io.err(`ping: ${o.target}: ${GAI_STRERROR[res.error]}\n`);
    return 2;
  }
  const whereto = res.addr;
  if (res.numeric) o.numeric = true;
  if (o.device !== null && !deviceExists(io, o.device)) {
    io.err(`ping: SO_BINDTODEVICE ${o.device}: No such device\n`);
    return 2;
  }
  let source = o.source ?? 0;
  if (o.source === null) {
    const route = probeRoute(io, whereto, o.device, null);
    if (!route.ok) {
      if (route.errno === 'EACCES' && !o.broadcast) {
        io.err('ping: Do you want to ping broadcast? Then -b. If not, check your local firewall rules\n');
        return 2;
      }
      if (route.errno !== 'EACCES') {
        io.err(`ping: connect: ${strerror(route.errno)}\n`);
        return 2;
      }
    } else {
      source = route.rt.src;
      if (route.rt.type === 'broadcast') {
        if (!o.broadcast) {
          io.err('ping: Do you want to ping broadcast? Then -b. If not, check your local firewall rules\n');
          return 2;
        }
        io.err('WARNING: pinging broadcast address\n');
      }
      // getifaddrs(): is the source one of the -I device's own addresses?
      const bound = o.device === null ? null : devByName(io.os.state.kernel, io.proc.ns, o.device);
      if (bound && !bound.inet.some((a) => a.local === source)) {
        io.err(`ping: Warning: source address might be selected on device other than: ${o.device}\n`);
      }
    }
  } else if (!isOwnAddress(io, o.source)) {
    io.err('ping: bind: Cannot assign requested address\n');
    return 2;
  }
  const names = o.numeric ? new Map<Ip4, string>() : await hostsNames(io);
  const sock = openEchoSocket(io, 'ping', o.device, o.ttl);
  const c: Ctx = {
    io,
    o,
    rts: new Rts(),
    sock,
    whereto,
    whereto6: null,
    bindDev: null,
    source,
    names,
    multicast: o.broadcast || whereto >>> 28 === 14,
    timing: o.datalen >= 16,
  };
  const from = o.device !== null || o.source !== null ? `from ${formatIp4(source)} ${o.device ?? ''}: ` : '';
  io.out(
    `PING ${res.numeric ? o.target : res.canon} (${formatIp4(whereto)}) ${from}${o.datalen}(${o.datalen + 28}) bytes of data.\n`,
  );
  return runLoop(c, res.numeric ? o.target : res.canon);
}

/** ping6_run(): connect() for the source, the raw ICMPv6 socket, the header; then the common loop. */
async function runPing6(io: CommandIO, o: IputilsOpts, whereto6: string): Promise<number> {
  if (o.device !== null && !deviceExists(io, o.device)) {
    io.err(`ping: SO_BINDTODEVICE ${o.device}: No such device\n`);
    return 2;
  }
  const route = probeRoute6(io, whereto6, o.device);
  if (!route.ok) {
    io.err(`ping: connect: ${route.message}\n`);
    return 2;
  }
  o.numeric = true;
  const sock = openEchoSocket(io, 'ping', o.device, null, true);
  const c: Ctx = {
    io,
    o,
    rts: new Rts(),
    sock,
    whereto: 0,
    whereto6,
    bindDev: o.device === null ? null : (devByName(io.os.state.kernel, io.proc.ns, o.device)?.id ?? null),
    source: 0,
    names: new Map(),
    multicast: whereto6.startsWith('ff'),
    timing: o.datalen >= 16,
  };
  const from = o.device !== null ? `from ${route.src} ${o.device}: ` : '';
  io.out(`PING ${o.target}(${whereto6}) ${from}${o.datalen} data bytes\n`);
  return runLoop(c, o.target);
}

/** main_loop() and finish(), for either family. */
async function runLoop(c: Ctx, hostname: string): Promise<number> {
  const { io, o, sock } = c;
  const start = nowUs(io);
  if (o.deadline) c.rts.alarmAt = start + o.deadline * 1_000_000;
  await mainLoop(c);
  closeEchoSocket(io, sock);
  const { rts } = c;
  io.out(
    fmtFinish({
      hostname,
      ntransmitted: rts.ntransmitted,
      nreceived: rts.nreceived,
      nrepeats: rts.nrepeats,
      nerrors: rts.nerrors,
      elapsedUs: (rts.curTime ?? start) - start,
      timing: c.timing,
      tsum: rts.tsum,
      tsum2: rts.tsum2,
      tmin: rts.tmin,
      tmax: rts.tmax,
      pipesize: rts.pipesize,
      ipg: { show: !o.interval, rtt: rts.rtt },
    }),
  );
  return !rts.nreceived || (o.deadline && rts.nreceived < o.count) ? 1 : 0;
}
