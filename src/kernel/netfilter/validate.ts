/**
 * What nf_tables refuses at commit time (nft_chain_validate with each expression's ->validate, and the
 * x_tables checkentry hooks/table masks of targets used through compat): NAT targets only at their hooks of
 * the nat table, REJECT only at INPUT/FORWARD/OUTPUT (tcp-reset only for -p tcp), CT/NOTRACK only in raw,
 * addrtype --limit-iface-in/out only where that interface exists. A rule in a user chain is checked against
 * every hook the chain is reachable from; an unreachable user chain accepts anything until it is linked.
 */
import type { Errno } from '../errno';
import type { KernelState, NfHook, NfTable, NfTableName, NsId } from '../types';
import { isBuiltinChain, nfTable, type NfRuleSpec } from './tables';

/** The hooks from which `chain` can be reached (its own for a built-in chain). */
export function chainHooks(
  t: NfTable | null,
  table: NfTableName,
  chain: string,
  seen = new Set<string>(),
): Set<NfHook> {
  if (isBuiltinChain(table, chain)) return new Set([chain as NfHook]);
  const out = new Set<NfHook>();
  if (seen.has(chain)) return out;
  seen.add(chain);
  for (const c of t?.chains ?? [])
    for (const r of c.rules)
      if ((r.target.kind === 'jump' || r.target.kind === 'goto') && r.target.chain === chain)
        for (const h of chainHooks(t, table, c.name, seen)) out.add(h);
  return out;
}

function allowedHooks(rule: NfRuleSpec): { hooks: NfHook[]; table: NfTableName | null }[] {
  const req: { hooks: NfHook[]; table: NfTableName | null }[] = [];
  const tg = rule.target;
  if (tg.kind === 'DNAT' || tg.kind === 'REDIRECT')
    req.push({ hooks: ['PREROUTING', 'OUTPUT'], table: 'nat' });
  if (tg.kind === 'SNAT') req.push({ hooks: ['POSTROUTING', 'INPUT'], table: 'nat' });
  if (tg.kind === 'MASQUERADE') req.push({ hooks: ['POSTROUTING'], table: 'nat' });
  if (tg.kind === 'REJECT') req.push({ hooks: ['INPUT', 'FORWARD', 'OUTPUT'], table: null });
  if (tg.kind === 'NOTRACK') req.push({ hooks: ['PREROUTING', 'OUTPUT'], table: 'raw' });
  for (const m of rule.matches) {
    if (m.kind === 'addrtype' && m.limitIfaceIn)
      req.push({ hooks: ['PREROUTING', 'INPUT', 'FORWARD'], table: null });
    if (m.kind === 'addrtype' && m.limitIfaceOut)
      req.push({ hooks: ['POSTROUTING', 'OUTPUT', 'FORWARD'], table: null });
  }
  return req;
}

/** EINVAL when nf_tables would refuse `rule` in `chain` (the commit of the whole batch fails), else null. */
export function nfRuleInvalid(
  k: KernelState,
  ns: NsId,
  table: NfTableName,
  chain: string,
  rule: NfRuleSpec,
): Errno | null {
  const tg = rule.target;
  // A negated match on a zero-length prefix compares nothing: nf_tables refuses the bitwise expression.
  if ((rule.src?.invert && rule.src.prefixLen === 0) || (rule.dst?.invert && rule.dst.prefixLen === 0))
    return 'EINVAL';
  if (tg.kind === 'REJECT' && tg.with === 'tcp-reset' && (rule.proto !== 6 || rule.protoInvert))
    return 'EINVAL';
  const t = nfTable(k, ns, table);
  const hooks = chainHooks(t, table, chain);
  for (const req of allowedHooks(rule)) {
    if (req.table !== null && req.table !== table) return 'EINVAL';
    for (const h of hooks) if (!req.hooks.includes(h)) return 'EINVAL';
  }
  // A jump links the target chain's rules to this chain's hooks: they must be valid there too.
  if ((tg.kind === 'jump' || tg.kind === 'goto') && hooks.size > 0) {
    const target = t?.chains.find((c) => c.name === tg.chain);
    for (const r of target?.rules ?? [])
      for (const req of allowedHooks(r)) for (const h of hooks) if (!req.hooks.includes(h)) return 'EINVAL';
  }
  return null;
}
