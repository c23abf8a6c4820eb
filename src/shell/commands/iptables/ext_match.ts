/**
 * The match extensions this iptables knows (extensions/libxt_tcp.c, libxt_udp.c, libipt_icmp.c,
 * libxt_addrtype.c, libxt_conntrack.c, libxt_state.c, libxt_comment.c, libxt_mark.c, libxt_multiport.c):
 * their options, how each option fills the match, and the final checks. Printing is in ../../../kernel
 * (save form) and list_ext.ts (`-L` form).
 */
import { ADDR_TYPES, CT_STATES, ICMP_TYPES, TCP_FLAG_NAMES } from '../../../kernel';
import type { NfMatch, NfPortRange, NfPorts } from '../../../kernel';
import { XtError } from './errors';
import type { LongOpt } from '../../getopt';
import { parsePort, strtoui } from './xtables';

export interface MatchCtx {
  /** The -p value as typed (lower-cased), or null. */
  proto: string | null;
  protoInvert: boolean;
  /** Next argv word for options that take two (--tcp-flags); null when there is none. */
  takeExtra(): string | null;
}

export interface MatchExt {
  name: string;
  opts: readonly LongOpt[];
  init(): NfMatch;
  parse(m: NfMatch, opt: string, arg: string | null, invert: boolean, ctx: MatchCtx): void;
  final(m: NfMatch, ctx: MatchCtx, seen: ReadonlySet<string>): void;
}

const opt = (ext: string, name: string, hasArg: 0 | 1 = 1, key = name): LongOpt => ({
  name,
  hasArg,
  val: `${ext}:${key}`,
});

function noInvert(ext: string, name: string, invert: boolean): void {
  if (invert) throw XtError.param(`${ext}: option "--${name}" cannot be inverted.\n`);
}

/** parse_tcp_ports / parse_udp_ports: "p", "a:b", "a:" (to 65535), ":b" (from 0). */
function parsePortRange(text: string, proto: string, invert: boolean): NfPortRange {
  const colon = text.indexOf(':');
  if (colon < 0) {
    const p = parsePort(text, proto);
    return { from: p, to: p, invert };
  }
  const a = text.slice(0, colon);
  const b = text.slice(colon + 1);
  const from = a === '' ? 0 : parsePort(a, proto);
  const to = b === '' ? 65535 : parsePort(b, proto);
  if (from > to) throw XtError.param('invalid portrange (min > max)');
  return { from, to, invert };
}

/**
 * libxt_udp.c uses the guided parser (XTTYPE_PORTRC): numbers wrap at 16 bits, min > max is kept, a
 * repeated option is "can only be used once".
 */
function udpPortRange(text: string, invert: boolean): NfPortRange {
  const one = (w: string, dflt: number): number => {
    if (w === '') return dflt;
    const n = strtoui(w, 0xffffffff);
    if (n !== null) return n & 0xffff;
    try {
      return parsePort(w, 'udp');
    } catch {
      throw XtError.param(`Port "${w}" does not resolve to anything.\n`);
    }
  };
  const [a, b] = text.split(':');
  const from = one(a ?? '', 0);
  return { from, to: b === undefined ? from : one(b, 65535), invert };
}

function tcpUdpParse(m: NfMatch, o: string, arg: string | null, invert: boolean, ctx: MatchCtx): void {
  if (m.kind !== 'tcp' && m.kind !== 'udp') return;
  const v = arg ?? '';
  if (m.kind === 'udp') {
    const key = o === 'sport' ? 'sport' : 'dport';
    if (m[key])
      throw XtError.param(
        `udp: option "--${o === 'sport' ? 'source' : 'destination'}-port" can only be used once.\n`,
      );
    m[key] = udpPortRange(v, invert);
    return;
  }
  if (o === 'sport') {
    if (m.sport) throw XtError.param("Only one `--source-port' allowed");
    m.sport = parsePortRange(v, m.kind, invert);
  } else if (o === 'dport') {
    if (m.dport) throw XtError.param("Only one `--destination-port' allowed");
    m.dport = parsePortRange(v, m.kind, invert);
  } else if (m.kind === 'tcp' && (o === 'tcp-flags' || o === 'syn')) {
    if (m.flags) throw XtError.param("Only one of `--syn' or `--tcp-flags'  allowed");
    if (o === 'syn') {
      m.flags = { mask: 0x17, comp: 0x02, invert };
      return;
    }
    const comp = ctx.takeExtra();
    if (comp === null) throw XtError.param('--tcp-flags requires two args.');
    m.flags = { mask: parseTcpFlags(v), comp: parseTcpFlags(comp), invert };
  }
}

function parseTcpFlags(text: string): number {
  let bits = 0;
  for (const f of text.split(',')) {
    const hit = TCP_FLAG_NAMES.find(([name]) => name === f.toUpperCase());
    if (!hit) throw XtError.param(`Unknown TCP flag \`${f}'`);
    bits |= hit[1];
  }
  return bits;
}

