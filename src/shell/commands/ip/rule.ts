/**
 * `ip rule add|delete|list|show|flush` for IPv4 (iproute2 6.1 ip/iprule.c iprule_modify, print_rule,
 * iprule_flush) over the kernel's policy rules (net/core/fib_rules.c via kernel/ipv4/fib_rules.ts).
 */
import type { FibRule } from '../../../kernel';
import { devicesOf, fibRuleAdd, fibRuleDel, type RuleKey, xaGet } from '../../../kernel';
import { formatIp4 } from '../../../lib';
import type { CommandIO } from '../../types';
import type { IpOpts } from './opts';
import type { InetPrefix } from './prefix';
import { ip4Of, parseInetPrefix } from './prefix';
import { Printer } from './printer';
import { parseTableId } from './route_show';
import { tableName } from './rtnl/names';
import { Args, IpError, invalidArg, matches, rtnlError } from './util';
import { denied, permitted } from '../../capability';

type Action = NonNullable<FibRule['action']>;
const ACTIONS: readonly Action[] = ['blackhole', 'unreachable', 'prohibit'];

function prefix4(w: string): { addr: number; len: number } {
  const p: InetPrefix | null = parseInetPrefix(w, 'inet');
  if (p === null || p.family !== 'inet')
    throw new IpError(`Error: inet prefix is expected rather than "${w}".\n`, 1);
  return { addr: ip4Of(p), len: p.bitlen };
}

/** iprule_modify()'s argument loop: the selectors and action of a rule. */
function parseRule(argv: readonly string[]): RuleKey & { tableGiven: boolean } {
  const r: RuleKey & { tableGiven: boolean } = { tableGiven: false };
  const a = new Args(argv);
  while (!a.done) {
    const w = a.next() as string;
    if (w === 'from') r.src = prefix4(a.value());
    else if (w === 'to') r.dst = prefix4(a.value());
    else if (matches(w, 'preference') || matches(w, 'order') || matches(w, 'priority')) {
      const v = a.value();
      if (!/^\d+$/.test(v) || Number(v) > 0xffffffff) throw invalidArg('preference value is invalid\n', v);
      r.priority = Number(v);
    } else if (matches(w, 'table') || w === 'lookup') {
      const v = a.value();
      const t = parseTableId(v);
      if (t === null) throw invalidArg('invalid table ID\n', v);
      r.table = t;
      r.tableGiven = true;
    } else if (w === 'dev' || w === 'iif') r.iif = a.value();
    else if (w === 'oif') r.oif = a.value();
    else {
      const t = w === 'type' ? a.value() : w;
      const act = ACTIONS.find((x) => x === t);
      if (!act) throw invalidArg('Failed to parse rule type', t);
      r.action = act;
      r.tableGiven = true;
    }
  }
  return r;
}

function modify(io: CommandIO, opts: IpOpts, argv: readonly string[], add: boolean): number {
  const r = parseRule(argv);
  const refused = denied(io.proc, 'rtnetlink');
  if (refused) throw rtnlError(refused);
  if (add) {
    io.os.mutate(({ kctx }) => {
      fibRuleAdd(kctx, opts.ns, {
        ...(r.priority !== undefined ? { priority: r.priority } : {}),
        // No table and no action: iprule_modify() asks for table main.
        table: r.table ?? (r.tableGiven ? 0 : 254),
        src: r.src?.addr ?? null,
        srcLen: r.src?.len ?? 0,
        dst: r.dst?.addr ?? null,
        dstLen: r.dst?.len ?? 0,
        iif: r.iif ?? null,
        oif: r.oif ?? null,
        action: r.action ?? 'lookup',
      });
    });
    return 0;
  }
  const err = io.os.mutate(({ kctx }) => {
    const res = fibRuleDel(kctx, opts.ns, r);
    return res.ok ? null : res.error;
  });
  if (err) throw rtnlError(err);
  return 0;
}

/** print_rule() for one IPv4 rule. */
function printRule(p: Printer, r: FibRule, devExists: (name: string) => boolean): void {
  p.openObject();
  p.num('any', 'priority', '%u:\t', r.priority);
  if (r.src !== null && r.srcLen > 0) {
    p.string('fp', null, 'from ', null);
    p.string('any', 'src', '%s', formatIp4(r.src));
    if (r.srcLen !== 32) p.num('any', 'srclen', '/%u', r.srcLen);
  } else p.string('any', 'src', 'from %s', 'all');
  if (r.dst !== undefined && r.dst !== null && (r.dstLen ?? 0) > 0) {
    p.string('fp', null, ' to ', null);
    p.string('any', 'dst', '%s', formatIp4(r.dst));
    if (r.dstLen !== 32) p.num('any', 'dstlen', '/%u', r.dstLen ?? 0);
  }
  if (r.iif) {
    p.string('fp', null, ' iif ', null);
    p.string('any', 'iif', '%s', r.iif);
    if (!devExists(r.iif)) p.null('any', 'iif_detached', ' [detached]', '');
  }
  if (r.oif) {
    p.string('fp', null, ' oif ', null);
    p.string('any', 'oif', '%s', r.oif);
    if (!devExists(r.oif)) p.null('any', 'oif_detached', ' [detached]', '');
  }
  if (r.table) p.string('any', 'table', ' lookup %s', tableName(r.table));
  const action = r.action ?? 'lookup';
  if (action !== 'lookup') p.string('any', 'action', ' %s', action);
  p.string('fp', null, '\n', '');
  p.closeObject();
}

function list(io: CommandIO, opts: IpOpts): number {
  const k = io.os.state.kernel;
  const rules = xaGet(k.netns, opts.ns)?.rules ?? [];
  const names = new Set(devicesOf(k, opts.ns).map((d) => d.name));
  const p = new Printer({ json: opts.json, pretty: opts.pretty, oneline: opts.oneline });
  p.newJsonObj();
  for (const r of rules) printRule(p, r, (n) => names.has(n));
  p.deleteJsonObj();
  p.flush(io);
  return 0;
}

/** iprule_flush(): every rule that has a priority attribute (all but priority 0) is deleted. */
function flush(io: CommandIO, opts: IpOpts): number {
  // The deletes are sent from the dump's callback: a refused one ends the dump.
  const rules = xaGet(io.os.state.kernel.netns, opts.ns)?.rules ?? [];
  if (rules.some((r) => r.priority !== 0) && !permitted(io.proc, 'rtnetlink')) {
    io.err('RTNETLINK answers: Operation not permitted\nDump terminated\n');
    return 255;
  }
  io.os.mutate(({ kctx }) => {
    for (const r of [...(xaGet(kctx.k.netns, opts.ns)?.rules ?? [])])
      if (r.priority !== 0) fibRuleDel(kctx, opts.ns, { priority: r.priority, table: r.table });
  });
  return 0;
}

export function doIpRule(io: CommandIO, opts: IpOpts, argv: string[]): number {
  if (opts.family === 'inet6') {
    // IPv6 keeps its own rules (local 0, main 32766); nothing else is simulated for them.
    throw new IpError('ip rule: IPv6 rules are not simulated here\n', 1);
  }
  const sub = argv[0];
  const rest = argv.slice(1);
  if (sub === undefined || matches(sub, 'list') || matches(sub, 'show') || matches(sub, 'lst'))
    return list(io, opts);
  if (matches(sub, 'add')) return modify(io, opts, rest, true);
  if (matches(sub, 'delete')) return modify(io, opts, rest, false);
  if (matches(sub, 'flush')) return flush(io, opts);
  throw new IpError(`Command "${sub}" is unknown, try "ip rule help".\n`, 255);
}
