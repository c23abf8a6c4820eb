/**
 * Trace -> journey: every trace event of a line becomes a step with its place (namespace, device), the link a
 * frame crosses, the row that decided it and an explanation; steps are grouped per packet. Pure.
 *
 * A route lookup for a packet that does not exist yet (ip_route_output comes before the skb is allocated)
 * belongs to the packet the same namespace handles next at that instant; a neighbour entry's change belongs
 * to the packet waiting for it (the trace gives that id).
 */
import type { SkbHeaders, TraceEvent } from '../../kernel';
import type { World } from '../world';
import { decisionOf } from './decide';
import { explainEvent } from './explain';
import { places, type Places } from './places';
import type { Journey, JourneyMove, JourneyPacket, JourneyProto, JourneyStep, PacketFate } from './types';
import { xaGet } from '../../kernel';

export interface JourneyOptions {
  /** Keep link state changes (carrier up/down of `docker run`): they are not packets, so off by default. */
  links?: boolean;
}

const NAT_VERDICTS = new Set(['DNAT', 'SNAT', 'MASQUERADE', 'REDIRECT']);

export function protoOfHeaders(h: SkbHeaders): JourneyProto {
  if (h.arp) return 'arp';
  if (!h.ip) return 'other';
  switch (h.ip.proto) {
    case 1:
      return 'icmp';
    case 6:
      return 'tcp';
    case 17: {
      const l4 = h.l4;
      const dns = h.payload.kind === 'dns' || (l4 && 'sport' in l4 && (l4.sport === 53 || l4.dport === 53));
      return dns ? 'dns' : 'udp';
    }
    default:
      return 'other';
  }
}

