/**
 * iptables' tables and chains as the kernel holds them (net/netfilter/nf_tables_api.c, seen through
 * iptables-nft 1.8.9): a table comes into being with its built-in chains the first time something writes to
 * it (listing does not create it), user chains, rules with counters. The `iptables` command and the Docker
 * engine both change rules through these functions.
 *
 * Errors are the errnos nf_tables returns; iptables (nft-shared.c nft_strerror) turns them into its
 * messages, e.g. EEXIST from a chain add is "Chain already exists", E2BIG from an insert is "Index of
 * insertion too big", ENOENT from a delete/check is "Bad rule (does a matching rule exist in that chain?)".
 */
import type { KernelCtx } from '../context';
import { peekNs, peekOf, putOf, nsOf } from '../context';
import { kerr, kok, type KResult } from '../errno';
import type { KernelState, NfChain, NfCounters, NfRule, NfTable, NfTableName, NsId } from '../types';
import { xaGet } from '../xarray';

import { nfRuleEqual, ruleRecord, type NfRuleSpec } from './nft_rule';

export type { NfRuleSpec } from './nft_rule';

/** Built-in chains per table, in the order iptables lists them (hook order). */
export const BUILTIN_CHAINS: Record<NfTableName, readonly string[]> = {
  filter: ['INPUT', 'FORWARD', 'OUTPUT'],
  nat: ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING'],
  raw: ['PREROUTING', 'OUTPUT'],
  mangle: ['PREROUTING', 'INPUT', 'FORWARD', 'OUTPUT', 'POSTROUTING'],
  security: ['INPUT', 'FORWARD', 'OUTPUT'],
};

/** The order iptables-save prints existing tables in (iptables-nft walks its table array in this order). */
export const TABLE_SAVE_ORDER: readonly NfTableName[] = ['mangle', 'security', 'raw', 'filter', 'nat'];

function builtinChain(name: string): NfChain {
  return {
    name,
    builtin: true,
    policy: 'ACCEPT',
    policyCounted: false,
    counters: { pkts: 0, bytes: 0 },
    rules: [],
  };
}

/**
 * The table, created (empty) the first time anything writes to it. Its built-in chains are instantiated
 * one by one when first written to (nft_chain_builtin_init): until then a built-in chain lists as ACCEPT
 * with no rules, has no hook, and commands that need it to exist (-D N, -R, -Z, -X) say "No chain/target/
 * match by that name".
 */
export function nfEnsureTable(ctx: KernelCtx, ns: NsId, table: NfTableName): NfTable {
  const n = nsOf(ctx.k, ns);
  let t = n.netfilter.tables[table];
  if (!t) {
    t = { name: table, chains: [] };
    n.netfilter.tables[table] = t;
  }
  return t;
}

/** The table if it exists (read-only lookups: listing a table must not create it). */
export function nfTable(k: KernelState, ns: NsId, table: NfTableName): NfTable | null {
  return xaGet(k.netns, ns)?.netfilter.tables[table] ?? null;
}

/**
 * Where a chain is in its table's list, read through `peek` (finding it through the draft would draft every
 * chain passed); -1 when the table or the chain does not exist.
 */
function chainIndex(ctx: KernelCtx, ns: NsId, table: NfTableName, chain: string): number {
  const peek = peekOf(ctx);
  return peekChains(ctx, ns, table)?.findIndex((c) => peek(c).name === chain) ?? -1;
}

/** A table's chains as they are now, for reading (the rows may be drafts of this transaction). */
function peekChains(ctx: KernelCtx, ns: NsId, table: NfTableName): NfChain[] | undefined {
  const peek = peekOf(ctx);
  const n = peekNs(ctx, ns);
  const t = n ? peek(peek(peek(n.netfilter).tables)[table]) : undefined;
  return t ? peek(t.chains) : undefined;
}

/** A chain that exists in the kernel (user chain, or a built-in chain already instantiated). */
export function nfFindChain(ctx: KernelCtx, ns: NsId, table: NfTableName, chain: string): NfChain | null {
  const i = chainIndex(ctx, ns, table, chain);
  return i < 0 ? null : (nfTable(ctx.k, ns, table)?.chains[i] ?? null);
}

/** A chain's rules as they are now, for reading (the rows may be drafts of this transaction). */
function peekRules(ctx: KernelCtx, c: NfChain): NfRule[] {
  const peek = peekOf(ctx);
  return peek(peek(c).rules);
}

export function isBuiltinChain(table: NfTableName, chain: string): boolean {
  return BUILTIN_CHAINS[table].includes(chain);
}

/**
 * The chains as `iptables -L/-S` and iptables-save show them: every built-in chain in hook order (a missing
 * one as a fresh ACCEPT chain), then user chains sorted by name (iptables-nft sorts its chain cache).
 */
export function nfListChains(t: NfTable | null, table: NfTableName): NfChain[] {
  const builtins = BUILTIN_CHAINS[table].map(
    (name) => t?.chains.find((c) => c.name === name) ?? builtinChain(name),
  );
  const user = (t?.chains ?? [])
    .filter((c) => !c.builtin)
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return [...builtins, ...user];
}

