/**
 * A one-line summary of a netfilter rule in `iptables -S` word order (-A CHAIN, addresses, interfaces,
 * protocol, matches, target), for "what changed" sentences and the inspector's rule lists. It is a summary for
 * people, not command output: the terminal's `iptables -S` / `iptables-save` print the exact text.
 */
import { formatIp4 } from '../lib';
import type { NfMatch, NfPortRange, NfRule, NfTarget } from '../kernel';

const PROTO: Record<number, string> = { 1: 'icmp', 6: 'tcp', 17: 'udp' };

function ports(p: NfPortRange): string {
  return `${p.invert ? '! ' : ''}${p.from === p.to ? p.from : `${p.from}:${p.to}`}`;
}

function matchText(m: NfMatch): string {
  switch (m.kind) {
    case 'tcp':
    case 'udp':
      return [
        `-m ${m.kind}`,
        m.sport ? `--sport ${ports(m.sport)}` : '',
        m.dport ? `--dport ${ports(m.dport)}` : '',
      ]
        .filter(Boolean)
        .join(' ');
    case 'icmp':
      return `-m icmp ${m.invert ? '! ' : ''}--icmp-type ${m.icmpType ?? 'any'}`;
    case 'addrtype':
      return [
        '-m addrtype',
        m.srcTypes ? `${m.srcInvert ? '! ' : ''}--src-type ${m.srcTypes.join(',')}` : '',
        m.dstTypes ? `${m.dstInvert ? '! ' : ''}--dst-type ${m.dstTypes.join(',')}` : '',
      ]
        .filter(Boolean)
        .join(' ');
    case 'conntrack':
      return `-m conntrack ${m.invert ? '! ' : ''}--ctstate ${m.ctstate.join(',')}`;
    case 'state':
      return `-m state ${m.invert ? '! ' : ''}--state ${m.state.join(',')}`;
    case 'comment':
      return `-m comment --comment ${JSON.stringify(m.comment)}`;
    case 'mark':
      return `-m mark ${m.invert ? '! ' : ''}--mark 0x${m.mark.toString(16)}`;
    case 'multiport':
      return `-m multiport --${m.dir === 'src' ? 's' : m.dir === 'dst' ? 'd' : ''}ports ${m.ports.map((p) => (p.from === p.to ? p.from : `${p.from}:${p.to}`)).join(',')}`;
  }
}

function nat(r: {
  addrFrom: number | null;
  addrTo: number | null;
  portFrom: number | null;
  portTo: number | null;
}): string {
  let s = r.addrFrom !== null ? formatIp4(r.addrFrom) : '';
  if (r.addrTo !== null && r.addrTo !== r.addrFrom) s += `-${formatIp4(r.addrTo)}`;
  if (r.portFrom !== null)
    s += `:${r.portFrom}${r.portTo !== null && r.portTo !== r.portFrom ? `-${r.portTo}` : ''}`;
  return s;
}

function targetText(t: NfTarget): string {
  switch (t.kind) {
    case 'ACCEPT':
    case 'DROP':
    case 'RETURN':
    case 'NOTRACK':
      return `-j ${t.kind}`;
    case 'jump':
      return `-j ${t.chain}`;
    case 'goto':
      return `-g ${t.chain}`;
    case 'REJECT':
      return `-j REJECT --reject-with ${t.with}`;
    case 'MASQUERADE':
      return `-j MASQUERADE${t.toPorts ? ` --to-ports ${t.toPorts.from}` : ''}`;
    case 'SNAT':
      return `-j SNAT --to-source ${nat(t.to)}`;
    case 'DNAT':
      return `-j DNAT --to-destination ${nat(t.to)}`;
    case 'REDIRECT':
      return `-j REDIRECT${t.toPorts ? ` --to-ports ${t.toPorts.from}` : ''}`;
    case 'LOG':
      return `-j LOG${t.prefix !== null ? ` --log-prefix ${JSON.stringify(t.prefix)}` : ''}`;
    case 'MARK':
      return `-j MARK --set-xmark 0x${t.value.toString(16)}/0x${t.mask.toString(16)}`;
    case 'none':
      return '';
  }
}

export function nfRuleText(chain: string, r: NfRule): string {
  const w: string[] = [`-A ${chain}`];
  if (r.src) w.push(`${r.src.invert ? '! ' : ''}-s ${formatIp4(r.src.addr)}/${r.src.prefixLen}`);
  if (r.dst) w.push(`${r.dst.invert ? '! ' : ''}-d ${formatIp4(r.dst.addr)}/${r.dst.prefixLen}`);
  if (r.inIface) w.push(`${r.inIface.invert ? '! ' : ''}-i ${r.inIface.name}`);
  if (r.outIface) w.push(`${r.outIface.invert ? '! ' : ''}-o ${r.outIface.name}`);
  if (r.proto !== null) w.push(`${r.protoInvert ? '! ' : ''}-p ${PROTO[r.proto] ?? r.proto}`);
  for (const m of r.matches) w.push(matchText(m));
  const t = targetText(r.target);
  if (t) w.push(t);
  return w.join(' ');
}
