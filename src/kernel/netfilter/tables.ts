/**
 * iptables' tables and chains as the kernel holds them (net/netfilter, seen through iptables-nft):
 * creation of a table on first use with its built-in chains and ACCEPT policies, user chains, rules with
 * counters. The `iptables` command and the Docker engine both change rules through these functions.
 *
 * STUB: signatures are fixed; the netfilter work fills in the bodies.
 */
import type { KernelCtx } from '../context';
import { kerr, kok, type KResult } from '../errno';
import type { NfChain, NfRule, NfTable, NfTableName, NsId } from '../types';

export type NfRuleSpec = Omit<NfRule, 'counters'>;

/** Built-in chains per table, in the order iptables lists them. */
export const BUILTIN_CHAINS: Record<NfTableName, readonly string[]> = {
  filter: ['INPUT', 'FORWARD', 'OUTPUT'],
  nat: ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING'],
  raw: ['PREROUTING', 'OUTPUT'],
  mangle: ['PREROUTING', 'INPUT', 'FORWARD', 'OUTPUT', 'POSTROUTING'],
};

/** The table, created with its built-in chains (policy ACCEPT) the first time anything touches it. */
export function nfEnsureTable(ctx: KernelCtx, ns: NsId, table: NfTableName): NfTable {
  const n = ctx.k.netns[ns];
  if (!n) throw new Error(`kernel: no namespace ${ns}`);
  let t = n.netfilter.tables[table];
  if (!t) {
    t = {
      name: table,
      chains: BUILTIN_CHAINS[table].map(
        (name): NfChain => ({ name, builtin: true, policy: 'ACCEPT', counters: { pkts: 0, bytes: 0 }, rules: [] }),
      ),
    };
    n.netfilter.tables[table] = t;
  }
  return t;
}

export function nfFindChain(ctx: KernelCtx, ns: NsId, table: NfTableName, chain: string): NfChain | null {
  return ctx.k.netns[ns]?.netfilter.tables[table]?.chains.find((c) => c.name === chain) ?? null;
}

export function nfNewChain(ctx: KernelCtx, ns: NsId, table: NfTableName, chain: string): KResult<void> {
  const t = nfEnsureTable(ctx, ns, table);
  if (t.chains.some((c) => c.name === chain)) return kerr('EEXIST');
  t.chains.push({ name: chain, builtin: false, policy: null, counters: { pkts: 0, bytes: 0 }, rules: [] });
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
): KResult<void> {
  nfEnsureTable(ctx, ns, table);
  const c = nfFindChain(ctx, ns, table, chain);
  if (!c) return kerr('ENOENT');
  if (pos < 1 || pos > c.rules.length + 1) return kerr('E2BIG');
  c.rules.splice(pos - 1, 0, { ...rule, counters: { pkts: 0, bytes: 0 } });
  return kok(undefined);
}

export function nfAppendRule(ctx: KernelCtx, ns: NsId, table: NfTableName, chain: string, rule: NfRuleSpec): KResult<void> {
  nfEnsureTable(ctx, ns, table);
  const c = nfFindChain(ctx, ns, table, chain);
  if (!c) return kerr('ENOENT');
  c.rules.push({ ...rule, counters: { pkts: 0, bytes: 0 } });
  return kok(undefined);
}
