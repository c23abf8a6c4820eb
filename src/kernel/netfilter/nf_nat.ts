/**
 * NAT (net/netfilter/nf_nat_core.c, nf_nat_proto.c, nf_nat_masquerade.c, xt_nat.c, xt_REDIRECT.c). The nat
 * table is consulted once per connection and manip type, on its first packet: a DNAT/SNAT/MASQUERADE/
 * REDIRECT target changes the connection's reply tuple (nf_nat_setup_info), no target leaves a null binding.
 * Every packet of the connection, in both directions, is then rewritten at each NAT hook so that it looks
 * like the inverse of the other direction's tuple (nf_nat_packet): DST manip at PREROUTING/OUTPUT, SRC manip
 * at INPUT/POSTROUTING. ICMP errors RELATED to a connection get their outer and quoted headers translated
 * back (nf_nat_icmp_reply_translation).
 */
import { formatIp4, inPrefix, type Ip4 } from '../../lib';
import type { KernelCtx } from '../context';
import type { ConntrackEntry, CtTuple, DevId, NetNs, NfHook, NfTarget, NsId, Packet } from '../types';
import { invertTuple } from './nf_conntrack';
import { xaGet } from '../xarray';

export type Manip = 'SRC' | 'DST';

export function manipOf(hook: NfHook): Manip | null {
  if (hook === 'PREROUTING' || hook === 'OUTPUT') return 'DST';
  if (hook === 'POSTROUTING' || hook === 'INPUT') return 'SRC';
  return null;
}

const endpoint = (ip: Ip4, port: number, proto: number): string =>
  proto === 6 || proto === 17 ? `${formatIp4(ip)}:${port}` : formatIp4(ip);

/** Another connection already answers to this reply tuple (nf_nat_used_tuple). */
function tupleTaken(n: NetNs, self: ConntrackEntry, reply: CtTuple): boolean {
  return n.conntrack.some(
    (e) =>
      e !== self &&
      e.proto === self.proto &&
      e.reply.src === reply.src &&
      e.reply.dst === reply.dst &&
      e.reply.sport === reply.sport &&
      e.reply.dport === reply.dport,
  );
}

/** inet_select_addr(out, nexthop, RT_SCOPE_UNIVERSE): a primary address of the device, preferring the nexthop's subnet. */
function masqAddr(ctx: KernelCtx, outDev: DevId | null, nexthop: Ip4): Ip4 | null {
  const d = outDev ? xaGet(ctx.k.devices, outDev) : undefined;
  if (!d) return null;
  const prim = d.inet.filter((a) => !a.secondary && a.scope !== 'host' && a.scope !== 'nowhere');
  return (prim.find((a) => inPrefix(nexthop, a.local, a.prefixLen)) ?? prim[0])?.local ?? null;
}

/**
 * nf_nat_setup_info for `manip` from the target that fired: pick the new address (and port, keeping the
 * original unless another connection already uses the result: then the next free one in the port class).
 */
export function natSetup(
  ctx: KernelCtx,
  ns: NsId,
  e: ConntrackEntry,
  manip: Manip,
  target: NfTarget,
  inDev: DevId | null,
  outDev: DevId | null,
  nexthop: Ip4,
): void {
  const n = xaGet(ctx.k.netns, ns);
  if (!n) return;
  // The tuple this direction will have on the wire after NAT (the inverse of the new reply tuple); it
  // starts from what an earlier manip (DNAT at PREROUTING before SNAT at POSTROUTING) already decided.
  const want: CtTuple = invertTuple(e.reply);
  let portFrom: number | null = null;
  let portTo: number | null = null;
  if (target.kind === 'DNAT' || target.kind === 'SNAT') {
    const r = target.to;
    if (r.addrFrom !== null) {
      if (manip === 'DST') want.dst = r.addrFrom;
      else want.src = r.addrFrom;
    }
    portFrom = r.portFrom;
    portTo = r.portTo ?? r.portFrom;
  } else if (target.kind === 'MASQUERADE') {
    const a = masqAddr(ctx, outDev, nexthop);
    if (a === null) return;
    want.src = a;
    if (target.toPorts) [portFrom, portTo] = [target.toPorts.from, target.toPorts.to];
  } else if (target.kind === 'REDIRECT') {
    // nf_nat_redirect_ipv4: locally generated goes to 127.0.0.1, received to the first address of the
    // incoming device (in_dev->ifa_list), whatever its subnet.
    const a = inDev ? (xaGet(ctx.k.devices, inDev)?.inet[0]?.local ?? null) : 0x7f000001;
    if (a === null) return;
    want.dst = a;
    if (target.toPorts) [portFrom, portTo] = [target.toPorts.from, target.toPorts.to];
  } else return;
  const hasPorts = e.proto === 6 || e.proto === 17;
  const key = manip === 'DST' ? 'dport' : 'sport';
  if (hasPorts && portFrom !== null) want[key] = portFrom;
  const lo = hasPorts ? (portFrom ?? (want[key] < 1024 ? 1 : 1024)) : 0;
  const hi = hasPorts ? (portTo ?? (want[key] < 1024 ? 1023 : 65535)) : 65535;
  // ICMP echo ids are the "port" of ICMP (both tuple ends carry the id).
  const idKey = e.proto === 1 ? 'sport' : key;
  for (let tries = 0; tries <= hi - lo && tupleTaken(n, e, invertTuple(want)); tries++) {
    const next = want[idKey] + 1 > hi ? lo : want[idKey] + 1;
    want[idKey] = next;
    if (e.proto === 1) want.dport = next;
  }
  e.reply = invertTuple(want);
  if (manip === 'DST') e.dstNat = true;
  else e.srcNat = true;
}

