/**
 * iptables' command line (iptables/xshared.c do_parse, 1.8.9): one command, its chain and optional rule
 * number, rule-spec options (`!` is a word of its own before the option it negates), extensions merged in by
 * -m/-j and implicitly by -p on the first option only the protocol's match knows. Pure: the result is
 * checked against the kernel's tables by run.ts.
 */
import type { NfAddrMatch, NfMatch, NfRuleSpec, NfTarget } from '../../../kernel';
import { protoName } from '../../../kernel';
import { XtError } from './errors';
import { findMatchExt, type MatchCtx, type MatchExt } from './ext_match';
import { findTargetExt, type TargetExt } from './ext_target';
import { Getopt, type LongOpt } from '../../getopt';
import {
  CMD,
  CMD_CHARS,
  CMD_V_OPT,
  INVERTIBLE,
  LONG_OPTS,
  OPT,
  OPT_CHARS,
  SHORT_SPEC,
  legalElsewhere,
} from './options';
import { parseAddrList, parseInterface, parseProtocol, strtoui } from './xtables';

export interface XtParsed {
  command: number;
  /** The -t word (checked against the tables by run.ts: VERSION_PROBLEM when unknown). */
  table: string;
  chain: string | null;
  rulenum: number | null;
  newName: string | null;
  policy: string | null;
  /** One rule per source x destination address (comma lists). */
  rules: NfRuleSpec[];
  /** A -j/-g word that is neither a built-in target nor an extension: a user chain that must exist. */
  jumpChain: string | null;
  verbose: boolean;
  numeric: boolean;
  exact: boolean;
  lineNumbers: boolean;
  help: boolean;
  version: boolean;
  /** -c PKTS BYTES: the new rule's initial counters. */
  counters: { pkts: number; bytes: number };
}

interface LoadedMatch {
  ext: MatchExt;
  m: NfMatch;
  seen: Set<string>;
}

function parseRulenum(s: string): number {
  const n = strtoui(s, 0x7fffffff, 1);
  if (n === null) throw XtError.param(`Invalid rule number \`${s}'`);
  return n;
}

/**
 * What extensions see of the parse so far (-p and its `!`, the next word); the parser keeps -p here too. A
 * class, not an object literal of getters and a closure made for every command line.
 */
class ParseCtx implements MatchCtx {
  proto: string | null = null;
  protoInvert = false;
  constructor(
    private readonly g: Getopt,
    private readonly argv: readonly string[],
  ) {}
  takeExtra(): string | null {
    return this.g.optind < this.argv.length ? this.g.take() : null;
  }
}

