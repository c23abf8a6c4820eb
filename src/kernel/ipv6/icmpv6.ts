/**
 * ICMPv6 (net/ipv6/icmp.c, raw.c, ndisc.c's receive side): icmpv6_rcv() hands echo requests to
 * icmpv6_echo_reply() (from the address asked, or a selected one for multicast), neighbour solicitations
 * and advertisements to ND (ndisc_nud.ts), and gives every raw ICMPv6 socket a copy of what its
 * ICMP6_FILTER lets through (ping's: echo replies and errors). icmp6_send() builds errors: never about an
 * ICMPv6 error, from an address selected towards the offending packet's source.
 */
import { parseIp6 } from '../../lib';
import type { KernelCtx } from '../context';
import { sockQueue } from '../sock';
import { consumeSkb, kfreeSkb } from '../skbuff';
import type { DevId, Icmp6Msg, NetDevice, NsId, Packet } from '../types';
import { xaGet } from '../xarray';
import { ipv6DevGetSaddr } from './ip6_fib';
import { ip6Sendmsg } from './ip6_output';
import { nd6Output, ndiscRecvNa, ndiscRecvNs } from './ndisc_nud';

export const ICMPV6_DEST_UNREACH = 1;
export const ICMPV6_TIME_EXCEED = 3;
export const ICMPV6_ECHO_REQUEST = 128;
export const ICMPV6_ECHO_REPLY = 129;
/** ICMPV6_NOROUTE, ICMPV6_ADDR_UNREACH. */
export const ICMPV6_NOROUTE = 0;
export const ICMPV6_ADDR_UNREACH = 3;

/** IPV6_DEFAULT_HOPLIMIT (net.ipv6.conf.*.hop_limit). */
export const IPV6_DEFAULT_HOPLIMIT = 64;

/** rawv6_rcv() for every raw ICMPv6 socket whose filter passes the type. Returns how many got a copy. */
function rawv6Deliver(ctx: KernelCtx, ns: NsId, pkt: Packet, dev: DevId | null): number {
  const n = xaGet(ctx.k.netns, ns);
  const ip6 = pkt.ip6;
  const m = pkt.icmp6;
  if (!n || !ip6 || !m) return 0;
  if (m.type !== ICMPV6_ECHO_REPLY && m.type >= 128) return 0;
  let count = 0;
  for (const s of n.sockets) {
    if (!s.v6 || s.proto !== 'icmp') continue;
    if (s.bindDev !== null && dev !== null && s.bindDev !== dev) continue;
    const icmp = JSON.parse(JSON.stringify(m)) as Icmp6Msg;
    sockQueue(
      ctx,
      ns,
      s,
      { kind: 'icmp6', from: ip6.src, atUs: ctx.clock.nowUs, hopLimit: ip6.hopLimit, plen: ip6.plen, icmp },
      pkt,
      'ICMPv6 copy',
    );
    count++;
  }
  return count;
}

/** icmp6_send(): an error about `orig` to its source. */
export function icmp6Send(ctx: KernelCtx, ns: NsId, orig: Packet, type: number, code: number): void {
  const ip6 = orig.ip6;
  const m = orig.icmp6;
  if (!ip6 || ip6.src === '::') return;
  // Never an error about an error (or about a multicast destination, but for "too big").
  if (m && m.type < 128) return;
  const dst = parseIp6(ip6.src);
  if (!dst) return;
  const src = ipv6DevGetSaddr(ctx.k, ns, ctx.clock.nowUs, null, dst);
  if (src === null) return;
  ctx.trace({
    kind: 'icmp_send',
    atUs: ctx.clock.nowUs,
    ns,
    pkt: orig.id,
    summary: `ICMP6 type ${type} code ${code} to ${ip6.src} from ${src}`,
    type,
    code,
    to: 0,
    from: 0,
  });
  ip6Sendmsg(ctx, ns, {
    dst: ip6.src,
    src,
    oif: null,
    hopLimit: IPV6_DEFAULT_HOPLIMIT,
    icmp6: {
      type,
      code,
      inner: { src: ip6.src, dst: ip6.dst, type: m?.type ?? 0, id: m?.id ?? 0, seq: m?.seq ?? 0 },
    },
    plen: Math.min(1232, 8 + 40 + ip6.plen),
  });
}

/** The neighbour layer gave up on a packet (ndisc_error_report): address unreachable to its sender. */
export function ip6LinkFailure(ctx: KernelCtx, ns: NsId, pkt: Packet): void {
  if (xaGet(ctx.k.netns, ns)) icmp6Send(ctx, ns, pkt, ICMPV6_DEST_UNREACH, ICMPV6_ADDR_UNREACH);
}

/** icmpv6_rcv() for a packet delivered locally. */
export function icmpv6Rcv(ctx: KernelCtx, dev: NetDevice, pkt: Packet): void {
  const ns = dev.ns;
  const m = pkt.icmp6;
  const ip6 = pkt.ip6;
  if (!m || !ip6) return;
  const raw = rawv6Deliver(ctx, ns, pkt, dev.kind === 'loopback' ? null : dev.id);
  switch (m.type) {
    case ICMPV6_ECHO_REQUEST: {
      const d = parseIp6(ip6.dst) ?? [];
      const multicast = ((d[0] ?? 0) & 0xff00) === 0xff00;
      const src = multicast
        ? ipv6DevGetSaddr(ctx.k, ns, ctx.clock.nowUs, dev, parseIp6(ip6.src) ?? [])
        : ip6.dst;
      const linkLocal = ((parseIp6(ip6.src)?.[0] ?? 0) & 0xffc0) === 0xfe80;
      ip6Sendmsg(ctx, ns, {
        dst: ip6.src,
        src,
        oif: linkLocal && dev.kind !== 'loopback' ? dev.id : null,
        hopLimit: IPV6_DEFAULT_HOPLIMIT,
        icmp6: { type: ICMPV6_ECHO_REPLY, code: 0, id: m.id ?? 0, seq: m.seq ?? 0 },
        plen: ip6.plen,
      });
      consumeSkb(ctx, ns, pkt, dev.id, 'echo request answered');
      return;
    }
    case 135: {
      const na = ndiscRecvNs(ctx, dev, pkt);
      if (na?.ip6) nd6Output(ctx, ns, dev, na.ip6.dst, na);
      consumeSkb(ctx, ns, pkt, dev.id, 'neighbour solicitation');
      return;
    }
    case 136:
      ndiscRecvNa(ctx, dev, pkt);
      consumeSkb(ctx, ns, pkt, dev.id, 'neighbour advertisement');
      return;
    default:
      if (raw > 0) consumeSkb(ctx, ns, pkt, dev.id, 'read by a raw ICMPv6 socket');
      else kfreeSkb(ctx, ns, pkt, 'NOT_SPECIFIED', dev.id, `ICMPv6 type ${m.type}: nothing reads it here`);
  }
}
