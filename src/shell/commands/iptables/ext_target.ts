/**
 * The target extensions (extensions/libipt_REJECT.c, libxt_DNAT.c (DNAT, SNAT, MASQUERADE, REDIRECT in
 * 1.8.9), libxt_LOG.c, libxt_MARK.c, libxt_NOTRACK.c, libxt_CT.c): options and final checks. A `-j` word
 * that is none of these and not ACCEPT/DROP/RETURN names a user chain.
 */
import { parseIp4 } from '../../../lib';
import { REJECT_TYPES, type NfNatRange, type NfPorts, type NfTarget } from '../../../kernel';
import { XtError } from './errors';
import type { LongOpt } from '../../getopt';
import { parseMarkMask, type MatchCtx } from './ext_match';
import { parsePort } from './xtables';

export interface TargetExt {
  name: string;
  opts: readonly LongOpt[];
  init(): NfTarget;
  parse(
    t: NfTarget,
    opt: string,
    arg: string | null,
    invert: boolean,
    ctx: MatchCtx,
    seen: ReadonlySet<string>,
  ): void;
  final(t: NfTarget, seen: ReadonlySet<string>): void;
}

const opt = (ext: string, name: string, hasArg: 0 | 1 = 1): LongOpt => ({
  name,
  hasArg,
  val: `${ext}:${name}`,
});

const PORT_PROTOS = ['tcp', 'udp', 'sctp', 'dccp'];

function portOk(ctx: MatchCtx): void {
  if (!ctx.proto || !PORT_PROTOS.includes(ctx.proto) || ctx.protoInvert)
    throw XtError.param('Need TCP, UDP, SCTP or DCCP with port specification');
}

function once(ext: string, name: string, seen: ReadonlySet<string>): void {
  if (seen.has(name)) throw XtError.param(`${ext}: option "--${name}" can only be used once.\n`);
}

/** atoi()-then-service port as libxt_DNAT.c parse_ports reads "p[-q]". */
function natPort(text: string): number {
  const n = /^\d+/.exec(text);
  const v = n ? Number(n[0]) : 0;
  if (v > 0 && v <= 65535) return v;
  try {
    const s = parsePort(text, 'tcp');
    if (s > 0) return s;
  } catch {
    /* fall through to iptables' own message */
  }
  throw XtError.param(`Port \`${text}' not valid`);
}

function natPorts(text: string): NfPorts {
  const dash = text.indexOf('-');
  const from = natPort(dash < 0 ? text : text.slice(0, dash));
  if (dash < 0) return { from, to: from };
  const toText = text.slice(dash + 1);
  const to = natPort(toText);
  if (to < from) throw XtError.param(`Port range \`${toText}' funky`);
  return { from, to };
}

/** "[a[-b]][:p[-q]]" of --to-destination / --to-source. */
function natRange(text: string, ctx: MatchCtx): NfNatRange {
  const r: NfNatRange = { addrFrom: null, addrTo: null, portFrom: null, portTo: null };
  const colon = text.indexOf(':');
  let addrPart = text;
  if (colon >= 0) {
    portOk(ctx);
    if (text.indexOf(':', colon + 1) >= 0) throw XtError.param('Invalid port:port syntax - use dash');
    const p = natPorts(text.slice(colon + 1));
    r.portFrom = p.from;
    r.portTo = p.to;
    if (colon === 0) return r;
    addrPart = text.slice(0, colon);
  }
  const dash = addrPart.indexOf('-');
  const a = parseIp4(dash < 0 ? addrPart : addrPart.slice(0, dash));
  if (a === null) throw XtError.param(`Bad IP address "${dash < 0 ? addrPart : addrPart.slice(0, dash)}"`);
  const b = dash < 0 ? a : parseIp4(addrPart.slice(dash + 1));
  if (b === null) throw XtError.param(`Bad IP address "${addrPart.slice(dash + 1)}"`);
  r.addrFrom = a;
  r.addrTo = b;
  return r;
}

const standard = (kind: 'ACCEPT' | 'DROP' | 'RETURN'): TargetExt => ({
  name: kind,
  opts: [],
  init: () => ({ kind }),
  parse() {},
  final() {},
});

const reject: TargetExt = {
  name: 'REJECT',
  opts: [opt('REJECT', 'reject-with')],
  init: () => ({ kind: 'REJECT', with: 'icmp-port-unreachable' }),
  parse(t, _o, arg) {
    if (t.kind !== 'REJECT') return;
    const hit = REJECT_TYPES.find(([name, alias]) => name === arg || alias === arg);
    if (!hit) throw XtError.param(`unknown reject type "${arg ?? ''}"`);
    t.with = hit[0];
  },
  final() {},
};

