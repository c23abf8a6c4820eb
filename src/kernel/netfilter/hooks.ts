/**
 * NF_HOOK(): run a packet through the netfilter hook `hook` of namespace `ns`, calling what is registered
 * there in priority order (include/uapi/linux/netfilter_ipv4.h NF_IP_PRI_*): raw (-300), conntrack
 * (-200, PREROUTING/OUTPUT), mangle (-150), nat DNAT (-100, PREROUTING/OUTPUT), filter (0), security (50),
 * nat SNAT (100, INPUT/POSTROUTING), conntrack confirm (last, INPUT/POSTROUTING). A table takes part once its
 * chain for the hook exists (iptables-nft registers base chains one by one). Rule traversal is
 * ipt_do_table (ip_tables.c): counters, jumps with a return stack, goto, RETURN, the policy at the end of a
 * base chain. NAT rules run only for the first packet of a connection (nf_nat_inet_fn); every packet is
 * then rewritten from the connection (nf_nat.ts).
 *
 * Emits an `nf_hook` trace event per table with the rule (or policy) that decided, and `nat` events for
 * rewrites. A DROP verdict is the caller's to discard with NETFILTER_DROP; a packet dropped before its new
 * connection was confirmed takes that connection with it.
 */
import type { KernelCtx } from '../context';
import { peekDev, peekOf, type Peek } from '../context';
import { fibLookup } from '../ipv4/fib';
import { pktSummary } from '../trace_fmt';
import type {
  ConntrackEntry,
  DevId,
  NetNs,
  NfChain,
  NfHook,
  NfRule,
  NfTable,
  NfTableName,
  NfTarget,
  NsId,
  Packet,
} from '../types';
import { schedule } from '../sched_queue';
import { cloneSkb } from '../skbuff';
import { ctDropUnconfirmed, ctEnabled, ctOf, nfConntrackConfirm, nfConntrackIn } from './nf_conntrack';
import { manipOf, natManip, natSetup } from './nf_nat';
import { ruleSaveText } from './rule_text';
import { ruleMatches, type MatchState } from './xt_match';
import { xaGet } from '../xarray';

export type NfVerdict = 'ACCEPT' | 'DROP';

export interface NfHookOpts {
  /** The packet is being bridged (br_netfilter calls the IPv4 hooks for bridged traffic). */
  bridged?: boolean;
}

type Stage = NfTableName | 'ct_in' | 'confirm';

/** What runs at each hook, in priority order. */
const STAGES: Record<NfHook, readonly Stage[]> = {
  PREROUTING: ['raw', 'ct_in', 'mangle', 'nat'],
  INPUT: ['mangle', 'filter', 'security', 'nat', 'confirm'],
  FORWARD: ['mangle', 'filter', 'security'],
  OUTPUT: ['raw', 'ct_in', 'mangle', 'nat', 'filter', 'security'],
  POSTROUTING: ['mangle', 'nat', 'confirm'],
};

interface Decision {
  verdict: 'ACCEPT' | 'DROP' | 'REJECT';
  chain: string;
  rule: number | null;
  ruleText: string;
  /** A NAT target that fired (nat table only). */
  nat: NfTarget | null;
  /** --reject-with of a REJECT that fired. */
  reject: string | null;
}

/** Guard against user-chain loops the kernel would have refused at load time (ELOOP). */
const MAX_STEPS = 10_000;

/** Where a jump came from: the chain's index and the rule after the jump (ipt_do_table's jumpstack). */
interface Frame {
  ci: number;
  next: number;
}

/**
 * ipt_do_table for one table's base chain (index `baseIdx`). Rules are read through `ctx.peek` (no drafts);
 * only the counters of the rules that match are written, through `t`. The walk allocates nothing per rule
 * (a packet crosses a hundred rules of Docker's FORWARD chain at classroom scale): no closures, and the jump
 * stack only once a rule jumps.
 */
