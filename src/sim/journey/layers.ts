/**
 * The packet detail view: a frame's headers layer by layer (Ethernet, ARP or IPv4, ICMP/TCP/UDP, a DNS
 * question and answer) as field/value rows, and which fields NAT changed between two copies of a packet.
 * Field and layer ids are i18n keys (`journey.layer.*`, `journey.field.*`); values are protocol text.
 */
import { formatIp4 } from '../../lib';
import type { SkbHeaders } from '../../kernel';
import { ETHERTYPE_NAMES, ICMP_TYPE_NAMES, IP_PROTO_NAMES } from './names';

export type LayerId = 'eth' | 'arp' | 'ip' | 'icmp' | 'tcp' | 'udp' | 'dns' | 'data';

export interface LayerField {
  id: string;
  value: string;
}

export interface Layer {
  id: LayerId;
  fields: LayerField[];
}

const hex = (n: number, w: number) => `0x${n.toString(16).padStart(w, '0')}`;
const named = (n: number, names: Readonly<Record<number, string>>) =>
  names[n] !== undefined ? `${n} (${names[n]})` : String(n);

export function packetLayers(h: SkbHeaders): Layer[] {
  const layers: Layer[] = [];
  if (h.eth) {
    const et = h.eth.ethertype;
    layers.push({
      id: 'eth',
      fields: [
        { id: 'src', value: h.eth.src },
        { id: 'dst', value: h.eth.dst },
        { id: 'ethertype', value: `${hex(et, 4)} (${ETHERTYPE_NAMES[et] ?? 'unknown'})` },
      ],
    });
  }
  if (h.arp) {
    const a = h.arp;
    layers.push({
      id: 'arp',
      fields: [
        { id: 'op', value: a.op === 1 ? '1 (request)' : '2 (reply)' },
        { id: 'senderMac', value: a.senderMac },
        { id: 'senderIp', value: formatIp4(a.senderIp) },
        { id: 'targetMac', value: a.targetMac },
        { id: 'targetIp', value: formatIp4(a.targetIp) },
      ],
    });
    return layers;
  }
  if (!h.ip) return layers;
  const ip = h.ip;
  layers.push({
    id: 'ip',
    fields: [
      { id: 'src', value: formatIp4(ip.src) },
      { id: 'dst', value: formatIp4(ip.dst) },
      { id: 'ttl', value: String(ip.ttl) },
      { id: 'proto', value: named(ip.proto, IP_PROTO_NAMES) },
      { id: 'id', value: hex(ip.id, 4) },
      { id: 'len', value: String(ip.len) },
      { id: 'tos', value: hex(ip.tos, 2) },
    ],
  });
  const l4 = h.l4;
  if (l4 && 'type' in l4 && l4.proto === 1) {
    const fields: LayerField[] = [
      { id: 'type', value: named(l4.type, ICMP_TYPE_NAMES) },
      { id: 'code', value: String(l4.code) },
    ];
    if (l4.type === 0 || l4.type === 8) {
      fields.push({ id: 'echoId', value: String(l4.id) }, { id: 'seq', value: String(l4.seq) });
    } else if (l4.inner) {
      const q = l4.innerL4;
      const ports = q && 'sport' in q ? ` ${q.sport} > ${q.dport}` : '';
      fields.push({
        id: 'quoted',
        value: `${formatIp4(l4.inner.src)} > ${formatIp4(l4.inner.dst)} ${IP_PROTO_NAMES[l4.inner.proto] ?? l4.inner.proto}${ports}`,
      });
    }
    layers.push({ id: 'icmp', fields });
  } else if (l4 && 'flags' in l4) {
    layers.push({
      id: 'tcp',
      fields: [
        { id: 'sport', value: String(l4.sport) },
        { id: 'dport', value: String(l4.dport) },
        { id: 'flags', value: `[${l4.flags}]` },
        { id: 'seq', value: String(l4.seq) },
        { id: 'ack', value: String(l4.ack) },
      ],
    });
  } else if (l4 && 'sport' in l4) {
    layers.push({
      id: 'udp',
      fields: [
        { id: 'sport', value: String(l4.sport) },
        { id: 'dport', value: String(l4.dport) },
      ],
    });
  }
  const p = h.payload;
  if (p.kind === 'dns') {
    const fields: LayerField[] = [
      { id: 'qid', value: String(p.id) },
      { id: 'question', value: `${p.qname} ${p.qtype}` },
    ];
    if (p.answers !== null) {
      fields.push({
        id: 'rcode',
        value: p.rcode === 0 ? 'NOERROR' : p.rcode === 3 ? 'NXDOMAIN' : String(p.rcode),
      });
      fields.push({ id: 'answers', value: p.answers.length > 0 ? p.answers.join(', ') : '-' });
    }
    layers.push({ id: 'dns', fields });
  } else if (p.kind === 'text') {
    const first = p.text.split('\r\n')[0] ?? '';
    layers.push({
      id: 'data',
      fields: [
        { id: 'size', value: String(p.text.length) },
        { id: 'text', value: first.length > 60 ? `${first.slice(0, 60)}…` : first },
      ],
    });
  } else if (p.kind === 'bytes' && p.size > 0) {
    layers.push({ id: 'data', fields: [{ id: 'size', value: String(p.size) }] });
  }
  return layers;
}

/** `layer.field` ids whose values differ between two copies of a packet (what NAT rewrote). */
export function changedFields(a: readonly Layer[], b: readonly Layer[]): Set<string> {
  const out = new Set<string>();
  const index = (ls: readonly Layer[]) =>
    new Map(ls.flatMap((l) => l.fields.map((f) => [`${l.id}.${f.id}`, f.value] as const)));
  const ia = index(a);
  const ib = index(b);
  for (const [k, v] of ib) if (ia.get(k) !== v) out.add(k);
  return out;
}
