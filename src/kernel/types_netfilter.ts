/**
 * The kernel's state, continued (types.ts re-exports it): netfilter tables, rules and connection tracking (net/netfilter).
 */
import type { Ip4 } from '../lib';

// ---------------------------------------------------------------------------------------------------------
// Netfilter (net/netfilter, iptables-nft's view of it)

export type NfTableName = 'filter' | 'nat' | 'raw' | 'mangle' | 'security';
export type NfHook = 'PREROUTING' | 'INPUT' | 'FORWARD' | 'OUTPUT' | 'POSTROUTING';

export interface Netfilter {
  /** A table exists once something wrote to it (iptables-nft creates tables on first change, not on listing). */
  tables: Partial<Record<NfTableName, NfTable>>;
}

export interface NfTable {
  name: NfTableName;
  /** Built-in chains first in hook order, then user chains in creation order (listings sort them by name). */
  chains: NfChain[];
}

export interface NfCounters {
  pkts: number;
  bytes: number;
}

export interface NfChain {
  name: string;
  builtin: boolean;
  /** Built-in chains only. */
  policy: 'ACCEPT' | 'DROP' | null;
  /**
   * nf_tables keeps policy counters only on a base chain that `-P` created or updated (iptables-nft sends
   * NFTA_CHAIN_COUNTERS then); a base chain that came into being for a rule has none and lists 0 packets.
   */
  policyCounted: boolean;
  counters: NfCounters;
  rules: NfRule[];
}

/** An address match: `-s`/`-d` with optional `!`; `addr` is already masked to `prefixLen`. */
export interface NfAddrMatch {
  addr: Ip4;
  prefixLen: number;
  invert: boolean;
}

/** An interface match: `-i`/`-o`; a trailing '+' is a prefix wildcard. */
export interface NfIfaceMatch {
  name: string;
  invert: boolean;
}

export interface NfPortRange {
  from: number;
  to: number;
  invert: boolean;
}

/** A port or port range without negation (NAT targets' `:port[-port]`, `--to-ports`, multiport items). */
export interface NfPorts {
  from: number;
  to: number;
}

/** `--tcp-flags mask comp` as bits (FIN 1, SYN 2, RST 4, PSH 8, ACK 16, URG 32). */
export interface NfTcpFlags {
  mask: number;
  comp: number;
  invert: boolean;
}

export type NfMatch =
  | { kind: 'tcp'; sport: NfPortRange | null; dport: NfPortRange | null; flags: NfTcpFlags | null }
  | { kind: 'udp'; sport: NfPortRange | null; dport: NfPortRange | null }
  /** icmpType null is `any`; codes are the range the match accepts (0-255 when only a type is given). */
  | { kind: 'icmp'; icmpType: number | null; codeMin: number; codeMax: number; invert: boolean }
  | {
      kind: 'addrtype';
      srcTypes: string[] | null;
      srcInvert: boolean;
      dstTypes: string[] | null;
      dstInvert: boolean;
      limitIfaceIn: boolean;
      limitIfaceOut: boolean;
    }
  /** States in iptables' print order (INVALID, NEW, RELATED, ESTABLISHED, UNTRACKED, SNAT, DNAT). */
  | { kind: 'conntrack'; ctstate: string[]; invert: boolean }
  | { kind: 'state'; state: string[]; invert: boolean }
  | { kind: 'comment'; comment: string }
  | { kind: 'mark'; mark: number; mask: number; invert: boolean }
  | { kind: 'multiport'; dir: 'src' | 'dst' | 'any'; ports: NfPorts[]; invert: boolean };

export type NfTarget =
  | { kind: 'ACCEPT' }
  | { kind: 'DROP' }
  | { kind: 'RETURN' }
  | { kind: 'jump'; chain: string }
  | { kind: 'goto'; chain: string }
  | { kind: 'REJECT'; with: string }
  | { kind: 'MASQUERADE'; toPorts: NfPorts | null; random: boolean }
  | { kind: 'SNAT'; to: NfNatRange; random: boolean; persistent: boolean }
  | { kind: 'DNAT'; to: NfNatRange; random: boolean; persistent: boolean }
  | { kind: 'REDIRECT'; toPorts: NfPorts | null; random: boolean }
  | { kind: 'LOG'; prefix: string | null; level: number }
  /** xt_MARK in its canonical --set-xmark form: mark = (mark & ~mask) ^ value. */
  | { kind: 'MARK'; value: number; mask: number }
  /** `-j NOTRACK` (viaCt false) or `-j CT --notrack` (viaCt true) in the raw table: both untrack, print apart. */
  | { kind: 'NOTRACK'; viaCt: boolean }
  | { kind: 'none' };

export interface NfNatRange {
  addrFrom: Ip4 | null;
  addrTo: Ip4 | null;
  portFrom: number | null;
  portTo: number | null;
}

export interface NfRule {
  src: NfAddrMatch | null;
  dst: NfAddrMatch | null;
  inIface: NfIfaceMatch | null;
  outIface: NfIfaceMatch | null;
  /** Protocol number (6 tcp, 17 udp, 1 icmp) or null for any. */
  proto: number | null;
  protoInvert: boolean;
  /**
   * `-f` (IPT_F_FRAG): true matches only second and further fragments, false (`! -f`) only the others;
   * absent when the rule does not look at fragments.
   */
  frag?: boolean;
  /** Matches in the order iptables prints them (command-line order, `-m tcp` where the first tcp option was). */
  matches: NfMatch[];
  target: NfTarget;
  counters: NfCounters;
}

// ---------------------------------------------------------------------------------------------------------
// Connection tracking (net/netfilter/nf_conntrack_core.c, nf_nat_core.c)

export interface CtTuple {
  src: Ip4;
  dst: Ip4;
  /** TCP/UDP ports; for ICMP echo-like types sport = dport = the id; 0 for other protocols. */
  sport: number;
  dport: number;
}

export interface ConntrackEntry {
  id: number;
  proto: number;
  orig: CtTuple;
  /** What a reply looks like: after NAT it is not the inverse of `orig` (that is how NAT is undone). */
  reply: CtTuple;
  /** TCP state name as conntrack prints it, or null for other protocols. */
  tcpState: string | null;
  /** Which direction sent the first FIN (the close sequence's bookkeeping), or null. */
  tcpFinFrom: 'orig' | 'reply' | null;
  /** IPS_SEEN_REPLY: printed as [UNREPLIED] while false. */
  seenReply: boolean;
  assured: boolean;
  /** In the hash table (__nf_conntrack_confirm at INPUT/POSTROUTING); unconfirmed entries die with their packet. */
  confirmed: boolean;
  srcNat: boolean;
  dstNat: boolean;
  /** NAT already decided for this direction of hooks (nf_nat_initialized for SRC/DST manip). */
  natDoneSrc: boolean;
  natDoneDst: boolean;
  createdUs: number;
  expiresUs: number;
  icmpType: number | null;
  icmpCode: number | null;
  mark: number;
  zone: number;
}
