/**
 * What `iptables -L` prints after the addresses for each match and target: the extensions' ->print()
 * (libxt_tcp.c, libxt_udp.c, libipt_icmp.c, libxt_addrtype.c, libxt_conntrack.c, libxt_state.c,
 * libxt_comment.c, libxt_mark.c, libxt_multiport.c; libipt_REJECT.c, libxt_DNAT.c, libxt_LOG.c,
 * libxt_MARK.c, libxt_CT.c). `numeric` is -n: numbers instead of service and ICMP names.
 */
import { ICMP_TYPES, TCP_FLAG_NAMES, natRangeText } from '../../../kernel';
import type { NfMatch, NfPortRange, NfPorts, NfTarget } from '../../../kernel';
import { portName } from './xtables';

const hex = (n: number): string => `0x${(n >>> 0).toString(16)}`;

function port(p: number, proto: string, numeric: boolean): string {
  return numeric ? String(p) : portName(p, proto);
}

/** print_ports(): " dpt:80", " dpt:!53", " dpts:80:65535"; nothing for the full range. */
function ports(name: string, r: NfPortRange | null, proto: string, numeric: boolean): string {
  if (!r || (r.from === 0 && r.to === 0xffff && !r.invert)) return '';
  const inv = r.invert ? '!' : '';
  if (r.from === r.to) return ` ${name}:${inv}${port(r.from, proto, numeric)}`;
  return ` ${name}s:${inv}${port(r.from, proto, numeric)}:${port(r.to, proto, numeric)}`;
}

function tcpFlagNames(bits: number): string {
  if (bits === 0) return 'NONE';
  return TCP_FLAG_NAMES.filter(([n, b]) => n !== 'ALL' && n !== 'NONE' && (bits & b) !== 0)
    .map(([n]) => n)
    .join(',');
}

const hex2 = (n: number): string => `0x${n.toString(16).toUpperCase().padStart(2, '0')}`;

function icmpType(m: Extract<NfMatch, { kind: 'icmp' }>, numeric: boolean): string {
  const type = m.icmpType ?? 255;
  if (!numeric) {
    const named = ICMP_TYPES.find(
      (t) => t.type === type && (t.code ?? 0) === m.codeMin && (t.code ?? 255) === m.codeMax,
    );
    if (named) return ` ${m.invert ? '!' : ''}${named.name}`;
  }
  let s = `${m.invert ? ' !' : ''}type ${type}`;
  if (m.codeMin === m.codeMax) s += ` code ${m.codeMin}`;
  else if (m.codeMin !== 0 || m.codeMax !== 255) s += ` codes ${m.codeMin}-${m.codeMax}`;
  return s;
}

function multiportList(ps: NfPorts[], proto: string, numeric: boolean): string {
  return ps
    .map((p) =>
      p.from === p.to
        ? port(p.from, proto, numeric)
        : `${port(p.from, proto, numeric)}:${port(p.to, proto, numeric)}`,
    )
    .join(',');
}

export function matchList(m: NfMatch, proto: string, numeric: boolean): string {
  switch (m.kind) {
    case 'tcp':
    case 'udp': {
      let s = ` ${m.kind}${ports('spt', m.sport, m.kind, numeric)}${ports('dpt', m.dport, m.kind, numeric)}`;
      if (m.kind === 'tcp' && m.flags && (m.flags.mask !== 0 || m.flags.invert)) {
        const f = m.flags;
        s += ` flags:${f.invert ? '!' : ''}`;
        s += numeric ? `${hex2(f.mask)}/${hex2(f.comp)}` : `${tcpFlagNames(f.mask)}/${tcpFlagNames(f.comp)}`;
      }
      return s;
    }
    case 'icmp':
      return ` icmp${icmpType(m, numeric)}`;
    case 'addrtype': {
      let s = ' ADDRTYPE match';
      if (m.srcTypes) s += ` src-type ${m.srcInvert ? '!' : ''}${m.srcTypes.join(',')}`;
      if (m.dstTypes) s += ` dst-type ${m.dstInvert ? '!' : ''}${m.dstTypes.join(',')}`;
      if (m.limitIfaceIn) s += ' limit-in';
      if (m.limitIfaceOut) s += ' limit-out';
      return s;
    }
    case 'conntrack':
      return ` ${m.invert ? '! ' : ''}ctstate ${m.ctstate.join(',')}`;
    case 'state':
      return ` ${m.invert ? '! ' : ''}state ${m.state.join(',')}`;
    case 'comment':
      return ` /* ${m.comment} */`;
    case 'mark':
      return ` mark match${m.invert ? ' !' : ''} ${hex(m.mark)}${m.mask === 0xffffffff ? '' : `/${hex(m.mask)}`}`;
    case 'multiport': {
      const word = m.dir === 'src' ? 'sports' : m.dir === 'dst' ? 'dports' : 'ports';
      return ` multiport ${word} ${m.invert ? ' !' : ''}${multiportList(m.ports, proto, numeric)}`;
    }
  }
}

/** The names libxt_LOG.c prints (it accepts only the long forms: error, warning). */
const LOG_LEVEL_NAMES = ['emerg', 'alert', 'crit', 'err', 'warn', 'notice', 'info', 'debug'];

const dashPorts = (p: NfPorts): string => (p.from === p.to ? String(p.from) : `${p.from}-${p.to}`);

/** The word in the target column. */
export function targetName(t: NfTarget): string {
  switch (t.kind) {
    case 'jump':
    case 'goto':
      return t.chain;
    case 'none':
      return '';
    case 'NOTRACK':
      return 'CT';
    default:
      return t.kind;
  }
}

export function targetList(t: NfTarget, numeric: boolean): string {
  switch (t.kind) {
    case 'REJECT':
      return ` reject-with ${t.with}`;
    case 'DNAT':
    case 'SNAT':
      return ` to:${natRangeText(t.to)}${t.random ? ' random' : ''}${t.persistent ? ' persistent' : ''}`;
    case 'MASQUERADE':
      return `${t.toPorts ? ` masq ports: ${dashPorts(t.toPorts)}` : ''}${t.random ? ' random' : ''}`;
    case 'REDIRECT':
      return `${t.toPorts ? ` redir ports ${dashPorts(t.toPorts)}` : ''}${t.random ? ' random' : ''}`;
    case 'LOG': {
      const level = numeric ? ` flags 0 level ${t.level}` : ` level ${LOG_LEVEL_NAMES[t.level] ?? t.level}`;
      return ` LOG${level}${t.prefix ? ` prefix "${t.prefix}"` : ''}`;
    }
    case 'MARK': {
      if (t.mask === 0xffffffff) return ` MARK set ${hex(t.value)}`;
      if (t.value === 0) return ` MARK and ${hex(~t.mask >>> 0)}`;
      if (t.value === t.mask) return ` MARK or ${hex(t.value)}`;
      if (t.mask === 0) return ` MARK xor ${hex(t.value)}`;
      return ` MARK xset ${hex(t.value)}/${hex(t.mask)}`;
    }
    case 'NOTRACK':
      return t.viaCt ? ' CT notrack' : ' NOTRACK';
    default:
      return '';
  }
}
