/**
 * Sockets: the per-namespace socket table and what the stack delivers to a socket (net/socket.c,
 * net/ipv4/raw.c, udp.c at the level the simulation needs). Programs (ping, traceroute, nc) open sockets,
 * send through the IP layer (ip_output.ts ipSendmsg) and drain `rx`; listeners' applications react to
 * `app` events (sock_app.ts).
 *
 * - A raw ICMP socket (ping, traceroute's receive side) gets a copy of every ICMP message delivered
 *   locally (raw_local_deliver), as ping's own raw socket does, including its own echo requests to itself.
 * - With IP_RECVERR, an ICMP error about a datagram the socket sent is queued as an 'error' message
 *   (ip_icmp_error): that is where iputils' "From X icmp_seq=N Destination Host Unreachable" comes from.
 */
import type { Ip4 } from '../lib';
import { formatIp4 } from '../lib';
import type { KernelCtx } from './context';
import { nextOrderSeq, nsOf } from './context';
import type {
  DevId,
  NsId,
  NsSysctl,
  Packet,
  Socket,
  SocketApp,
  SocketMessage,
  SocketNsPid,
  SocketProto,
} from './types';
import { xaGet } from './xarray';

export interface SockSpec {
  proto: SocketProto;
  program: string;
  pid: number;
  /** The process's own PID namespace and pid there, for a container's process (Socket.nsPid). */
  nsPid?: SocketNsPid | null;
  app?: SocketApp;
  localAddr?: Ip4;
  localPort?: number;
  state?: Socket['state'];
  bindDev?: DevId | null;
  ttl?: number | null;
  recverr?: boolean;
  /** AF_INET6 (a raw ICMPv6 socket, or nginx's [::]:80 listener). */
  v6?: boolean;
  /** IP_MTU_DISCOVER. */
  pmtudisc?: 'want' | 'dont' | 'do' | 'probe';
  /** listen() backlog; a listener opened without one gets SOMAXCONN (4096), what Go's net.Listen passes. */
  backlog?: number;
}

/** include/linux/socket.h SOMAXCONN, also net.core.somaxconn's default since 5.4. */
export const SOMAXCONN = 4096;

function somaxconn(sysctl: NsSysctl): number {
  const v = Number(sysctl['net.core.somaxconn'] ?? SOMAXCONN);
  return Number.isFinite(v) && v > 0 ? v : SOMAXCONN;
}

/** socket() (+ bind() when an address or port is given). Returns the socket's id. */
export function sockOpen(ctx: KernelCtx, ns: NsId, spec: SockSpec): number {
  const n = nsOf(ctx.k, ns);
  const s: Socket = {
    id: nextOrderSeq(ctx.k),
    proto: spec.proto,
    localAddr: spec.localAddr ?? 0,
    localPort: spec.localPort ?? 0,
    remoteAddr: null,
    remotePort: null,
    state: spec.state ?? 'UNCONN',
    program: spec.program,
    pid: spec.pid,
    nsPid: spec.nsPid ? { ns: spec.nsPid.ns, pid: spec.nsPid.pid } : null,
    app: spec.app ?? { kind: 'client' },
    rx: [],
    bindDev: spec.bindDev ?? null,
    ttl: spec.ttl ?? null,
    recverr: spec.recverr ?? false,
    tcp: null,
    backlog: spec.state === 'LISTEN' ? Math.min(spec.backlog ?? SOMAXCONN, somaxconn(n.sysctl)) : 0,
  };
  if (spec.pmtudisc) s.pmtudisc = spec.pmtudisc;
  if (spec.v6) s.v6 = true;
  n.sockets.push(s);
  return s.id;
}

/**
 * The pid a process holding socket `s` has in PID namespace `pidns` ('' is the host's), as pid_nr_ns()
 * (kernel/pid.c) gives it to /proc: the host's namespace sees every process, a container's only its own.
 * Null when the process is not visible there (ss prints no users, netstat `-`).
 */
export function sockPidIn(s: Socket, pidns: string): number | null {
  if (pidns === '') return s.pid;
  return s.nsPid?.ns === pidns ? s.nsPid.pid : null;
}

