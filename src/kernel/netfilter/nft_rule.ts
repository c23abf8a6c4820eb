/**
 * One rule as a chain keeps it (the kernel's nft_rule, net/netfilter/nf_tables_api.c), and rule identity:
 * iptables-nft 1.8.9 finds the rule of `-D`/`-C` by comparing the given spec with each rule of the chain,
 * matches and target but never the counters. Rules reach tables.ts from the engine and the iptables parser,
 * built by different code.
 */
import { jsonCopy } from '../../lib';
import type { NfCounters, NfRule } from '../types';

export type NfRuleSpec = Omit<NfRule, 'counters'>;

/** Rules are plain JSON; a caller may hand us an immer draft (see jsonCopy). */
function cloneRule(rule: NfRuleSpec): NfRuleSpec {
  return jsonCopy({ ...rule, counters: undefined }) as NfRuleSpec;
}

/**
 * A rule as a chain keeps it (a deep copy, its own counters), every field in one order: rules come from the
 * engine and the iptables parser in different key orders, and `{ ...rule, counters }` seeing them all gave
 * every rule a hidden class (V8 map) of its own, so each rule a packet was matched against was a megamorphic
 * read.
 */
export function ruleRecord(rule: NfRuleSpec, counters: NfCounters): NfRule {
  const r = cloneRule(rule);
  return {
    src: r.src,
    dst: r.dst,
    inIface: r.inIface,
    outIface: r.outIface,
    proto: r.proto,
    protoInvert: r.protoInvert,
    ...(r.frag !== undefined ? { frag: r.frag } : {}),
    matches: r.matches,
    target: r.target,
    counters: { pkts: counters.pkts, bytes: counters.bytes },
  };
}

/**
 * Equal content: the same keys with equal values, whatever their order and with a key holding `undefined`
 * the same as no key, so that two rules built by different code (the engine, the iptables parser) compare
 * equal; `counters` are not part of a rule's identity at any level. Compared in place, without building a
 * text form of every rule of the chain (a check walks the whole chain).
 */
function sameContent(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameContent(a[i], b[i])) return false;
    return true;
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let n = 0;
  for (const key in x) {
    if (key === 'counters' || x[key] === undefined) continue;
    if (!sameContent(x[key], y[key])) return false;
    n++;
  }
  let m = 0;
  for (const key in y) if (key !== 'counters' && y[key] !== undefined) m++;
  return n === m;
}

/** Rule identity as nf_tables compares rules for delete/check: every field but the counters. */
export function nfRuleEqual(a: NfRuleSpec, b: NfRuleSpec): boolean {
  return sameContent(a, b);
}
