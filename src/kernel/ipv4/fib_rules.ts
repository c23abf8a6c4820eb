/**
 * IPv4 policy routing rules, after net/core/fib_rules.c (fib_nl_newrule, fib_nl_delrule, fib_rules_lookup,
 * fib_default_rule_pref) and net/ipv4/fib_rules.c (fib4_rule_match, fib4_rule_action, fib4_rule_configure).
 * The list is kept in priority order; a rule added with the same priority goes after the existing ones.
 */
import type { Ip4 } from '../../lib';
import { maskOf } from '../../lib';
import type { KernelCtx } from '../context';
import { nsOf } from '../context';
import { kerr, kok, type KResult } from '../errno';
import type { DevId, FibRule, NsId } from '../types';
import { xaGet } from '../xarray';

/** What a lookup brings to the rules (struct flowi4's selectors the rules look at). */
export interface RuleFlow {
  src?: Ip4 | null;
  iif?: DevId | null;
  oif?: DevId | null;
}

/** fib_rule_match() + fib4_rule_match(): iif/oif by device name, then the source and destination prefixes. */
export function ruleMatches(ctx: KernelCtx, rule: FibRule, dst: Ip4, flow: RuleFlow): boolean {
  const devName = (d: DevId | null | undefined): string | null =>
    d ? (xaGet(ctx.k.devices, d)?.name ?? null) : null;
  // Locally generated packets carry lo's ifindex as flowi4_iif, so `iif lo` selects them.
  if (rule.iif && (flow.iif ? devName(flow.iif) : 'lo') !== rule.iif) return false;
  if (rule.oif && devName(flow.oif) !== rule.oif) return false;
  if (rule.src !== null && rule.srcLen > 0) {
    const m = maskOf(rule.srcLen);
    if ((((flow.src ?? 0) ^ rule.src) & m) >>> 0 !== 0) return false;
  }
  const rdst = rule.dst ?? null;
  if (rdst !== null && (rule.dstLen ?? 0) > 0) {
    const m = maskOf(rule.dstLen ?? 0);
    if (((dst ^ rdst) & m) >>> 0 !== 0) return false;
  }
  return true;
}

/** fib_default_rule_pref(): one below the second rule's priority (32765 with the default rules). */
function defaultPref(rules: readonly FibRule[]): number {
  const second = rules[1];
  return second && second.priority ? second.priority - 1 : 0;
}

/** fib_nl_newrule(): insert after every rule of lower or equal priority; marks the rules as custom. */
export function fibRuleAdd(
  ctx: KernelCtx,
  ns: NsId,
  rule: Omit<FibRule, 'priority'> & { priority?: number },
): FibRule {
  const n = nsOf(ctx.k, ns);
  const r: FibRule = { ...rule, priority: rule.priority ?? defaultPref(n.rules) };
  let at = 0;
  while (at < n.rules.length && (n.rules[at] as FibRule).priority <= r.priority) at++;
  n.rules.splice(at, 0, r);
  n.fibCustomRules = true;
  return r;
}

/** The selectors a delete request named; unset ones match any rule (rule_find() with a partial request). */
export interface RuleKey {
  priority?: number;
  table?: number;
  src?: { addr: Ip4; len: number };
  dst?: { addr: Ip4; len: number };
  iif?: string;
  oif?: string;
  action?: FibRule['action'];
}

/** fib_nl_delrule(): the first rule matching every given selector; ENOENT when none does. */
export function fibRuleDel(ctx: KernelCtx, ns: NsId, key: RuleKey): KResult<FibRule> {
  const n = nsOf(ctx.k, ns);
  const i = n.rules.findIndex(
    (r) =>
      (key.priority === undefined || r.priority === key.priority) &&
      (key.table === undefined || r.table === key.table) &&
      (key.src === undefined || (r.src === key.src.addr && r.srcLen === key.src.len)) &&
      (key.dst === undefined || ((r.dst ?? null) === key.dst.addr && (r.dstLen ?? 0) === key.dst.len)) &&
      (key.iif === undefined || r.iif === key.iif) &&
      (key.oif === undefined || r.oif === key.oif) &&
      (key.action === undefined || (r.action ?? 'lookup') === key.action),
  );
  if (i < 0) return kerr('ENOENT');
  const [r] = n.rules.splice(i, 1);
  // fib4_rule_delete(): unmerges local and main too.
  n.fibCustomRules = true;
  return kok(r as FibRule);
}
