/**
 * A rule in iptables-save form ("-A FORWARD -o docker0 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT"),
 * as iptables 1.8.9 prints it for `-S` and `iptables-save` (iptables/nft-ipv4.c save, each extension's
 * ->save). It lives in the kernel because trace events quote the rule that decided a packet's fate; the
 * `iptables` command prints the same text.
 *
 * Canonical order: -s, -d, -i, -o, -p, then the matches in the order they were given, then -j/-g.
 */
import { formatIp4 } from '../../lib';
import type { NfCounters, NfMatch, NfNatRange, NfPortRange, NfPorts, NfRule, NfTarget } from '../types';
import { TCP_FLAG_NAMES, protoName } from './xt_names';

/** xtables_save_string: bare when only [A-Za-z0-9_-], else double-quoted with \ before " \ '. */
export function saveString(value: string): string {
  if (/^[A-Za-z0-9_-]+$/.test(value)) return ` ${value}`;
  return ` "${value.replace(/["\\']/g, (c) => `\\${c}`)}"`;
}

const hex = (n: number): string => `0x${(n >>> 0).toString(16)}`;

function portText(p: NfPortRange | NfPorts): string {
  return p.from === p.to ? String(p.from) : `${p.from}:${p.to}`;
}

function flagNames(bits: number): string {
  if (bits === 0) return 'NONE';
  return TCP_FLAG_NAMES.filter(([n, b]) => n !== 'ALL' && n !== 'NONE' && (bits & b) !== 0)
    .map(([n]) => n)
    .join(',');
}

const inv = (b: boolean): string => (b ? ' !' : '');

function matchSave(m: NfMatch): string {
  switch (m.kind) {
    case 'tcp':
    case 'udp': {
      let s = ` -m ${m.kind}`;
      if (m.sport) s += `${inv(m.sport.invert)} --sport ${portText(m.sport)}`;
      if (m.dport) s += `${inv(m.dport.invert)} --dport ${portText(m.dport)}`;
      if (m.kind === 'tcp' && m.flags)
        s += `${inv(m.flags.invert)} --tcp-flags ${flagNames(m.flags.mask)} ${flagNames(m.flags.comp)}`;
      return s;
    }
    case 'icmp': {
      let type = 'any';
      if (m.icmpType !== null)
        type = m.codeMin === 0 && m.codeMax === 255 ? String(m.icmpType) : `${m.icmpType}/${m.codeMin}`;
      return ` -m icmp${inv(m.invert)} --icmp-type ${type}`;
    }
    case 'addrtype': {
      let s = ' -m addrtype';
      if (m.srcTypes) s += `${inv(m.srcInvert)} --src-type ${m.srcTypes.join(',')}`;
      if (m.dstTypes) s += `${inv(m.dstInvert)} --dst-type ${m.dstTypes.join(',')}`;
      if (m.limitIfaceIn) s += ' --limit-iface-in';
      if (m.limitIfaceOut) s += ' --limit-iface-out';
      return s;
    }
    case 'conntrack':
      return ` -m conntrack${inv(m.invert)} --ctstate ${m.ctstate.join(',')}`;
    case 'state':
      return ` -m state${inv(m.invert)} --state ${m.state.join(',')}`;
    case 'comment':
      return ` -m comment --comment${saveString(m.comment)}`;
    case 'mark':
      return ` -m mark${inv(m.invert)} --mark ${hex(m.mark)}${m.mask === 0xffffffff ? '' : `/${hex(m.mask)}`}`;
    case 'multiport': {
      const opt = m.dir === 'src' ? '--sports' : m.dir === 'dst' ? '--dports' : '--ports';
      return ` -m multiport${inv(m.invert)} ${opt} ${m.ports.map(portText).join(',')}`;
    }
  }
}

/** The `--to-destination`/`--to-source` value: "a[-b][:p[-q]]". */
export function natRangeText(r: NfNatRange): string {
  let s = '';
  if (r.addrFrom !== null) {
    s += formatIp4(r.addrFrom);
    if (r.addrTo !== null && r.addrTo !== r.addrFrom) s += `-${formatIp4(r.addrTo)}`;
  }
  if (r.portFrom !== null) {
    s += `:${r.portFrom}`;
    if (r.portTo !== null && r.portTo !== r.portFrom) s += `-${r.portTo}`;
  }
  return s;
}

const portsDash = (p: NfPorts): string => (p.from === p.to ? String(p.from) : `${p.from}-${p.to}`);

function targetSave(t: NfTarget): string {
  switch (t.kind) {
    case 'ACCEPT':
    case 'DROP':
    case 'RETURN':
      return ` -j ${t.kind}`;
    case 'jump':
      return ` -j ${t.chain}`;
    case 'goto':
      return ` -g ${t.chain}`;
    case 'REJECT':
      return ` -j REJECT --reject-with ${t.with}`;
    case 'DNAT':
    case 'SNAT':
      return (
        ` -j ${t.kind} --to-${t.kind === 'DNAT' ? 'destination' : 'source'} ${natRangeText(t.to)}` +
        (t.random ? ' --random' : '') +
        (t.persistent ? ' --persistent' : '')
      );
    case 'MASQUERADE':
    case 'REDIRECT':
      return ` -j ${t.kind}${t.toPorts ? ` --to-ports ${portsDash(t.toPorts)}` : ''}${t.random ? ' --random' : ''}`;
    case 'LOG':
      return ` -j LOG${t.prefix !== null ? ` --log-prefix${saveString(t.prefix)}` : ''}${t.level !== 4 ? ` --log-level ${t.level}` : ''}`;
    case 'MARK':
      return ` -j MARK --set-xmark ${hex(t.value)}/${hex(t.mask)}`;
    case 'NOTRACK':
      return t.viaCt ? ' -j CT --notrack' : ' -j NOTRACK';
    case 'none':
      return '';
  }
}

/**
 * The rule's text after "-A CHAIN" (starts with a space, or is empty for a bare counting rule). With
 * `counters` (`iptables -S -v`), " -c PKTS BYTES" goes between the matches and the target.
 */
export function ruleSaveBody(r: Omit<NfRule, 'counters'>, counters: NfCounters | null = null): string {
  let s = '';
  if (r.src) s += `${inv(r.src.invert)} -s ${formatIp4(r.src.addr)}/${r.src.prefixLen}`;
  if (r.dst) s += `${inv(r.dst.invert)} -d ${formatIp4(r.dst.addr)}/${r.dst.prefixLen}`;
  if (r.inIface) s += `${inv(r.inIface.invert)} -i ${r.inIface.name}`;
  if (r.outIface) s += `${inv(r.outIface.invert)} -o ${r.outIface.name}`;
  if (r.proto !== null) s += `${inv(r.protoInvert)} -p ${protoName(r.proto)}`;
  if (r.frag !== undefined) s += `${inv(!r.frag)} -f`;
  for (const m of r.matches) s += matchSave(m);
  if (counters) s += ` -c ${counters.pkts} ${counters.bytes}`;
  return s + targetSave(r.target);
}

/** "-A CHAIN ..." exactly as `iptables -S` prints the rule. */
export function ruleSaveText(chain: string, r: Omit<NfRule, 'counters'>): string {
  return `-A ${chain}${ruleSaveBody(r)}`;
}
