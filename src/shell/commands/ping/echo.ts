/**
 * What ping does to the kernel, one system call at a time, for both the iputils and the BusyBox front ends:
 * a raw ICMP socket (SOCK_RAW: root in a fresh namespace has no ping_group_range for SOCK_DGRAM) with
 * IP_RECVERR, SO_BINDTODEVICE for `-I dev`, IP_TTL for `-t`; sendto() of an echo request; a blocking wait
 * that runs the simulated kernel until something reaches the socket or the wait times out; close().
 *
 * Each call is its own `io.os.mutate`, so output streams between packets and the trace of the line shows
 * every hop.
 */
import type { Ip4 } from '../../../lib';
import {
  devByName,
  ipRouteOutput,
  ipSendmsg,
  isLocalAddr,
  runUntilOr,
  sockClose,
  sockDrain,
  sockGet,
  sockOpen,
  type Errno,
  type RtOutput,
  type SocketMessage,
  xaGet,
} from '../../../kernel';
import type { CommandIO } from '../../types';
import { permitted } from '../../capability';

export interface EchoSocket {
  id: number;
  pid: number;
  /** The echo identifier: the low 16 bits of the pid (busybox htons(getpid()), iputils' id for SOCK_RAW). */
  ident: number;
}

/**
 * socket(AF_INET, SOCK_RAW, IPPROTO_ICMP) + setsockopts, or with `v6` socket(AF_INET6, SOCK_RAW,
 * IPPROTO_ICMPV6). The pid comes from the namespace's counter.
 */
export function openEchoSocket(
  io: CommandIO,
  program: string,
  bindDev: string | null,
  ttl: number | null,
  v6 = false,
): EchoSocket {
  return io.os.mutate(({ kctx }) => {
    const n = xaGet(kctx.k.netns, io.proc.ns);
    const pid = n ? n.nextPid++ : 100;
    const dev = bindDev === null ? null : devByName(kctx.k, io.proc.ns, bindDev);
    const id = sockOpen(kctx, io.proc.ns, {
      proto: 'icmp',
      program,
      pid,
      bindDev: dev?.id ?? null,
      ttl,
      recverr: true,
      ...(v6 ? { v6 } : {}),
    });
    return { id, pid, ident: pid & 0xffff };
  });
}

export function closeEchoSocket(io: CommandIO, s: EchoSocket): void {
  io.os.mutate(({ kctx }) => sockClose(kctx, io.proc.ns, s.id));
}

/** Whether a device of that name exists here (SO_BINDTODEVICE's ENODEV). */
export function deviceExists(io: CommandIO, name: string): boolean {
  return devByName(io.os.state.kernel, io.proc.ns, name) !== null;
}

export function isOwnAddress(io: CommandIO, addr: Ip4): boolean {
  return isLocalAddr(io.os.view(), io.proc.ns, addr);
}

/** connect() of a UDP probe socket: the route and source address the kernel would use, or its errno. */
export function probeRoute(
  io: CommandIO,
  dst: Ip4,
  bindDev: string | null,
  src: Ip4 | null,
): { ok: true; rt: RtOutput } | { ok: false; errno: Errno } {
  const kctx = io.os.view();
  const dev = bindDev === null ? null : devByName(kctx.k, io.proc.ns, bindDev);
  const r = ipRouteOutput(kctx, io.proc.ns, { dst, src, oif: dev?.id ?? null });
  return r.ok ? { ok: true, rt: r.value } : { ok: false, errno: r.error.errno };
}

export interface EchoRequest {
  dst: Ip4;
  src: Ip4;
  ident: number;
  seq: number;
  datalen: number;
  ttl: number | null;
  confirm: boolean;
  broadcast: boolean;
  /**
   * IP_MTU_DISCOVER (`ping -M do|dont|want`); without it the raw socket's default, want (DF when the
   * datagram fits the path MTU, else fragments). BusyBox never sets it.
   */
  pmtudisc?: 'do' | 'dont' | 'want';
}

/** sendto() of one echo request. Returns the send time, or the errno sendto() fails with. */
export function sendEcho(
  io: CommandIO,
  s: EchoSocket,
  req: EchoRequest,
): { ok: true; atUs: number } | { ok: false; errno: Errno } {
  return io.os.mutate(({ kctx }) => {
    const ns = io.proc.ns;
    const sock = sockGet(kctx, ns, s.id);
    const r = ipSendmsg(kctx, ns, {
      dst: req.dst,
      src: req.src,
      oif: sock?.bindDev ?? null,
      proto: 1,
      l4: { proto: 1, type: 8, code: 0, id: req.ident, seq: req.seq & 0xffff, inner: null },
      payload: { kind: 'bytes', size: req.datalen },
      ttl: req.ttl ?? sock?.ttl ?? defaultTtlOf(xaGet(kctx.k.netns, ns)?.sysctl['net.ipv4.ip_default_ttl']),
      broadcast: req.broadcast,
      confirm: req.confirm,
      // The socket, for a local error on its queue (IP_RECVERR): over the MTU under -M do, over 64 KB always.
      sock: s.id,
      ...(req.pmtudisc ? { pmtudisc: req.pmtudisc } : {}),
    });
    return r.ok
      ? { ok: true as const, atUs: kctx.clock.nowUs }
      : { ok: false as const, errno: r.error.errno };
  });
}

function defaultTtlOf(v: number | string | undefined): number {
  const n = Number(v ?? 64);
  return Number.isFinite(n) && n > 0 ? n : 64;
}

/**
 * Block in recvmsg()/poll(): run the kernel until a message is queued on the socket or `untilUs` comes.
 * Returns what was queued (possibly nothing) and the time the wait ended.
 */
export function waitEcho(
  io: CommandIO,
  s: EchoSocket,
  untilUs: number,
): { msgs: SocketMessage[]; nowUs: number } {
  return io.os.mutate(({ kctx }) => {
    const ns = io.proc.ns;
    runUntilOr(kctx, untilUs, () => (sockGet(kctx, ns, s.id)?.rx.length ?? 0) > 0);
    return { msgs: sockDrain(kctx, ns, s.id), nowUs: kctx.clock.nowUs };
  });
}

export function nowUs(io: CommandIO): number {
  return io.os.state.clock.nowUs;
}

/**
 * create_socket() before the target is resolved: an ICMP datagram socket first (ping_init_sock admits the
 * groups in net.ipv4.ping_group_range), SOCK_RAW as the fallback (CAP_NET_RAW). Docker sets the range to
 * "0 2147483647" in every network namespace it creates (moby daemon/oci_linux.go, not for --network host);
 * the host's stays at the kernel's "1 0", which admits nobody. So without CAP_NET_RAW ping still works in a
 * container's own namespace (the datagram socket's echoes look the same here) and fails in the host's.
 */
export function icmpSocketAllowed(io: CommandIO): boolean {
  return permitted(io.proc, 'rawSocket') || io.proc.ns !== io.os.state.docker.hostNs;
}