/** A chain to write to: a user chain that exists, or a built-in chain (instantiated now if need be). */
function writableChain(ctx: KernelCtx, ns: NsId, table: NfTableName, chain: string): NfChain | null {
  const t = nfEnsureTable(ctx, ns, table);
  const i = chainIndex(ctx, ns, table, chain);
  const c = i < 0 ? undefined : t.chains[i];
  if (c || !isBuiltinChain(table, chain)) return c ?? null;
  const b = builtinChain(chain);
  t.chains.push(b);
  return t.chains[t.chains.length - 1] ?? b;
}

/** Rules of `t` that jump or go to `chain` (the "(N references)" of `iptables -L`). */
export function nfChainRefs(t: NfTable | null, chain: string): number {
  let n = 0;
  for (const c of t?.chains ?? [])
    for (const r of c.rules)
      if ((r.target.kind === 'jump' || r.target.kind === 'goto') && r.target.chain === chain) n++;
  return n;
}

export function nfNewChain(ctx: KernelCtx, ns: NsId, table: NfTableName, chain: string): KResult<void> {
  const t = nfEnsureTable(ctx, ns, table);
  if (isBuiltinChain(table, chain) || chainIndex(ctx, ns, table, chain) >= 0) return kerr('EEXIST');
  t.chains.push({
    name: chain,
    builtin: false,
    policy: null,
    policyCounted: false,
    counters: { pkts: 0, bytes: 0 },
    rules: [],
  });
  return kok(undefined);
}

/** Insert at 1-based position `pos` (iptables -I CHAIN pos); pos = length+1 appends. */
export function nfInsertRule(
  ctx: KernelCtx,
  ns: NsId,
  table: NfTableName,
  chain: string,
  pos: number,
  rule: NfRuleSpec,
  counters: NfCounters = { pkts: 0, bytes: 0 },
): KResult<void> {
  // One nf_tables batch: a failing insert creates nothing.
  const at = chainIndex(ctx, ns, table, chain);
  if (at < 0 && !isBuiltinChain(table, chain)) return kerr('ENOENT');
  const existing = at < 0 ? undefined : peekChains(ctx, ns, table)?.[at];
  const length = existing ? peekRules(ctx, existing).length : 0;
  if (pos < 1 || pos > length + 1) return kerr('E2BIG');
  const c = writableChain(ctx, ns, table, chain);
  if (!c) return kerr('ENOENT');
  // A new list rather than a splice into the draft, which would draft every rule after the slot.
  const rules = peekRules(ctx, c).slice();
  rules.splice(pos - 1, 0, ruleRecord(rule, counters));
  putOf(ctx)(c, 'rules', rules);
  return kok(undefined);
}

/** Append to the chain; `counters` are the initial ones (`iptables -c P B`). */
export function nfAppendRule(
  ctx: KernelCtx,
  ns: NsId,
  table: NfTableName,
  chain: string,
  rule: NfRuleSpec,
  counters: NfCounters = { pkts: 0, bytes: 0 },
): KResult<void> {
  const c = writableChain(ctx, ns, table, chain);
  if (!c) return kerr('ENOENT');
  putOf(ctx)(c, 'rules', [...peekRules(ctx, c), ruleRecord(rule, counters)]);
  return kok(undefined);
}

/** `-D chain rule-spec`: the first rule equal to `rule` goes; ENOENT when there is none. */
export function nfDeleteRule(
  ctx: KernelCtx,
  ns: NsId,
  table: NfTableName,
  chain: string,
  rule: NfRuleSpec,
): KResult<void> {
  const c = nfFindChain(ctx, ns, table, chain);
  const peek = peekOf(ctx);
  const i = c ? peekRules(ctx, c).findIndex((r) => nfRuleEqual(peek(r), rule)) : -1;
  if (!c || i < 0) return kerr('ENOENT');
  putOf(ctx)(
    c,
    'rules',
    peekRules(ctx, c).filter((_, j) => j !== i),
  );
  return kok(undefined);
}

/** `-D chain N` (1-based): ENOENT without the chain, E2BIG past the end ("Index of deletion too big"). */
export function nfDeleteRuleNum(
  ctx: KernelCtx,
  ns: NsId,
  table: NfTableName,
  chain: string,
  num: number,
): KResult<void> {
  const c = nfFindChain(ctx, ns, table, chain);
  if (!c) return kerr('ENOENT');
  if (num < 1 || num > c.rules.length) return kerr('E2BIG');
  c.rules.splice(num - 1, 1);
  return kok(undefined);
}

/** `-R chain N rule-spec`: the new rule starts with zero counters. */
export function nfReplaceRule(
  ctx: KernelCtx,
  ns: NsId,
  table: NfTableName,
  chain: string,
  num: number,
  rule: NfRuleSpec,
  counters: NfCounters = { pkts: 0, bytes: 0 },
): KResult<void> {
  const c = nfFindChain(ctx, ns, table, chain);
  if (!c) return kerr('ENOENT');
  if (num < 1 || num > c.rules.length) return kerr('E2BIG');
  c.rules[num - 1] = ruleRecord(rule, counters);
  return kok(undefined);
}

