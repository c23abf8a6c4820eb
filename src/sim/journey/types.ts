/**
 * The packet journey of one line: its trace events as steps a person can follow (Packet Tracer's event list,
 * with Linux's own stages). Plain data, built from the trace and the World (build.ts); the UI's player, the
 * transcript runner's `--trace` and lessons read it.
 */
import type { DevId, DropReason, NsId, SkbHeaders, TraceKind } from '../../kernel';

/** What the protocol filter offers (DNS is UDP carrying a DNS message). */
export type JourneyProto = 'arp' | 'icmp' | 'tcp' | 'udp' | 'dns' | 'other';

export const JOURNEY_PROTOS: readonly JourneyProto[] = ['arp', 'icmp', 'tcp', 'udp', 'dns', 'other'];

/** A frame crossing a link of the graph: a veth pair or a cable (topology link id), from one end to the other. */
export interface JourneyMove {
  link: string;
  from: DevId;
  to: DevId;
  /** Namespace of the receiving end. */
  toNs: NsId;
}

/**
 * The table row that decided a step, as a lookup key: the player renders the table from the World at that
 * step and marks the row (decide.ts `decisionTable`).
 */
export type Decision =
  /** A FIB lookup: the table consulted and the route found (`ip route` text), or none. */
  | { kind: 'route'; ns: NsId; table: number | null; route: string | null; dst: string }
  /** A neighbour entry changed state (or was created: an ARP request goes out because there was none). */
  | { kind: 'neigh'; ns: NsId; dev: DevId; ip: string; from: string; to: string; lladdr: string | null }
  /** A bridge learned (or refreshed) where a MAC is. */
  | { kind: 'fdb'; ns: NsId; bridge: DevId; mac: string; port: DevId }
  /** A bridge found the destination MAC in its FDB. */
  | { kind: 'fdb-hit'; ns: NsId; bridge: DevId; mac: string; port: DevId }
  /** A bridge flooded: no FDB row decides, every other port gets a copy. */
  | { kind: 'flood'; ns: NsId; bridge: DevId; ports: DevId[] }
  /** An iptables rule (1-based number in `chain`) or the chain policy (rule null) decided. */
  | {
      kind: 'iptables';
      ns: NsId;
      table: string;
      chain: string;
      rule: number | null;
      ruleText: string | null;
      verdict: string;
      /** Packets and bytes later steps of the same line add to this rule's counter (undone for this step). */
      later: { pkts: number; bytes: number };
    }
  /** A NAT mapping of a conntrack entry was applied. */
  | { kind: 'conntrack'; ns: NsId; ctId: number; type: 'SNAT' | 'DNAT'; before: string; after: string }
  /** The packet was dropped. */
  | { kind: 'drop'; ns: NsId; reason: DropReason };

/** An explanation in plain words: an i18n key under `journey.explain` and its parameters. */
export interface Explain {
  key: string;
  params: Record<string, string>;
  /** Parameters whose value is an i18n key, translated before they are put in (a drop reason). */
  refs?: Record<string, string>;
}

export interface JourneyStep {
  /** Index of the event in the line's trace (the step's identity). */
  i: number;
  atUs: number;
  /** Microseconds since the line started. */
  sinceUs: number;
  ns: NsId;
  /** The namespace as the graph titles it: container names, the host name, "LAN gateway", a netns name. */
  where: string;
  devId: DevId | null;
  /** Device name, or null for events that are not on one device. */
  dev: string | null;
  /** The Linux tracepoint (net_dev_xmit, br_fdb_update, fib_table_lookup, nf_hook, kfree_skb, ...). */
  stage: TraceKind;
  /** The packet this step belongs to (the one waiting for ARP, for a route lookup before it exists). */
  packet: number | null;
  proto: JourneyProto | null;
  /** The tcpdump-style one-liner. */
  line: string;
  /** What decided, in the kernel's words: the iptables rule, the NAT mapping, the drop reason; or null. */
  note: string | null;
  move: JourneyMove | null;
  /** Graph elements to highlight: `dev:ID` of the device that acts or decides, `ns:ID` of its namespace. */
  focus: string[];
  decision: Decision | null;
  explain: Explain;
}

/** How a packet's journey ended. */
export type PacketFate =
  | { kind: 'delivered'; where: string }
  | { kind: 'consumed'; where: string }
  | { kind: 'dropped'; where: string; reason: DropReason }
  | { kind: 'in-flight' };

export interface JourneyPacket {
  id: number;
  proto: JourneyProto | null;
  /** The one-liner of its first step that shows the packet itself. */
  label: string;
  /** Indices into `Journey.steps`. */
  steps: number[];
  /** Namespaces it visited, in order. */
  path: NsId[];
  fate: PacketFate;
}

export interface Journey {
  startUs: number;
  steps: JourneyStep[];
  packets: JourneyPacket[];
  /** The headers of each packet at each device event (by trace index), for the detail view. */
  headers: Record<number, SkbHeaders>;
}

/** The player's filters: protocols to show (empty: all) and a namespace (a container's) to follow. */
export interface JourneyFilter {
  protos?: readonly JourneyProto[];
  ns?: NsId | null;
}
