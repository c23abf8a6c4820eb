/**
 * ICMP (net/ipv4/icmp.c): icmp_rcv() answers echo requests (icmp_echo/icmp_reply, unless
 * icmp_echo_ignore_all, or icmp_echo_ignore_broadcasts for broadcast ones) and hands errors to the socket
 * whose datagram they quote (icmp_unreach -> raw_icmp_error / udp_err); icmp_send() builds errors:
 * destination unreachable, time exceeded. Errors are never sent about errors, about broadcast or multicast
 * packets, or beyond the per-peer rate limit (inetpeer.ts). The source of an error is the quoted packet's
 * destination if that was us, else the address routing picks towards its sender; the quote is the original
 * datagram up to 576 bytes in all.
 */
import type { Ip4 } from '../../lib';
import { BROADCAST_MAC, formatIp4, isMulticast4, isMulticastMac } from '../../lib';
import type { KernelCtx } from '../context';
import { devOf } from '../context';
import { nfCtAttach } from '../netfilter/nf_conntrack';
import { allocSkb, consumeSkb, kfreeSkb } from '../skbuff';
import { rawIcmpDeliver, sockQueue } from '../sock';
import { pktSummary } from '../trace_fmt';
import type { DevId, InnerL4, KEvent, L4, NetDevice, NsId, Packet, SocketMessage } from '../types';
import { ipFragExpire, REASM_TIMEOUT } from './ip_fragment';
import { defaultTtl, ipLocalOut } from './ip_output';
import { xrlimAllow } from './inetpeer';
import { inetAddrType, ipRouteOutput, isLocalAddr } from './route';
import { ipRtUpdatePmtu, pathMtu } from './route_pmtu';
import { icmpErrno, tcpErr } from './tcp_input';
import { xaGet } from '../xarray';

export const ICMP_ECHOREPLY = 0;
export const ICMP_DEST_UNREACH = 3;
export const ICMP_ECHO = 8;
export const ICMP_TIME_EXCEEDED = 11;
export const ICMP_FRAG_NEEDED = 4;
export const ICMP_EXC_FRAGTIME = 1;

/** icmp_pointers[type].error: the types that are errors (never answered with an error). */
const ERROR_TYPES = new Set([3, 4, 5, 11, 12]);
/** icmp_ratemask 0x1818: destination unreachable, source quench, time exceeded, parameter problem. */
const RATEMASK = new Set([3, 4, 11, 12]);
const IPTOS_PREC_INTERNETCONTROL = 0xc0;

function sysctlOn(ctx: KernelCtx, ns: NsId, key: string, dflt: number): boolean {
  const v = xaGet(ctx.k.netns, ns)?.sysctl[key];
  return Number(v ?? dflt) !== 0;
}

/** The first 8 bytes of the quoted transport header, as a receiver of the error parses them. */
function quoteL4(l4: L4 | null): InnerL4 | null {
  if (!l4) return null;
  if ((l4.proto === 6 || l4.proto === 17) && 'sport' in l4) return { sport: l4.sport, dport: l4.dport };
  if (l4.proto === 1 && 'type' in l4) return { type: l4.type, code: l4.code, id: l4.id, seq: l4.seq };
  return null;
}

/**
 * icmp_send(): an ICMP error about `orig` (its IPv4 header as it is now) back to its sender. `inDev` is the
 * device it arrived on, if it did.
 */
