/**
 * Does a rule match a packet (net/ipv4/netfilter/ip_tables.c ip_packet_match, and each match's ->match:
 * xt_tcpudp.c, xt_multiport.c, xt_addrtype.c, xt_conntrack.c, xt_state.c, xt_mark.c, ip_tables.c icmp_match)?
 */
import { maskOf, type Ip4 } from '../../lib';
import type {
  ConntrackEntry,
  DevId,
  KernelState,
  NetDevice,
  NfAddrMatch,
  NfIfaceMatch,
  NfMatch,
  NfPortRange,
  NfRule,
  NsId,
  Packet,
} from '../types';
import { TCP_FLAG_NAMES } from './xt_names';
import type { Peek } from '../context';
import { xaPeek } from '../xarray';

export interface MatchState {
  k: KernelState;
  ns: NsId;
  inDev: NetDevice | null;
  outDev: NetDevice | null;
  /** The packet's connection (null when untracked or INVALID). */
  ct: ConntrackEntry | null;
  /** Reads `k` without drafting it (KernelCtx.peek). */
  peek: Peek;
}

function addrMatch(m: NfAddrMatch | null, ip: Ip4): boolean {
  if (!m) return true;
  const hit = (ip & maskOf(m.prefixLen)) >>> 0 === m.addr;
  return hit !== m.invert;
}

/** ifname comparison with iptables' '+' wildcard; no device compares as the empty name. */
function ifaceMatch(m: NfIfaceMatch | null, dev: NetDevice | null): boolean {
  if (!m) return true;
  const name = dev?.name ?? '';
  const hit = m.name.endsWith('+') ? name.startsWith(m.name.slice(0, -1)) : name === m.name;
  return hit !== m.invert;
}

function portIn(r: NfPortRange | null, port: number): boolean {
  if (!r) return true;
  return (port >= r.from && port <= r.to) !== r.invert;
}

function l4Ports(pkt: Packet): { sport: number; dport: number } | null {
  const l4 = pkt.l4;
  return l4 && (l4.proto === 6 || l4.proto === 17) && 'sport' in l4
    ? { sport: l4.sport, dport: l4.dport }
    : null;
}

/** tcpdump's flag letters ("S.", "F.", "R") as TCP header bits. */
export function tcpFlagBits(flags: string): number {
  const bit = (name: string): number => TCP_FLAG_NAMES.find(([n]) => n === name)?.[1] ?? 0;
  let b = 0;
  if (flags.includes('F')) b |= bit('FIN');
  if (flags.includes('S')) b |= bit('SYN');
  if (flags.includes('R')) b |= bit('RST');
  if (flags.includes('P')) b |= bit('PSH');
  if (flags.includes('.') || flags.includes('A')) b |= bit('ACK');
  if (flags.includes('U')) b |= bit('URG');
  return b;
}

/**
 * inet_addr_type(_dev_table): zeronet and limited broadcast are BROADCAST, class D is MULTICAST, otherwise
 * what the local table says (LOCAL, BROADCAST), else UNICAST. With `dev`, only that device's entries count.
 */
export function addrType(k: KernelState, ns: NsId, ip: Ip4, dev: DevId | null, peek: Peek): string {
  if (ip >>> 24 === 0 || ip === 0xffffffff) return 'BROADCAST';
  if (ip >>> 28 === 0xe) return 'MULTICAST';
  const n = xaPeek(peek, k.netns, ns);
  const local = peek(n ? peek(n.fib4)[255] : undefined) ?? [];
  for (const r0 of local) {
    const r = peek(r0);
    if (r.dstLen === 32 && r.dst === ip && (dev === null || r.dev === dev)) return r.type.toUpperCase();
  }
  return 'UNICAST';
}

/**
 * Is the packet's virtual ctstate (xt_conntrack.c conntrack_mt_state: the state bit, plus SNAT and DNAT
 * for a connection NAT changed) among `states`? Asked of every --ctstate rule a packet crosses, so it
 * builds no list.
 */