function doTable(ctx: KernelCtx, t: NfTable, baseIdx: number, pkt: Packet, st: MatchState): Decision {
  const peek = peekOf(ctx);
  const chains = peek(peek(t).chains);
  const len = pkt.ip?.len ?? 0;
  let stack: Frame[] | null = null;
  let ci = baseIdx;
  let i = 0;
  // The chain being walked and its rules, read once per chain entered rather than once per rule. The
  // counters written meanwhile are the only thing a packet changes, and nothing here reads them.
  let chain = peek(chains[ci] as NfChain);
  let rules = peek(chain.rules);
  for (let steps = 0; steps < MAX_STEPS; steps++) {
    const r0 = rules[i];
    if (!r0) {
      const back = stack?.pop();
      if (!back) break;
      ci = back.ci;
      i = back.next;
      chain = peek(chains[ci] as NfChain);
      rules = peek(chain.rules);
      continue;
    }
    const r = peek(r0);
    if (!ruleMatches(r, st, pkt)) {
      i++;
      continue;
    }
    const counters = ((t.chains[ci] as NfChain).rules[i] as NfChain['rules'][number]).counters;
    counters.pkts += 1;
    counters.bytes += len;
    const tg = r.target;
    switch (tg.kind) {
      case 'ACCEPT':
      case 'DROP':
      case 'REJECT':
        return ruleDecision(tg.kind, chain.name, i, r, null);
      case 'DNAT':
      case 'SNAT':
      case 'MASQUERADE':
      case 'REDIRECT':
        return ruleDecision('ACCEPT', chain.name, i, r, tg);
      case 'RETURN': {
        const back = stack?.pop();
        if (!back) return policyDecision(t, baseIdx, peek, len);
        ci = back.ci;
        i = back.next;
        chain = peek(chains[ci] as NfChain);
        rules = peek(chain.rules);
        continue;
      }
      case 'jump':
      case 'goto': {
        const next = chainIndex(chains, tg.chain, peek);
        if (next < 0) {
          i++;
          continue;
        }
        if (tg.kind === 'jump') (stack ??= []).push({ ci, next: i + 1 });
        ci = next;
        i = 0;
        chain = peek(chains[ci] as NfChain);
        rules = peek(chain.rules);
        continue;
      }
      case 'MARK':
        pkt.mark = ((pkt.mark & ~tg.mask) ^ tg.value) >>> 0;
        break;
      case 'NOTRACK':
        if (!pkt.ct) pkt.ct = { id: 0, dir: 'orig', info: 'untracked' };
        break;
      case 'LOG':
      case 'none':
        break;
    }
    i++;
  }
  return policyDecision(t, baseIdx, peek, len);
}

/** A rule decided: its verdict, where it is (1-based, as `iptables -L --line-numbers`), and its text. */
function ruleDecision(
  verdict: Decision['verdict'],
  chain: string,
  i: number,
  r: NfRule,
  nat: NfTarget | null,
): Decision {
  return {
    verdict,
    chain,
    rule: i + 1,
    ruleText: ruleSaveText(chain, r),
    nat,
    reject: r.target.kind === 'REJECT' ? r.target.with : null,
  };
}

/** The end of the base chain: its policy decides, and counts the packet when the chain has policy counters. */
function policyDecision(t: NfTable, baseIdx: number, peek: Peek, len: number): Decision {
  const base = peek(peek(peek(t).chains)[baseIdx] as NfChain);
  if (base.policyCounted) {
    const c = (t.chains[baseIdx] as NfChain).counters;
    c.pkts += 1;
    c.bytes += len;
  }
  const p = base.policy ?? 'ACCEPT';
  return {
    verdict: p,
    chain: base.name,
    rule: null,
    ruleText: `-P ${base.name} ${p}`,
    nat: null,
    reject: null,
  };
}

/** The index of the chain a jump names, or -1 (a jump to a chain deleted since cannot happen in Linux). */
function chainIndex(chains: readonly NfChain[], name: string, peek: Peek): number {
  for (let j = 0; j < chains.length; j++) if (peek(chains[j] as NfChain).name === name) return j;
  return -1;
}

function traceDecision(
  ctx: KernelCtx,
  ns: NsId,
  hook: NfHook,
  table: NfTableName,
  pkt: Packet,
  d: Decision,
  st: MatchState,
): void {
  ctx.trace({
    kind: 'nf_hook',
    atUs: ctx.clock.nowUs,
    ns,
    pkt: pkt.id,
    summary: pktSummary(pkt),
    hook,
    table,
    chain: d.chain,
    rule: d.rule,
    ruleText: d.ruleText,
    verdict: d.nat ? d.nat.kind : d.verdict,
    // nf_hook_state's in/out devices, so the graph can point at the interface the rule saw.
    inDev: st.inDev?.id ?? null,
    outDev: st.outDev?.id ?? null,
  });
}