function natTarget(kind: 'DNAT' | 'SNAT'): TargetExt {
  const to = kind === 'DNAT' ? 'to-destination' : 'to-source';
  return {
    name: kind,
    opts: [opt(kind, to), opt(kind, 'random', 0), opt(kind, 'persistent', 0)],
    init: () => ({
      kind,
      to: { addrFrom: null, addrTo: null, portFrom: null, portTo: null },
      random: false,
      persistent: false,
    }),
    parse(t, o, arg, _inv, ctx, seen) {
      if (t.kind !== kind) return;
      once(kind, o, seen);
      if (o === to) t.to = natRange(arg ?? '', ctx);
      else if (o === 'random') t.random = true;
      else if (o === 'persistent') t.persistent = true;
    },
    final(_t, seen) {
      if (!seen.has(to)) throw XtError.param(`${kind}: option "--${to}" must be specified\n`);
    },
  };
}

function portsTarget(kind: 'MASQUERADE' | 'REDIRECT'): TargetExt {
  return {
    name: kind,
    opts: [opt(kind, 'to-ports'), opt(kind, 'random', 0)],
    init: () => ({ kind, toPorts: null, random: false }),
    parse(t, o, arg, _inv, ctx, seen) {
      if (t.kind !== kind) return;
      once(kind, o, seen);
      if (o === 'to-ports') {
        portOk(ctx);
        t.toPorts = natPorts(arg ?? '');
      } else t.random = true;
    },
    final() {},
  };
}

const LOG_LEVELS: readonly (readonly [string, number])[] = [
  ['alert', 1],
  ['crit', 2],
  ['debug', 7],
  ['emerg', 0],
  ['error', 3],
  ['info', 6],
  ['notice', 5],
  ['panic', 0],
  ['warning', 4],
];

const log: TargetExt = {
  name: 'LOG',
  opts: [opt('LOG', 'log-level'), opt('LOG', 'log-prefix')],
  init: () => ({ kind: 'LOG', prefix: null, level: 4 }),
  parse(t, o, arg, _inv, _ctx, seen) {
    if (t.kind !== 'LOG') return;
    once('LOG', o, seen);
    const v = arg ?? '';
    if (o === 'log-prefix') {
      if (v.includes('\n')) throw XtError.param('Newlines not allowed in --log-prefix');
      // xt_log_info.prefix is 30 bytes: longer prefixes are cut, silently.
      t.prefix = v.slice(0, 29);
      return;
    }
    const n = /^[0-7]$/.test(v) ? Number(v) : LOG_LEVELS.find(([name]) => name === v)?.[1];
    if (n === undefined) throw XtError.param(`log level "${v}" unknown\n`);
    t.level = n;
  },
  final() {},
};

const mark: TargetExt = {
  name: 'MARK',
  opts: ['set-xmark', 'set-mark', 'and-mark', 'or-mark', 'xor-mark'].map((n) => opt('MARK', n)),
  init: () => ({ kind: 'MARK', value: 0, mask: 0 }),
  parse(t, o, arg, _inv, _ctx, seen) {
    if (t.kind !== 'MARK') return;
    if (seen.size > 0) throw XtError.param("MARK target: Can't specify --set-mark twice");
    const withMask = o === 'set-xmark' || o === 'set-mark';
    const mm = withMask ? parseMarkMask(arg ?? '') : null;
    const plain = withMask ? null : parseMarkMask(arg ?? '');
    if ((withMask && !mm) || (!withMask && (!plain || (arg ?? '').includes('/'))))
      throw XtError.param(`MARK: bad integer value for option "--${o}", or out of range.\n`);
    // libxt_MARK.c mark_tg_parse: every form becomes --set-xmark value/mask.
    if (mm && o === 'set-xmark') Object.assign(t, { value: mm.value, mask: mm.mask });
    else if (mm) Object.assign(t, { value: mm.value, mask: (mm.value | mm.mask) >>> 0 });
    else if (plain && o === 'and-mark') Object.assign(t, { value: 0, mask: ~plain.value >>> 0 });
    else if (plain && o === 'or-mark') Object.assign(t, { value: plain.value, mask: plain.value });
    else if (plain) Object.assign(t, { value: plain.value, mask: 0 });
  },
  final(_t, seen) {
    if (seen.size === 0)
      throw XtError.param('MARK: One of the --set-xmark, --{and,or,xor,set}-mark options is required');
  },
};

const notrack: TargetExt = {
  name: 'NOTRACK',
  opts: [],
  init: () => ({ kind: 'NOTRACK', viaCt: false }),
  parse() {},
  final() {},
};

const ct: TargetExt = {
  name: 'CT',
  opts: [opt('CT', 'notrack', 0)],
  init: () => ({ kind: 'NOTRACK', viaCt: true }),
  parse() {},
  final() {},
};

export const TARGET_EXTS: readonly TargetExt[] = [
  standard('ACCEPT'),
  standard('DROP'),
  standard('RETURN'),
  reject,
  natTarget('DNAT'),
  natTarget('SNAT'),
  portsTarget('MASQUERADE'),
  portsTarget('REDIRECT'),
  log,
  mark,
  notrack,
  ct,
];

export function findTargetExt(name: string): TargetExt | null {
  return TARGET_EXTS.find((e) => e.name === name) ?? null;
}