/** For packets no device saw (dropped before a driver): the protocol from the one-liner. */
function protoOfSummary(s: string): JourneyProto | null {
  if (/\bARP, /.test(s)) return 'arp';
  if (/: ICMP /.test(s)) return 'icmp';
  if (/: Flags \[/.test(s)) return 'tcp';
  if (/\.53: |\.53 > /.test(s)) return 'dns';
  if (/: UDP, /.test(s)) return 'udp';
  return /^IP /.test(s) ? 'other' : null;
}

function moveOf(e: TraceEvent, P: Places): JourneyMove | null {
  if (e.kind !== 'net_dev_xmit') return null;
  const d = P.dev(e.dev);
  if (!d?.peer || (d.kind !== 'veth' && d.kind !== 'ether')) return null;
  const link = P.linkOf(e.dev);
  const peer = P.dev(d.peer);
  return link && peer ? { link, from: e.dev, to: peer.id, toNs: peer.ns } : null;
}

function focusOf(e: TraceEvent): string[] {
  const f = [`ns:${e.ns}`];
  const dev = (d: string | null | undefined) => {
    if (d) f.push(`dev:${d}`);
  };
  switch (e.kind) {
    case 'br_fdb_update':
      dev(e.bridge);
      dev(e.port);
      break;
    case 'br_forward':
      dev(e.bridge);
      dev(e.to);
      break;
    case 'br_flood':
      dev(e.bridge);
      e.to.forEach(dev);
      break;
    case 'br_local':
      dev(e.bridge);
      break;
    case 'ip_forward':
      dev(e.dev);
      dev(e.outDev);
      break;
    case 'nf_hook':
      dev(e.inDev);
      dev(e.outDev);
      break;
    case 'nat':
    case 'icmp_send':
    case 'sock_deliver':
    case 'budget_exhausted':
      break;
    default:
      dev(e.dev);
  }
  return f;
}

function noteOf(e: TraceEvent): string | null {
  switch (e.kind) {
    case 'nf_hook':
      return `${e.table} ${e.hook}: ${e.ruleText ?? e.verdict}`;
    case 'nat':
      return `${e.type} ${e.before} -> ${e.after} (conntrack #${e.ctId})`;
    case 'kfree_skb':
      return `${e.reason}: ${e.detail}`;
    default:
      return null;
  }
}

function ipLen(h: SkbHeaders | undefined): number {
  return h?.ip ? h.ip.len : 0;
}

export function buildJourney(
  trace: readonly TraceEvent[],
  after: World,
  before: World | null = null,
  opts: JourneyOptions = {},
): Journey {
  const P = places(after, before);
  const startUs = (before ?? after).clock.nowUs;
  const n = trace.length;

  // Which packet each event belongs to (see the header comment).
  const packetOf: (number | null)[] = new Array<number | null>(n).fill(null);
  const nextByNs = new Map<string, { pkt: number; atUs: number }>();
  for (let i = n - 1; i >= 0; i--) {
    const e = trace[i] as TraceEvent;
    if (e.kind === 'link_change') continue;
    if (e.pkt !== null) {
      packetOf[i] = e.pkt;
      nextByNs.set(e.ns, { pkt: e.pkt, atUs: e.atUs });
    } else {
      const next = nextByNs.get(e.ns);
      if (next && next.atUs === e.atUs) packetOf[i] = next.pkt;
    }
  }

  // Headers: at each device event, and the latest known for every event of a packet.
  const headers: Record<number, SkbHeaders> = {};
  const firstSkb = new Map<number, SkbHeaders>();
  const skbAt: (SkbHeaders | undefined)[] = new Array<SkbHeaders | undefined>(n);
  const lastSkb = new Map<number, SkbHeaders>();
  for (let i = 0; i < n; i++) {
    const e = trace[i] as TraceEvent;
    const p = packetOf[i] ?? null;
    if (e.kind === 'net_dev_xmit' || e.kind === 'netif_receive_skb') {
      headers[i] = e.skb;
      if (e.pkt !== null) {
        lastSkb.set(e.pkt, e.skb);
        if (!firstSkb.has(e.pkt)) firstSkb.set(e.pkt, e.skb);
      }
    }
    if (p !== null) skbAt[i] = lastSkb.get(p);
  }
  // A packet's headers before its first device event are those it is first seen with.
  for (let i = 0; i < n; i++) {
    const p = packetOf[i];
    if (p !== null && p !== undefined && !skbAt[i]) skbAt[i] = firstSkb.get(p);
  }

  // iptables counters: what the rest of the line adds to the deciding rule after each hit.
  const later: { pkts: number; bytes: number }[] = new Array<{ pkts: number; bytes: number }>(n);
  const acc = new Map<string, { pkts: number; bytes: number }>();
  for (let i = n - 1; i >= 0; i--) {
    const e = trace[i] as TraceEvent;
    if (e.kind !== 'nf_hook') continue;
    const key = `${e.ns}|${e.table}|${e.chain}|${e.rule ?? 'policy'}`;
    const a = acc.get(key) ?? { pkts: 0, bytes: 0 };
    later[i] = { ...a };
    acc.set(key, { pkts: a.pkts + 1, bytes: a.bytes + ipLen(skbAt[i]) });
  }

  // A packet's protocol: from its headers, or (never seen on a device) from the first one-liner showing it.
  const protoOfPacket = new Map<number, JourneyProto | null>();
  for (const [p, h] of firstSkb) protoOfPacket.set(p, protoOfHeaders(h));
  for (let i = 0; i < n; i++) {
    const p = packetOf[i];
    if (p === null || p === undefined || protoOfPacket.get(p)) continue;
    protoOfPacket.set(p, protoOfSummary((trace[i] as TraceEvent).summary));
  }
  const proto = (p: number | null, summary: string): JourneyProto | null =>
    p === null ? protoOfSummary(summary) : (protoOfPacket.get(p) ?? null);

  const steps: JourneyStep[] = [];
  const natRule = new Map<number, string>();
  for (let i = 0; i < n; i++) {
    const e = trace[i] as TraceEvent;
    if (e.kind === 'link_change' && !opts.links) continue;
    const p = packetOf[i] ?? null;
    if (e.kind === 'nf_hook' && p !== null && NAT_VERDICTS.has(e.verdict)) natRule.set(p, e.ns);
    const ct =
      e.kind === 'nat'
        ? (xaGet(after.kernel.netns, e.ns)?.conntrack.find((c) => c.id === e.ctId) ??
          (before ? xaGet(before.kernel.netns, e.ns) : undefined)?.conntrack.find((c) => c.id === e.ctId) ??
          null)
        : null;
    const natRuleBefore = e.kind === 'nat' && p !== null && natRule.get(p) === e.ns;
    const devId = 'bridge' in e ? e.bridge : 'dev' in e && typeof e.dev === 'string' ? e.dev : null;
    steps.push({
      i,
      atUs: e.atUs,
      sinceUs: e.atUs - startUs,
      ns: e.ns,
      where: P.where(e.ns),
      devId,
      dev: P.devName(devId),
      stage: e.kind,
      packet: p,
      proto: proto(p, e.summary),
      line: e.summary,
      note: noteOf(e),
      move: moveOf(e, P),
      focus: focusOf(e),
      decision: decisionOf(e, later[i] ?? { pkts: 0, bytes: 0 }),
      explain: explainEvent(e, { places: P, natRuleBefore, ct, skb: skbAt[i] ?? null }),
    });
    if ((e.kind === 'net_dev_xmit' || e.kind === 'netif_receive_skb') && p !== null) natRule.delete(p);
  }
  return { startUs, steps, packets: groupPackets(steps, P), headers };
}

function groupPackets(steps: readonly JourneyStep[], P: Places): JourneyPacket[] {
  const byId = new Map<number, JourneyPacket>();
  const order: JourneyPacket[] = [];
  steps.forEach((s, idx) => {
    if (s.packet === null) return;
    let g = byId.get(s.packet);
    if (!g) {
      g = { id: s.packet, proto: s.proto, label: '', steps: [], path: [], fate: { kind: 'in-flight' } };
      byId.set(s.packet, g);
      order.push(g);
    }
    g.steps.push(idx);
    if (g.path[g.path.length - 1] !== s.ns) g.path.push(s.ns);
    if (!g.label && (s.stage === 'net_dev_xmit' || s.stage === 'netif_receive_skb')) g.label = s.line;
  });
  for (const g of order) {
    if (!g.label) g.label = steps[g.steps[0] as number]?.line ?? '';
    g.fate = fateOf(
      g.steps.map((i) => steps[i] as JourneyStep),
      P,
    );
  }
  return order;
}

function fateOf(steps: readonly JourneyStep[], P: Places): PacketFate {
  const find = (stage: JourneyStep['stage']) => steps.find((s) => s.stage === stage);
  const sock = find('sock_deliver');
  if (sock) return { kind: 'delivered', where: P.where(sock.ns) };
  const consumed = find('consume_skb');
  if (consumed) return { kind: 'consumed', where: P.where(consumed.ns) };
  const drop = find('kfree_skb');
  if (drop?.decision?.kind === 'drop')
    return { kind: 'dropped', where: P.where(drop.ns), reason: drop.decision.reason };
  return { kind: 'in-flight' };
}