export function icmpSend(
  ctx: KernelCtx,
  ns: NsId,
  orig: Packet,
  type: number,
  code: number,
  inDev: DevId | null,
  /** The next-hop MTU of a "fragmentation needed". */
  mtu?: number,
): void {
  const iph = orig.ip;
  if (!iph) return;
  // Not about broadcast/multicast frames or destinations (RTCF_BROADCAST/MULTICAST, pkt_type != HOST).
  if (orig.eth && (orig.eth.dst === BROADCAST_MAC || isMulticastMac(orig.eth.dst)) && inDev !== null) return;
  if (isMulticast4(iph.dst) || iph.dst === 0xffffffff || inetAddrType(ctx, ns, iph.dst) === 'broadcast')
    return;
  if (iph.src === 0 || isMulticast4(iph.src)) return;
  // Only about the first fragment of a datagram (RFC 1122 3.2.2: iph->frag_off & IP_OFFSET).
  if ((iph.fragOff ?? 0) > 0) return;
  // Never an error about an error.
  if (orig.l4 && orig.l4.proto === 1 && 'type' in orig.l4 && ERROR_TYPES.has(orig.l4.type)) return;
  const saddr = isLocalAddr(ctx, ns, iph.dst) ? iph.dst : 0;
  const r = ipRouteOutput(ctx, ns, { dst: iph.src, src: saddr || null }, orig.id);
  if (!r.ok) return;
  const rt = r.value;
  const loopback = devOf(ctx.k, rt.outDev).kind === 'loopback';
  if (RATEMASK.has(type) && !loopback && !xrlimAllow(ctx, ns, iph.src, 1_000_000)) {
    ctx.trace({
      kind: 'icmp_send',
      atUs: ctx.clock.nowUs,
      ns,
      pkt: orig.id,
      summary: `ICMP type ${type} code ${code} to ${formatIp4(iph.src)} suppressed by the rate limit (icmp_ratelimit)`,
      type,
      code,
      to: iph.src,
      from: rt.src,
    });
    return;
  }
  const quoted = Math.min(iph.len, 576 - 20 - 8);
  const pkt = allocSkb(ctx, {
    eth: null,
    arp: null,
    ip: {
      src: rt.src,
      dst: iph.src,
      ttl: defaultTtl(ctx, ns),
      proto: 1,
      id: 0,
      tos: (iph.tos & 0x1e) | IPTOS_PREC_INTERNETCONTROL,
      len: 20 + 8 + quoted,
    },
    l4: {
      proto: 1,
      type,
      code,
      id: 0,
      seq: 0,
      inner: { ...iph },
      innerL4: quoteL4(orig.l4),
      ...(mtu !== undefined ? { mtu } : {}),
    },
    payload: { kind: 'bytes', size: quoted },
  });
  pkt.ip!.id = pkt.id & 0xffff;
  // The error belongs to the offending packet's connection (RELATED), so its NAT is undone on the way out.
  nfCtAttach(pkt, orig);
  ctx.trace({
    kind: 'icmp_send',
    atUs: ctx.clock.nowUs,
    ns,
    pkt: pkt.id,
    summary: `${pktSummary(pkt)} (about #${orig.id})`,
    type,
    code,
    to: iph.src,
    from: rt.src,
  });
  ipLocalOut(ctx, ns, pkt, rt);
}

/**
 * ip_expire() (ip_fragment.c): a reassembly queue timed out; an end host answers about its first fragment
 * with "fragment reassembly time exceeded". A queue conntrack kept answers only for a local destination.
 */
export function ipFragTimeout(ctx: KernelCtx, ev: Extract<KEvent, { kind: 'ipfrag-expire' }>): void {
  const head = ipFragExpire(ctx, ev);
  if (!head) return;
  if (head.ip && (ev.user === 'local' || isLocalAddr(ctx, ev.ns, head.ip.dst)))
    icmpSend(ctx, ev.ns, head, ICMP_TIME_EXCEEDED, ICMP_EXC_FRAGTIME, null);
  kfreeSkb(ctx, ev.ns, head, 'FRAG_REASM_TIMEOUT', null, REASM_TIMEOUT);
}

/** ipv4_link_failure(): the neighbour layer gave up on a packet; its sender hears "host unreachable". */
export function ipv4LinkFailure(ctx: KernelCtx, ns: NsId, pkt: Packet): void {
  if (!xaGet(ctx.k.netns, ns)) return;
  icmpSend(ctx, ns, pkt, ICMP_DEST_UNREACH, 1, null);
}