/** `-C chain rule-spec`: read-only; ENOENT when no equal rule exists. */
export function nfCheckRule(
  k: KernelState,
  ns: NsId,
  table: NfTableName,
  chain: string,
  rule: NfRuleSpec,
): KResult<void> {
  const c = nfTable(k, ns, table)?.chains.find((x) => x.name === chain);
  return c && c.rules.some((r) => nfRuleEqual(r, rule)) ? kok(undefined) : kerr('ENOENT');
}

/**
 * `-F [chain]`: removes the rules; policies stay. Flushing a named chain instantiates a built-in one;
 * flushing everything touches only what exists (and never creates the table).
 */
export function nfFlush(ctx: KernelCtx, ns: NsId, table: NfTableName, chain: string | null): KResult<void> {
  if (chain === null) {
    for (const c of nfTable(ctx.k, ns, table)?.chains ?? []) c.rules = [];
    return kok(undefined);
  }
  const c = writableChain(ctx, ns, table, chain);
  if (!c) return kerr('ENOENT');
  c.rules = [];
  return kok(undefined);
}

/**
 * `-X chain`: a user chain that still holds rules or is the target of a rule cannot go (nf_tables answers
 * EBUSY for both; the error names the chain). Built-in chains are not user chains: ENOENT. `-X` alone
 * deletes every user chain, failing with EBUSY on the first busy one (nothing is deleted then: one batch).
 */
export function nfDeleteChain(
  ctx: KernelCtx,
  ns: NsId,
  table: NfTableName,
  chain: string | null,
): KResult<void> {
  const t = nfTable(ctx.k, ns, table);
  if (!t) return chain === null ? kok(undefined) : kerr('ENOENT');
  // A named built-in chain that was instantiated is an nf_tables base chain like any other: deleted when
  // empty, EBUSY with rules (iptables-nft 1.8.9 lists it as if it were there either way). `-X` alone
  // deletes only user chains.
  const victims = t.chains.filter((c) => (chain === null ? !c.builtin : c.name === chain));
  if (chain !== null && victims.length === 0) return kerr('ENOENT');
  const gone = new Set(victims.map((c) => c.name));
  for (const c of victims) {
    const refs = t.chains
      .filter((x) => !gone.has(x.name))
      .some((x) =>
        x.rules.some(
          (r) => (r.target.kind === 'jump' || r.target.kind === 'goto') && r.target.chain === c.name,
        ),
      );
    if (c.rules.length > 0 || refs) return kerr('EBUSY', c.name);
  }
  t.chains = t.chains.filter((c) => !gone.has(c.name));
  return kok(undefined);
}

/** `-E old new`: renames a user chain; rules that jump to it follow (nf_tables refers to chains by handle). */
export function nfRenameChain(
  ctx: KernelCtx,
  ns: NsId,
  table: NfTableName,
  from: string,
  to: string,
): KResult<void> {
  const t = nfTable(ctx.k, ns, table);
  const c = t?.chains.find((x) => x.name === from && !x.builtin);
  if (!t || !c) return kerr('ENOENT');
  if (t.chains.some((x) => x.name === to) || isBuiltinChain(table, to)) return kerr('EEXIST');
  c.name = to;
  for (const ch of t.chains)
    for (const r of ch.rules)
      if ((r.target.kind === 'jump' || r.target.kind === 'goto') && r.target.chain === from)
        r.target.chain = to;
  return kok(undefined);
}

/**
 * `-P chain ACCEPT|DROP`: built-in chains only (ENOENT otherwise). iptables-nft sends the chain with
 * counters, so from now on the policy counts the packets it decides.
 */
export function nfSetPolicy(
  ctx: KernelCtx,
  ns: NsId,
  table: NfTableName,
  chain: string,
  policy: 'ACCEPT' | 'DROP',
): KResult<void> {
  if (!isBuiltinChain(table, chain)) return kerr('ENOENT');
  const c = writableChain(ctx, ns, table, chain);
  if (!c) return kerr('ENOENT');
  c.policy = policy;
  c.policyCounted = true;
  return kok(undefined);
}

/**
 * `-Z [chain [N]]`: zero rule counters and policy counters. Zeroing re-sends the base chain with counters,
 * so a built-in chain counts its policy from then on. Only existing chains are touched.
 */
export function nfZeroCounters(
  ctx: KernelCtx,
  ns: NsId,
  table: NfTableName,
  chain: string | null,
  num: number | null = null,
): KResult<void> {
  const t = nfTable(ctx.k, ns, table);
  const chains = (t?.chains ?? []).filter((c) => chain === null || c.name === chain);
  if (chain !== null && chains.length === 0) return kerr('ENOENT');
  for (const c of chains) {
    if (num !== null) {
      const r = c.rules[num - 1];
      if (r) r.counters = { pkts: 0, bytes: 0 };
      continue;
    }
    c.counters = { pkts: 0, bytes: 0 };
    if (c.builtin) c.policyCounted = true;
    for (const r of c.rules) r.counters = { pkts: 0, bytes: 0 };
  }
  return kok(undefined);
}