/** A table's base chain for `hook`: the table (for writing counters) and the chain's index, found by peeking. */
function baseChain(
  ctx: KernelCtx,
  n: NetNs,
  table: NfTableName,
  hook: NfHook,
): { t: NfTable; ci: number } | null {
  const peek = peekOf(ctx);
  const t = peek(peek(peek(n).netfilter).tables)[table];
  if (!t) return null;
  const ci = peek(peek(t).chains).findIndex((x) => {
    const c = peek(x);
    return c.builtin && c.name === hook;
  });
  // The table's draft only now: reading the rules takes none.
  return ci < 0 ? null : { t: n.netfilter.tables[table] as NfTable, ci };
}

/** The NAT stage at PREROUTING/OUTPUT (DST) or INPUT/POSTROUTING (SRC). */
function natStage(
  ctx: KernelCtx,
  ns: NsId,
  n: NetNs,
  hook: NfHook,
  pkt: Packet,
  st: MatchState,
  ct: ConntrackEntry,
  devs: { inDev: DevId | null; outDev: DevId | null },
): void {
  const manip = manipOf(hook);
  const pct = pkt.ct;
  if (!manip || !pct || !pkt.ip) return;
  const done = manip === 'DST' ? 'natDoneDst' : 'natDoneSrc';
  if (pct.info === 'new' && pct.dir === 'orig' && !ct[done]) {
    const bc = baseChain(ctx, n, 'nat', hook);
    if (bc) {
      const d = doTable(ctx, bc.t, bc.ci, pkt, st);
      traceDecision(ctx, ns, hook, 'nat', pkt, d, st);
      if (d.nat) {
        const dst = pkt.ip.dst;
        const nexthop = fibLookup(ctx, ns, dst)?.route.gateway ?? dst;
        natSetup(ctx, ns, ct, manip, d.nat, devs.inDev, devs.outDev, nexthop);
      }
    }
    ct[done] = true;
  }
  const change = natManip(ct, pkt, manip);
  if (change)
    ctx.trace({
      kind: 'nat',
      atUs: ctx.clock.nowUs,
      ns,
      pkt: pkt.id,
      summary: pktSummary(pkt),
      type: change.type,
      before: change.before,
      after: change.after,
      ctId: ct.id,
    });
}

export function nfHook(
  ctx: KernelCtx,
  ns: NsId,
  hook: NfHook,
  pkt: Packet,
  inDev: DevId | null,
  outDev: DevId | null,
  _opts: NfHookOpts = {},
): NfVerdict {
  const n = xaGet(ctx.k.netns, ns);
  if (!n || !pkt.ip) return 'ACCEPT';
  const peek = peekOf(ctx);
  const tracking = ctEnabled(n, peek);
  // The matches only read the devices: peeked, so the device table is not copied for them.
  const st: MatchState = {
    k: ctx.k,
    ns,
    inDev: inDev ? (peekDev(ctx, inDev) ?? null) : null,
    outDev: outDev ? (peekDev(ctx, outDev) ?? null) : null,
    ct: null,
    peek,
  };
  for (const stage of STAGES[hook]) {
    if (stage === 'ct_in') {
      if (tracking) nfConntrackIn(ctx, ns, pkt);
      continue;
    }
    if (stage === 'confirm') {
      if (tracking) nfConntrackConfirm(ctx, ns, pkt);
      continue;
    }
    st.ct = ctOf(ctx, ns, pkt.ct);
    if (stage === 'nat') {
      if (st.ct) natStage(ctx, ns, n, hook, pkt, st, st.ct, { inDev, outDev });
      continue;
    }
    const bc = baseChain(ctx, n, stage, hook);
    if (!bc) continue;
    const d = doTable(ctx, bc.t, bc.ci, pkt, st);
    traceDecision(ctx, ns, hook, stage, pkt, d, st);
    if (d.verdict !== 'ACCEPT') {
      // nf_send_unreach/nf_send_reset run from the scheduler at this same instant (sched.ts nf-reject).
      if (d.reject !== null)
        schedule(ctx, {
          kind: 'nf-reject',
          atUs: ctx.clock.nowUs,
          ns,
          pkt: cloneSkb(pkt),
          how: d.reject,
          inDev,
        });
      ctDropUnconfirmed(ctx, ns, pkt);
      return 'DROP';
    }
  }
  return 'ACCEPT';
}