/** icmp_reply() to an echo request: same id, seq and data, from the address it was sent to. */
function icmpEcho(ctx: KernelCtx, dev: NetDevice, pkt: Packet, bcast: boolean): void {
  const ns = dev.ns;
  const iph = pkt.ip;
  const l4 = pkt.l4;
  if (!iph || !l4 || l4.proto !== 1 || !('type' in l4)) return;
  if (sysctlOn(ctx, ns, 'net.ipv4.icmp_echo_ignore_all', 0)) {
    consumeSkb(ctx, ns, pkt, dev.id, 'echo request ignored (icmp_echo_ignore_all)');
    return;
  }
  if (bcast && sysctlOn(ctx, ns, 'net.ipv4.icmp_echo_ignore_broadcasts', 1)) {
    consumeSkb(ctx, ns, pkt, dev.id, 'broadcast echo request ignored (icmp_echo_ignore_broadcasts)');
    return;
  }
  const src: Ip4 = bcast ? 0 : iph.dst;
  const r = ipRouteOutput(ctx, ns, { dst: iph.src, src: src || null }, pkt.id);
  if (!r.ok) {
    kfreeSkb(
      ctx,
      ns,
      pkt,
      'IP_OUTNOROUTES',
      dev.id,
      `no route back to ${formatIp4(iph.src)} for the echo reply`,
    );
    return;
  }
  const reply = allocSkb(ctx, {
    eth: null,
    arp: null,
    ip: {
      src: r.value.src,
      dst: iph.src,
      ttl: defaultTtl(ctx, ns),
      proto: 1,
      id: 0,
      tos: iph.tos,
      len: iph.len,
    },
    l4: { proto: 1, type: ICMP_ECHOREPLY, code: 0, id: l4.id, seq: l4.seq, inner: null },
    payload: pkt.payload,
  });
  reply.ip!.id = reply.id & 0xffff;
  // icmp_reply() sends from inside icmp_rcv(); the request is consumed when that returns (on Linux 6.18 the
  // reply's net_dev_xmit comes before the request's consume_skb).
  ipLocalOut(ctx, ns, reply, r.value);
  consumeSkb(ctx, ns, pkt, dev.id, `echo request answered (reply #${reply.id})`);
}

/**
 * icmp_unreach() -> the error handler of the quoted protocol: raw ICMP sockets and UDP sockets with
 * IP_RECVERR queue it on their error queue when the quote is a datagram they sent.
 */
function icmpErrorToSockets(ctx: KernelCtx, dev: NetDevice, pkt: Packet): number {
  const ns = dev.ns;
  const n = xaGet(ctx.k.netns, ns);
  const l4 = pkt.l4;
  if (!n || !pkt.ip || !l4 || l4.proto !== 1 || !('type' in l4) || !l4.inner) return 0;
  const inner = l4.inner;
  const q = l4.innerL4 ?? null;
  let count = 0;
  for (const s of [...n.sockets]) {
    let mine = false;
    if (inner.proto === 1 && s.proto === 'icmp') mine = s.localAddr === 0 || s.localAddr === inner.src;
    else if (inner.proto === 17 && s.proto === 'udp') mine = !!q && 'sport' in q && q.sport === s.localPort;
    else if (inner.proto === 6 && s.proto === 'tcp' && s.state !== 'LISTEN') {
      mine =
        !!q &&
        'sport' in q &&
        q.sport === s.localPort &&
        q.dport === s.remotePort &&
        inner.dst === s.remoteAddr;
    }
    if (!mine) continue;
    // tcp_v4_err / udp_err: a hard error on a connection being set up, or on a connected UDP socket.
    if (s.proto === 'tcp') tcpErr(ctx, ns, s, l4.type, l4.code, pkt);
    else if (s.proto === 'udp' && s.remoteAddr !== null) {
      const e = icmpErrno(l4.type, l4.code);
      if (e.fatal)
        sockQueue(
          ctx,
          ns,
          s,
          { kind: 'sockerr', atUs: ctx.clock.nowUs, errno: e.errno },
          pkt,
          `ICMP error: ${e.errno}`,
        );
    }
    if (!s.recverr) continue;
    const msg: SocketMessage = {
      kind: 'error',
      fromAddr: pkt.ip.src,
      atUs: ctx.clock.nowUs,
      icmpType: l4.type,
      icmpCode: l4.code,
      payload: { kind: 'none' },
      inner: { ...inner },
      innerL4: q ? { ...q } : null,
      origin: 'icmp',
      ...(l4.mtu !== undefined ? { eeInfo: l4.mtu } : {}),
      ttl: pkt.ip.ttl,
    };
    sockQueue(ctx, ns, s, msg, pkt, `ICMP error (type ${l4.type} code ${l4.code})`);
    count++;
  }
  return count;
}