function protoFinal(name: 'tcp' | 'udp', label: string) {
  return (_m: NfMatch, ctx: MatchCtx): void => {
    if (ctx.proto !== name || ctx.protoInvert) throw XtError.param(`${label} match requires '-p ${name}'`);
  };
}

const tcp: MatchExt = {
  name: 'tcp',
  opts: [
    opt('tcp', 'source-port', 1, 'sport'),
    opt('tcp', 'sport', 1, 'sport'),
    opt('tcp', 'destination-port', 1, 'dport'),
    opt('tcp', 'dport', 1, 'dport'),
    opt('tcp', 'syn', 0),
    opt('tcp', 'tcp-flags'),
  ],
  init: () => ({ kind: 'tcp', sport: null, dport: null, flags: null }),
  parse: tcpUdpParse,
  final: protoFinal('tcp', 'TCP'),
};

const udp: MatchExt = {
  name: 'udp',
  opts: [
    opt('udp', 'source-port', 1, 'sport'),
    opt('udp', 'sport', 1, 'sport'),
    opt('udp', 'destination-port', 1, 'dport'),
    opt('udp', 'dport', 1, 'dport'),
  ],
  init: () => ({ kind: 'udp', sport: null, dport: null }),
  parse: tcpUdpParse,
  final: protoFinal('udp', 'UDP'),
};

const icmp: MatchExt = {
  name: 'icmp',
  opts: [opt('icmp', 'icmp-type')],
  init: () => ({ kind: 'icmp', icmpType: null, codeMin: 0, codeMax: 255, invert: false }),
  parse(m, _o, arg, invert) {
    if (m.kind !== 'icmp') return;
    const v = arg ?? '';
    const named = ICMP_TYPES.find((t) => t.name === v || t.aliases.includes(v));
    m.invert = invert;
    if (named) {
      m.icmpType = named.type === 255 ? null : named.type;
      m.codeMin = named.code ?? 0;
      m.codeMax = named.code ?? 255;
      return;
    }
    const [t, c] = v.split('/');
    const type = strtoui(t ?? '', 255);
    if (type === null) throw XtError.param(`Unknown ICMP type \`${v}'`);
    m.icmpType = type;
    if (c !== undefined) {
      const code = strtoui(c, 255);
      if (code === null) throw XtError.param(`Unknown ICMP code \`${v}'`);
      m.codeMin = code;
      m.codeMax = code;
    }
  },
  final() {},
};

function parseTypeList(text: string): string[] {
  const want = text.split(',').map((t) => {
    const u = t.toUpperCase();
    if (!ADDR_TYPES.includes(u)) throw XtError.param(`addrtype: bad type "${t}"`);
    return u;
  });
  return ADDR_TYPES.filter((t) => want.includes(t));
}

const addrtype: MatchExt = {
  name: 'addrtype',
  opts: [
    opt('addrtype', 'src-type'),
    opt('addrtype', 'dst-type'),
    opt('addrtype', 'limit-iface-in', 0),
    opt('addrtype', 'limit-iface-out', 0),
  ],
  init: () => ({
    kind: 'addrtype',
    srcTypes: null,
    srcInvert: false,
    dstTypes: null,
    dstInvert: false,
    limitIfaceIn: false,
    limitIfaceOut: false,
  }),
  parse(m, o, arg, invert) {
    if (m.kind !== 'addrtype') return;
    if (o === 'src-type') {
      m.srcTypes = parseTypeList(arg ?? '');
      m.srcInvert = invert;
    } else if (o === 'dst-type') {
      m.dstTypes = parseTypeList(arg ?? '');
      m.dstInvert = invert;
    } else if (o === 'limit-iface-in') {
      if (m.limitIfaceOut)
        throw XtError.param("addrtype: you can't specify both --limit-iface-in and --limit-iface-out");
      m.limitIfaceIn = true;
    } else if (o === 'limit-iface-out') {
      if (m.limitIfaceIn)
        throw XtError.param("addrtype: you can't specify both --limit-iface-in and --limit-iface-out");
      m.limitIfaceOut = true;
    }
  },
  final(m) {
    if (m.kind === 'addrtype' && m.srcTypes === null && m.dstTypes === null)
      throw XtError.param('addrtype: you must specify --src-type or --dst-type');
  },
};

function parseStates(text: string, what: 'ctstate' | 'state'): string[] {
  const allowed = what === 'ctstate' ? CT_STATES : CT_STATES.filter((s) => s !== 'SNAT' && s !== 'DNAT');
  const want = text.split(',').map((s) => {
    if (!allowed.includes(s)) throw XtError.param(`Bad ${what} "${s}"`);
    return s;
  });
  return allowed.filter((s) => want.includes(s));
}