export function sockGet(ctx: KernelCtx, ns: NsId, id: number): Socket | null {
  return xaGet(ctx.k.netns, ns)?.sockets.find((s) => s.id === id) ?? null;
}

/** close(): the socket leaves the table; anything still queued for it is gone with it. */
export function sockClose(ctx: KernelCtx, ns: NsId, id: number): void {
  const n = xaGet(ctx.k.netns, ns);
  if (n) n.sockets = n.sockets.filter((s) => s.id !== id);
}

/** recvmsg() of everything queued: plain copies (safe to keep outside a transaction). */
export function sockDrain(ctx: KernelCtx, ns: NsId, id: number): SocketMessage[] {
  const s = sockGet(ctx, ns, id);
  if (!s || s.rx.length === 0) return [];
  const out = JSON.parse(JSON.stringify(s.rx)) as SocketMessage[];
  s.rx = [];
  return out;
}

/** An ephemeral port for an implicit bind (inet_hash_connect): the next free one in ip_local_port_range. */
export function sockEphemeralPort(ctx: KernelCtx, ns: NsId, proto: SocketProto): number {
  const n = xaGet(ctx.k.netns, ns);
  if (!n) return 32768;
  const [lo, hi] = String(n.sysctl['net.ipv4.ip_local_port_range'] ?? '32768\t60999')
    .split(/\s+/)
    .map(Number) as [number, number];
  for (let i = 0; i <= hi - lo; i++) {
    const p = n.nextEphemeralPort < lo || n.nextEphemeralPort > hi ? lo : n.nextEphemeralPort;
    n.nextEphemeralPort = p + 1;
    if (!n.sockets.some((s) => s.proto === proto && s.localPort === p)) return p;
  }
  return lo;
}

/** Queue a message on a socket and trace the delivery. */
export function sockQueue(
  ctx: KernelCtx,
  ns: NsId,
  s: Socket,
  msg: SocketMessage,
  pkt: Packet | null,
  what: string,
): void {
  s.rx.push(msg);
  ctx.trace({
    kind: 'sock_deliver',
    atUs: ctx.clock.nowUs,
    ns,
    pkt: pkt?.id ?? null,
    summary: `${what} to ${s.program}[${s.pid}] (${s.proto} socket${s.localPort ? ` port ${s.localPort}` : ''}${s.localAddr ? ` on ${formatIp4(s.localAddr)}` : ''})`,
    socket: s.id,
    program: s.program,
  });
}

/** Raw sockets bound to a device only see what arrives there; bound to an address, only what is for it. */
function rawMatches(s: Socket, pkt: Packet, dev: DevId | null): boolean {
  if (s.proto !== 'icmp' || s.v6) return false;
  if (s.bindDev !== null && dev !== null && s.bindDev !== dev) return false;
  if (s.localAddr !== 0 && pkt.ip && s.localAddr !== pkt.ip.dst) return false;
  return true;
}

/** raw_local_deliver() for ICMP: every raw ICMP socket that matches gets a copy. Returns how many did. */
export function rawIcmpDeliver(ctx: KernelCtx, ns: NsId, pkt: Packet, dev: DevId | null): number {
  const n = xaGet(ctx.k.netns, ns);
  if (!n || !pkt.ip || !pkt.l4 || pkt.l4.proto !== 1 || !('type' in pkt.l4)) return 0;
  let count = 0;
  for (const s of n.sockets) {
    if (!rawMatches(s, pkt, dev)) continue;
    const icmp = JSON.parse(JSON.stringify(pkt.l4)) as Extract<SocketMessage, { kind: 'icmp' }>['icmp'];
    sockQueue(
      ctx,
      ns,
      s,
      {
        kind: 'icmp',
        fromAddr: pkt.ip.src,
        toAddr: pkt.ip.dst,
        atUs: ctx.clock.nowUs,
        ttl: pkt.ip.ttl,
        ipLen: pkt.ip.len,
        icmp,
        dev,
      },
      pkt,
      'ICMP copy',
    );
    count++;
  }
  return count;
}