/**
 * icmp_unreach() for ICMP_FRAG_NEEDED, then icmp_err/raw_err/udp_err's ipv4_update_pmtu: the path MTU
 * towards the quoted destination drops to the next-hop MTU (net.ipv4.ip_no_pmtu_disc 0), for a datagram
 * this host sent (its source is ours).
 */
function icmpFragNeeded(ctx: KernelCtx, dev: NetDevice, l4: Extract<L4, { proto: 1 }>): void {
  const inner = l4.inner;
  if (!inner || l4.mtu === undefined || !isLocalAddr(ctx, dev.ns, inner.src)) return;
  const r = ipRouteOutput(ctx, dev.ns, { dst: inner.dst, src: inner.src });
  if (!r.ok) return;
  const devMtu = Math.min(xaGet(ctx.k.devices, r.value.outDev)?.mtu ?? 1500, 0xffff);
  ipRtUpdatePmtu(ctx, dev.ns, inner.dst, l4.mtu, pathMtu(ctx, dev.ns, inner.dst, devMtu, r.value.mtu));
}

/** icmp_rcv() for a packet delivered locally (after the raw sockets got their copies). */
export function icmpRcv(ctx: KernelCtx, dev: NetDevice, pkt: Packet, bcast: boolean): void {
  const l4 = pkt.l4;
  const ns = dev.ns;
  const raw = rawIcmpDeliver(ctx, ns, pkt, dev.id);
  if (!l4 || l4.proto !== 1 || !('type' in l4)) {
    kfreeSkb(ctx, ns, pkt, 'PKT_TOO_SMALL', dev.id);
    return;
  }
  switch (l4.type) {
    case ICMP_ECHO:
      icmpEcho(ctx, dev, pkt, bcast);
      return;
    case ICMP_ECHOREPLY:
      consumeSkb(
        ctx,
        ns,
        pkt,
        dev.id,
        raw > 0 ? 'echo reply read by ping' : 'echo reply: no ping is waiting for it',
      );
      return;
    default:
      if (ERROR_TYPES.has(l4.type)) {
        if (l4.type === ICMP_DEST_UNREACH && l4.code === ICMP_FRAG_NEEDED) icmpFragNeeded(ctx, dev, l4);
        // icmp_unreach(): a fragment reassembly timeout goes to no socket's error queue (raw copies only).
        const n =
          l4.type === ICMP_TIME_EXCEEDED && l4.code === ICMP_EXC_FRAGTIME
            ? 0
            : icmpErrorToSockets(ctx, dev, pkt);
        consumeSkb(
          ctx,
          ns,
          pkt,
          dev.id,
          n + raw > 0 ? 'ICMP error delivered' : 'ICMP error about a packet no socket here sent',
        );
        return;
      }
      consumeSkb(ctx, ns, pkt, dev.id, `ICMP type ${l4.type} not answered`);
  }
}