const conntrack: MatchExt = {
  name: 'conntrack',
  opts: [opt('conntrack', 'ctstate')],
  init: () => ({ kind: 'conntrack', ctstate: [], invert: false }),
  parse(m, _o, arg, invert) {
    if (m.kind !== 'conntrack') return;
    m.ctstate = parseStates(arg ?? '', 'ctstate');
    m.invert = invert;
  },
  final(_m, _c, seen) {
    if (seen.size === 0) throw XtError.param('conntrack: At least one option is required');
  },
};

const state: MatchExt = {
  name: 'state',
  opts: [opt('state', 'state')],
  init: () => ({ kind: 'state', state: [], invert: false }),
  parse(m, _o, arg, invert) {
    if (m.kind !== 'state') return;
    m.state = parseStates(arg ?? '', 'state');
    m.invert = invert;
  },
  final(_m, _c, seen) {
    if (seen.size === 0) throw XtError.param('state: option "--state" must be specified\n');
  },
};

const comment: MatchExt = {
  name: 'comment',
  opts: [opt('comment', 'comment')],
  init: () => ({ kind: 'comment', comment: '' }),
  parse(m, _o, arg, invert) {
    noInvert('comment', 'comment', invert);
    if (m.kind !== 'comment') return;
    if ((arg ?? '').length > 255)
      throw XtError.param('comment: option "--comment" must be less than 256 characters.\n');
    m.comment = arg ?? '';
  },
  final(_m, _c, seen) {
    if (seen.size === 0) throw XtError.param('comment: option "--comment" must be specified\n');
  },
};

/** "value[/mask]" as xtables_parse_mark_mask reads it; the mask defaults to all ones. */
export function parseMarkMask(text: string): { value: number; mask: number } | null {
  const [v, m] = text.split('/');
  const value = strtoui(v ?? '', 0xffffffff);
  if (value === null) return null;
  if (m === undefined) return { value, mask: 0xffffffff };
  const mask = strtoui(m, 0xffffffff);
  return mask === null ? null : { value, mask };
}

const mark: MatchExt = {
  name: 'mark',
  opts: [opt('mark', 'mark')],
  init: () => ({ kind: 'mark', mark: 0, mask: 0xffffffff, invert: false }),
  parse(m, _o, arg, invert) {
    if (m.kind !== 'mark') return;
    const mm = parseMarkMask(arg ?? '');
    if (!mm) throw XtError.param(`mark: bad value for option "--mark", or out of range (0-4294967295).\n`);
    m.mark = mm.value;
    m.mask = mm.mask;
    m.invert = invert;
  },
  final(_m, _c, seen) {
    if (seen.size === 0) throw XtError.param('mark: option "--mark" must be specified\n');
  },
};

const MULTIPORT_PROTOS = ['tcp', 'udp', 'udplite', 'sctp', 'dccp'];

const multiport: MatchExt = {
  name: 'multiport',
  opts: [
    opt('multiport', 'source-ports', 1, 'sports'),
    opt('multiport', 'sports', 1, 'sports'),
    opt('multiport', 'destination-ports', 1, 'dports'),
    opt('multiport', 'dports', 1, 'dports'),
    opt('multiport', 'ports'),
  ],
  init: () => ({ kind: 'multiport', dir: 'any', ports: [], invert: false }),
  parse(m, o, arg, invert, ctx) {
    if (m.kind !== 'multiport') return;
    if (m.ports.length > 0) {
      const names = { sports: 'source-ports', dports: 'destination-ports', ports: 'ports' } as const;
      const prev = m.dir === 'src' ? 'sports' : m.dir === 'dst' ? 'dports' : 'ports';
      throw XtError.param(
        `multiport: option "--${names[o as keyof typeof names]}" cannot be used together with "--${names[prev]}".\n`,
      );
    }
    if (!ctx.proto || !MULTIPORT_PROTOS.includes(ctx.proto) || ctx.protoInvert)
      throw XtError.param("multiport needs `-p tcp', `-p udp', `-p udplite', `-p sctp' or `-p dccp'");
    m.dir = o === 'sports' ? 'src' : o === 'dports' ? 'dst' : 'any';
    m.invert = invert;
    const ports: NfPorts[] = [];
    for (const item of (arg ?? '').split(',')) {
      const [a, b] = item.split(':');
      const from = parsePort(a ?? '', ctx.proto);
      const to = b === undefined ? from : parsePort(b, ctx.proto);
      if (from > to) throw XtError.param('invalid portrange specified');
      ports.push({ from, to });
    }
    if (ports.length > 15) throw XtError.param('too many ports specified');
    m.ports = ports;
  },
  final(_m, _c, seen) {
    if (seen.size === 0) throw XtError.param('multiport: option "--ports" must be specified\n');
  },
};

export const MATCH_EXTS: readonly MatchExt[] = [
  tcp,
  udp,
  icmp,
  addrtype,
  conntrack,
  state,
  comment,
  mark,
  multiport,
];

export function findMatchExt(name: string): MatchExt | null {
  return MATCH_EXTS.find((e) => e.name === name) ?? null;
}