export function parseIptables(argv: readonly string[]): XtParsed {
  const g = new Getopt(argv, SHORT_SPEC);
  const p: XtParsed = {
    command: 0,
    table: 'filter',
    chain: null,
    rulenum: null,
    newName: null,
    policy: null,
    rules: [],
    jumpChain: null,
    verbose: false,
    numeric: false,
    exact: false,
    lineNumbers: false,
    help: false,
    version: false,
    counters: { pkts: 0, bytes: 0 },
  };
  let options = 0;
  let invert = false;
  let invflags = 0;
  let protoUsed = false;
  let srcText: string | null = null;
  let dstText: string | null = null;
  let inIface: string | null = null;
  let outIface: string | null = null;
  let jumpto: string | null = null;
  let isGoto = false;
  let target: { ext: TargetExt; t: NfTarget; seen: Set<string> } | null = null;
  const matches: LoadedMatch[] = [];

  const ctx = new ParseCtx(g, argv);

  const addCommand = (bit: number, others: number): void => {
    if (invert) throw XtError.param("unexpected '!' flag");
    const clash = p.command & ~others;
    if (clash) {
      const ci = (b: number): string => CMD_CHARS[Math.log2(b & -b)] ?? '?';
      throw XtError.param(`Cannot use -${ci(bit)} with -${ci(clash)}`);
    }
    p.command |= bit;
  };
  const setOption = (bit: number): void => {
    if (options & (1 << bit)) throw XtError.param(`multiple -${OPT_CHARS[bit]} flags not allowed`);
    options |= 1 << bit;
    if (invert) {
      if (!INVERTIBLE[bit]) throw XtError.param(`cannot have ! before -${OPT_CHARS[bit]}`);
      invflags |= 1 << bit;
      ctx.protoInvert = (invflags & (1 << OPT.PROTOCOL)) !== 0;
    }
  };
  // The long options known so far: the base set plus the loaded extensions'. Made again only when an
  // extension was loaded since (getopt asks before every option).
  let known: { matches: number; target: TargetExt | null; opts: LongOpt[] } | null = null;
  const longOpts = (): LongOpt[] => {
    const t = target?.ext ?? null;
    if (known?.matches !== matches.length || known.target !== t)
      known = {
        matches: matches.length,
        target: t,
        opts: [...LONG_OPTS, ...matches.flatMap((l) => l.ext.opts), ...(t?.opts ?? [])],
      };
    return known.opts;
  };
  const optionalChain = (arg: string | null): void => {
    if (arg !== null) p.chain = arg;
    else if (g.hasArg()) p.chain = g.take();
  };

  for (;;) {
    const before = g.optind;
    const r = g.next(longOpts());
    if (r.kind === 'end') break;
    if (r.kind === 'missing') throw XtError.param(`option "${r.text}" requires an argument`);
    if (r.kind === 'nonopt') {
      if (r.arg === '!') {
        if (invert) throw XtError.param('multiple consecutive ! not allowed');
        invert = true;
        continue;
      }
      throw XtError.bare(`Bad argument \`${r.arg}'`);
    }
    if (r.kind === 'unknown') {
      // command_default(): an option only the protocol's match knows loads that match, then is re-read.
      const name = ctx.proto !== null ? protoName(parseProtocol(ctx.proto)) : null;
      const ext = name !== null && !protoUsed ? findMatchExt(name) : null;
      if (ext && r.text.startsWith('--')) {
        protoUsed = true;
        matches.push({ ext, m: ext.init(), seen: new Set() });
        g.optind = before;
        continue;
      }
      throw XtError.param(
        `unknown option "${r.text.startsWith('--') ? (argv[g.optind - 1] ?? r.text) : r.text}"`,
      );
    }
    const { val, arg } = r;
    const a = arg ?? '';
    switch (val) {
      case 'A':
        addCommand(CMD.APPEND, 0);
        p.chain = a;
        break;
      case 'C':
        addCommand(CMD.CHECK, 0);
        p.chain = a;
        break;
      case 'D':
        addCommand(CMD.DELETE, 0);
        p.chain = a;
        if (g.hasArg()) {
          p.rulenum = parseRulenum(g.take());
          p.command = CMD.DELETE_NUM;
        }
        break;
      case 'R':
        addCommand(CMD.REPLACE, 0);
        p.chain = a;
        if (!g.hasArg()) throw XtError.param('-R requires a rule number');
        p.rulenum = parseRulenum(g.take());
        break;
      case 'I':
        addCommand(CMD.INSERT, 0);
        p.chain = a;
        p.rulenum = g.hasArg() ? parseRulenum(g.take()) : 1;
        break;
      case 'L':
      case 'S':
        addCommand(val === 'L' ? CMD.LIST : CMD.LIST_RULES, CMD.ZERO | CMD.ZERO_NUM);
        optionalChain(arg);
        if (g.hasArg()) p.rulenum = parseRulenum(g.take());
        break;
      case 'F':
        addCommand(CMD.FLUSH, 0);
        optionalChain(arg);
        break;
      case 'Z':
        addCommand(CMD.ZERO, CMD.LIST | CMD.LIST_RULES);
        optionalChain(arg);
        if (g.hasArg()) {
          p.rulenum = parseRulenum(g.take());
          p.command = (p.command & ~CMD.ZERO) | CMD.ZERO_NUM;
        }
        break;
      case 'N':
        if (a.startsWith('-') || a.startsWith('!'))
          throw XtError.param(`chain name not allowed to start with \`${a[0]}'`);
        if (findTargetExt(a)) throw XtError.param('chain name may not clash with target name');
        addCommand(CMD.NEW_CHAIN, 0);
        p.chain = a;
        break;
      case 'X':
        addCommand(CMD.DELETE_CHAIN, 0);
        optionalChain(arg);
        break;
      case 'E':
        addCommand(CMD.RENAME_CHAIN, 0);
        p.chain = a;
        if (!g.hasArg()) throw XtError.param('-E requires old-chain-name and new-chain-name');
        p.newName = g.take();
        break;
      case 'P':
        addCommand(CMD.SET_POLICY, 0);
        p.chain = a;
        if (!g.hasArg()) throw XtError.param('-P requires a chain and a policy');
        p.policy = g.take();
        break;
      case 'h':
        p.help = true;
        return p;
      case 'V':
        p.version = true;
        break;
      case 'p': {
        setOption(OPT.PROTOCOL);
        ctx.proto = a.toLowerCase();
        const n = parseProtocol(ctx.proto);
        if (n === 0 && invflags & (1 << OPT.PROTOCOL)) throw XtError.param('rule would never match protocol');
        break;
      }
      case 's':
        setOption(OPT.SOURCE);
        srcText = a;
        break;
      case 'd':
        setOption(OPT.DESTINATION);
        dstText = a;
        break;
      case 'i':
        if (a === '') throw XtError.param('Empty interface is likely to be undesired');
        setOption(OPT.VIANAMEIN);
        inIface = parseInterface(a);
        break;
      case 'o':
        if (a === '') throw XtError.param('Empty interface is likely to be undesired');
        setOption(OPT.VIANAMEOUT);
        outIface = parseInterface(a);
        break;
      case 'j':
      case 'g': {
        setOption(OPT.JUMP);
        jumpto = a;
        isGoto = val === 'g';
        const ext = isGoto ? null : findTargetExt(a);
        target = ext ? { ext, t: ext.init(), seen: new Set() } : null;
        break;
      }
      case 'm': {
        if (invert) throw XtError.param('unexpected ! flag before --match');
        const ext = findMatchExt(a);
        if (!ext) throw XtError.param(`Couldn't load match \`${a}':No such file or directory\n`);
        matches.push({ ext, m: ext.init(), seen: new Set() });
        break;
      }
      case 'n':
        setOption(OPT.NUMERIC);
        p.numeric = true;
        break;
      case 'v':
        if (!p.verbose) setOption(OPT.VERBOSE);
        p.verbose = true;
        break;
      case 'x':
        setOption(OPT.EXPANDED);
        p.exact = true;
        break;
      case '0':
        setOption(OPT.LINENUMBERS);
        p.lineNumbers = true;
        break;
      case 'f':
        setOption(OPT.FRAGMENT);
        break;
      case 't':
        if (invert) throw XtError.param('unexpected ! flag before --table');
        p.table = a;
        break;
      case 'c':
        setOption(OPT.COUNTERS);
        if (!g.hasArg()) throw XtError.param('-c requires packet and byte counter');
        if (!/^\d+$/.test(a)) throw XtError.param('-c packet counter not numeric');
        p.counters.pkts = Number(a);
        {
          const b = g.take();
          if (!/^\d+$/.test(b)) throw XtError.param('-c byte counter not numeric');
          p.counters.bytes = Number(b);
        }
        break;
      case 'w':
      case 'W':
      case 'M':
      case '4':
        break;
      case '6':
        throw XtError.tryHelp();
      default: {
        const [extName, key] = val.split(':') as [string, string];
        if (target && target.ext.name === extName) {
          target.ext.parse(target.t, key, arg, invert, ctx, target.seen);
          target.seen.add(key);
        } else {
          const l = [...matches].reverse().find((x) => x.ext.name === extName);
          if (l) {
            l.ext.parse(l.m, key, arg, invert, ctx);
            l.seen.add(key);
          }
        }
      }
    }
    invert = false;
  }

  if (p.table === 'nat' && (p.policy === 'DROP' || jumpto === 'DROP'))
    throw XtError.param(
      '\nThe "nat" table is not intended for filtering, the use of DROP is therefore inhibited.\n\n',
    );
  for (const l of matches) l.ext.final(l.m, ctx, l.seen);
  const tgt = target as { ext: TargetExt; t: NfTarget; seen: Set<string> } | null;
  if (tgt) tgt.ext.final(tgt.t, tgt.seen);
  if (p.help || p.version) return p;
  if (p.command === 0) throw XtError.param('no command specified');
  if (invert) throw XtError.param('nothing appropriate following !');

  const ruleCmd = CMD.REPLACE | CMD.INSERT | CMD.DELETE | CMD.APPEND | CMD.CHECK;
  let srcs: (NfAddrMatch | null)[] = [null];
  let dsts: (NfAddrMatch | null)[] = [null];
  if (p.command & ruleCmd) {
    const toMatch = (text: string, bit: number): (NfAddrMatch | null)[] =>
      parseAddrList(text).map((a) =>
        a.prefixLen === 0 && !(invflags & (1 << bit))
          ? null
          : { ...a, invert: (invflags & (1 << bit)) !== 0 },
      );
    srcs = toMatch(srcText ?? '0.0.0.0/0', OPT.SOURCE);
    dsts = toMatch(dstText ?? '0.0.0.0/0', OPT.DESTINATION);
    if ((srcs.length > 1 || dsts.length > 1) && invflags & ((1 << OPT.SOURCE) | (1 << OPT.DESTINATION)))
      throw XtError.param('! not allowed with multiple source or destination IP addresses');
    if (p.command === CMD.REPLACE && (srcs.length !== 1 || dsts.length !== 1))
      throw XtError.param('Replacement rule does not specify a unique address');
  }
  for (let i = 0; i < CMD_V_OPT.length; i++) {
    if (!(p.command & (1 << i))) continue;
    for (let o = 0; o < OPT_CHARS.length; o++)
      if (options & (1 << o) && CMD_V_OPT[i]?.[o] === 'x' && !legalElsewhere(p.command, o))
        throw XtError.param(`Illegal option \`-${OPT_CHARS[o]}' with this command`);
  }
  if (p.chain !== null && p.chain.length >= 29)
    throw XtError.param(`chain name \`${p.chain}' too long (must be under 29 chars)`);
  if (p.command & ruleCmd && p.chain !== null) {
    if ((p.chain === 'PREROUTING' || p.chain === 'INPUT') && outIface !== null)
      throw XtError.param(`Can't use -o with ${p.chain}\n`);
    if ((p.chain === 'POSTROUTING' || p.chain === 'OUTPUT') && inIface !== null)
      throw XtError.param(`Can't use -i with ${p.chain}\n`);
  }

  let finalTarget: NfTarget = tgt ? tgt.t : { kind: 'none' };
  if (jumpto !== null && !tgt) {
    p.jumpChain = jumpto;
    finalTarget = isGoto ? { kind: 'goto', chain: jumpto } : { kind: 'jump', chain: jumpto };
  }
  const protoNum = ctx.proto === null ? 0 : parseProtocol(ctx.proto);
  for (const s of srcs)
    for (const d of dsts)
      p.rules.push({
        src: s,
        dst: d,
        inIface: inIface === null ? null : { name: inIface, invert: (invflags & (1 << OPT.VIANAMEIN)) !== 0 },
        outIface:
          outIface === null ? null : { name: outIface, invert: (invflags & (1 << OPT.VIANAMEOUT)) !== 0 },
        proto: protoNum === 0 ? null : protoNum,
        protoInvert: protoNum !== 0 && (invflags & (1 << OPT.PROTOCOL)) !== 0,
        ...(options & (1 << OPT.FRAGMENT) ? { frag: (invflags & (1 << OPT.FRAGMENT)) === 0 } : {}),
        matches: matches.map((l) => l.m),
        target: finalTarget,
      });
  return p;
}