function ctStateIn(pkt: Packet, ct: ConntrackEntry | null, states: readonly string[]): boolean {
  if (pkt.ct?.info === 'untracked') return states.includes('UNTRACKED');
  if (!ct || !pkt.ct) return states.includes('INVALID');
  const info = pkt.ct.info === 'new' ? 'NEW' : pkt.ct.info === 'related' ? 'RELATED' : 'ESTABLISHED';
  return (
    states.includes(info) || (ct.srcNat && states.includes('SNAT')) || (ct.dstNat && states.includes('DNAT'))
  );
}

function matchOne(m: NfMatch, st: MatchState, pkt: Packet): boolean {
  const ip = pkt.ip;
  if (!ip) return false;
  switch (m.kind) {
    case 'tcp':
    case 'udp': {
      const p = l4Ports(pkt);
      if (!p || ip.proto !== (m.kind === 'tcp' ? 6 : 17)) return false;
      if (!portIn(m.sport, p.sport) || !portIn(m.dport, p.dport)) return false;
      if (m.kind === 'tcp' && m.flags) {
        const bits = pkt.l4 && 'flags' in pkt.l4 ? tcpFlagBits(pkt.l4.flags) : 0;
        return ((bits & m.flags.mask) === m.flags.comp) !== m.flags.invert;
      }
      return true;
    }
    case 'icmp': {
      const l4 = pkt.l4;
      if (!l4 || l4.proto !== 1 || !('type' in l4)) return false;
      const hit =
        m.icmpType === null || (l4.type === m.icmpType && l4.code >= m.codeMin && l4.code <= m.codeMax);
      return hit !== m.invert;
    }
    case 'addrtype': {
      const srcDev = m.limitIfaceIn ? (st.inDev?.id ?? null) : null;
      const dstDev = m.limitIfaceIn
        ? (st.inDev?.id ?? null)
        : m.limitIfaceOut
          ? (st.outDev?.id ?? null)
          : null;
      if (m.srcTypes && m.srcTypes.includes(addrType(st.k, st.ns, ip.src, srcDev, st.peek)) === m.srcInvert)
        return false;
      if (m.dstTypes && m.dstTypes.includes(addrType(st.k, st.ns, ip.dst, dstDev, st.peek)) === m.dstInvert)
        return false;
      return true;
    }
    case 'conntrack':
      return ctStateIn(pkt, st.ct, m.ctstate) !== m.invert;
    case 'state':
      return ctStateIn(pkt, st.ct, m.state) !== m.invert;
    case 'comment':
      return true;
    case 'mark':
      return ((pkt.mark & m.mask) >>> 0 === m.mark) !== m.invert;
    case 'multiport': {
      const p = l4Ports(pkt);
      if (!p) return false;
      const inList = (port: number): boolean => m.ports.some((r) => port >= r.from && port <= r.to);
      const hit =
        m.dir === 'src'
          ? inList(p.sport)
          : m.dir === 'dst'
            ? inList(p.dport)
            : inList(p.sport) || inList(p.dport);
      return hit !== m.invert;
    }
  }
}

/** ip_packet_match plus every match of the rule, in order. */
export function ruleMatches(r: NfRule, st: MatchState, pkt: Packet): boolean {
  const ip = pkt.ip;
  if (!ip) return false;
  if (!addrMatch(r.src, ip.src) || !addrMatch(r.dst, ip.dst)) return false;
  if (!ifaceMatch(r.inIface, st.inDev) || !ifaceMatch(r.outIface, st.outDev)) return false;
  if (r.proto !== null && (ip.proto === r.proto) === r.protoInvert) return false;
  // IPT_F_FRAG: `-f` is about second and further fragments (a non-zero offset).
  if (r.frag !== undefined && (ip.fragOff ?? 0) > 0 !== r.frag) return false;
  // A loop, not `every` with a closure: this runs for each of the hundred rules a packet crosses.
  for (const m of r.matches) if (!matchOne(m, st, pkt)) return false;
  return true;
}
