/**
 * libnetwork/iptables as the bridge driver uses it: rules built as iptables would store them (canonical
 * order: -s -d -i -o -p, then matches), and the Exists/Insert/Append/Delete idioms of iptRule
 * (drivers/bridge/setup_ip_tables_linux.go): Insert and Append do nothing when the rule is there already,
 * EnsureJumpRule deletes and re-inserts a jump so that it ends up first.
 */
import type { Cidr4 } from '../../lib';
import type { KernelCtx, NfMatch, NfRuleSpec, NfTableName, NfTarget, NsId } from '../../kernel';
import { nfAppendRule, nfCheckRule, nfDeleteRule, nfInsertRule, nfNewChain, nfSetPolicy } from '../../kernel';

export interface RuleParts {
  src?: Cidr4;
  srcInvert?: boolean;
  dst?: Cidr4;
  dstInvert?: boolean;
  in?: string;
  inInvert?: boolean;
  out?: string;
  outInvert?: boolean;
  proto?: 'tcp' | 'udp';
  /** `-m tcp --dport N` (iptables adds the implicit match itself). */
  dport?: number;
  matches?: NfMatch[];
  target: NfTarget;
}

export function rule(p: RuleParts): NfRuleSpec {
  const matches: NfMatch[] = [];
  if (p.proto && p.dport !== undefined) {
    const dport = { from: p.dport, to: p.dport, invert: false };
    matches.push(
      p.proto === 'tcp'
        ? { kind: 'tcp', sport: null, dport, flags: null }
        : { kind: 'udp', sport: null, dport },
    );
  }
  matches.push(...(p.matches ?? []));
  return {
    src: p.src ? { addr: p.src.addr, prefixLen: p.src.prefixLen, invert: p.srcInvert ?? false } : null,
    dst: p.dst ? { addr: p.dst.addr, prefixLen: p.dst.prefixLen, invert: p.dstInvert ?? false } : null,
    inIface: p.in ? { name: p.in, invert: p.inInvert ?? false } : null,
    outIface: p.out ? { name: p.out, invert: p.outInvert ?? false } : null,
    proto: p.proto === 'tcp' ? 6 : p.proto === 'udp' ? 17 : null,
    protoInvert: false,
    matches,
    target: p.target,
  };
}

export const jump = (chain: string): NfTarget => ({ kind: 'jump', chain });
export const ACCEPT: NfTarget = { kind: 'ACCEPT' };
export const DROP: NfTarget = { kind: 'DROP' };
export const RETURN: NfTarget = { kind: 'RETURN' };
export const MASQUERADE: NfTarget = { kind: 'MASQUERADE', toPorts: null, random: false };

/** iptables -C */
export function exists(ctx: KernelCtx, ns: NsId, table: NfTableName, chain: string, r: NfRuleSpec): boolean {
  return nfCheckRule(ctx.k, ns, table, chain, r).ok;
}

/** iptRule.Insert: -I at the top unless the rule exists. */
export function insertRule(ctx: KernelCtx, ns: NsId, table: NfTableName, chain: string, r: NfRuleSpec): void {
  if (!exists(ctx, ns, table, chain, r)) nfInsertRule(ctx, ns, table, chain, 1, r);
}

/** iptRule.Append: -A unless the rule exists. */
export function appendRule(ctx: KernelCtx, ns: NsId, table: NfTableName, chain: string, r: NfRuleSpec): void {
  if (!exists(ctx, ns, table, chain, r)) nfAppendRule(ctx, ns, table, chain, r);
}

/** iptRule.Delete: -D of the first identical rule, if any. */
export function deleteRule(ctx: KernelCtx, ns: NsId, table: NfTableName, chain: string, r: NfRuleSpec): void {
  if (exists(ctx, ns, table, chain, r)) nfDeleteRule(ctx, ns, table, chain, r);
}

/** iptables.EnsureJumpRule: the jump is moved (or put) at the top of the chain. */
export function ensureJumpRule(ctx: KernelCtx, ns: NsId, from: string, to: string): void {
  const r = rule({ target: jump(to) });
  deleteRule(ctx, ns, 'filter', from, r);
  nfInsertRule(ctx, ns, 'filter', from, 1, r);
}

/** iptables -N, tolerating an existing chain (NewChain). */
export function newChain(ctx: KernelCtx, ns: NsId, table: NfTableName, chain: string): void {
  nfNewChain(ctx, ns, table, chain);
}

/** iptables -P */
export function setPolicy(
  ctx: KernelCtx,
  ns: NsId,
  table: NfTableName,
  chain: string,
  policy: 'ACCEPT' | 'DROP',
): void {
  nfSetPolicy(ctx, ns, table, chain, policy);
}