function rewrite(pkt: Packet, manip: Manip, to: CtTuple): void {
  const ip = pkt.ip;
  const l4 = pkt.l4;
  if (!ip) return;
  if (manip === 'DST') ip.dst = to.dst;
  else ip.src = to.src;
  if (l4 && (l4.proto === 6 || l4.proto === 17) && 'sport' in l4) {
    if (manip === 'DST') l4.dport = to.dport;
    else l4.sport = to.sport;
  } else if (
    l4 &&
    l4.proto === 1 &&
    'id' in l4 &&
    'type' in l4 &&
    [0, 8, 13, 14, 15, 16, 17, 18].includes(l4.type)
  ) {
    l4.id = to.sport;
  }
}

function describe(pkt: Packet): string {
  const ip = pkt.ip;
  const l4 = pkt.l4;
  if (!ip) return '';
  const sp = l4 && 'sport' in l4 ? l4.sport : 0;
  const dp = l4 && 'dport' in l4 ? l4.dport : 0;
  return `${endpoint(ip.src, sp, ip.proto)} > ${endpoint(ip.dst, dp, ip.proto)}`;
}

/**
 * nf_nat_packet / nf_nat_icmp_reply_translation: make the packet look like its direction's post-NAT tuple.
 * Returns the trace text "before -> after" when something changed.
 */
export function natManip(
  e: ConntrackEntry,
  pkt: Packet,
  manip: Manip,
): { type: 'SNAT' | 'DNAT'; before: string; after: string } | null {
  const ct = pkt.ct;
  if (!ct || !pkt.ip) return null;
  const target = ct.dir === 'orig' ? invertTuple(e.reply) : invertTuple(e.orig);
  const before = describe(pkt);
  if (ct.info === 'related') {
    // Only where that kind of NAT happened to the connection (the statusbit test): an error from a router
    // in between keeps its source when there is no DNAT to undo.
    const natted = (manip === 'SRC') === (ct.dir === 'orig') ? e.srcNat : e.dstNat;
    if (!natted) return null;
    // Outer header: addresses only. Quoted header: the opposite manip, back to its direction's tuple.
    const l4 = pkt.l4;
    const ip = pkt.ip;
    if (manip === 'DST') ip.dst = target.dst;
    else ip.src = target.src;
    if (l4 && l4.proto === 1 && 'inner' in l4 && l4.inner) {
      const innerT = ct.dir === 'orig' ? e.reply : e.orig;
      if (manip === 'DST') l4.inner.src = innerT.src;
      else l4.inner.dst = innerT.dst;
      const q = l4.innerL4;
      if (q && 'sport' in q) {
        if (manip === 'DST') q.sport = innerT.sport;
        else q.dport = innerT.dport;
      } else if (q && 'id' in q) q.id = innerT.sport;
    }
  } else rewrite(pkt, manip, target);
  const after = describe(pkt);
  if (after === before) return null;
  return { type: manip === 'DST' ? 'DNAT' : 'SNAT', before, after };
}
