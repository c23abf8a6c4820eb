/**
 * "What changed" in each namespace's tables: main-table routes, neighbours, netfilter chains and rules, and the
 * sysctls a line set.
 */
import { formatIp4 } from '../lib';
import type { FibRoute, NetNs, NfRule, NsId } from '../kernel';
import { ruleSaveText, xaEntries, xaGet } from '../kernel';
import type { DiffSink } from './change_types';
import { routeText } from './change_titles';
import { tableChanges } from './table_diff';

/**
 * Rules that differ at most in their counters (every packet a rule matches copies it): the same objects
 * except `counters`, as immer shares what a line did not write. Said without printing each chain's rules.
 */
function sameRulesButCounters(a: readonly NfRule[], b: readonly NfRule[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as NfRule;
    const y = b[i] as NfRule;
    if (x === y) continue;
    for (const key in y)
      if (key !== 'counters' && x[key as keyof NfRule] !== y[key as keyof NfRule]) return false;
  }
  return true;
}

const routeKey = (r: FibRoute) =>
  `${r.type}|${r.dst}/${r.dstLen}|${r.tos}|${r.priority}|${r.gateway}|${r.dev}|${r.prefsrc}|${r.scope}|${r.protocol}`;

/** Per-namespace tables: main-table routes, neighbours, netfilter rules, a few sysctls. */
export function tablesChanged(d: DiffSink): void {
  const A = d.a.kernel.netns;
  const B = d.b.kernel.netns;
  if (A === B) return;
  const changed = tableChanges(A, B);
  for (const [id, na, nb] of changed
    ? changed.map((c): [NsId, NetNs | undefined, NetNs] => [c.now.id, c.was, c.now])
    : xaEntries(B).map(([id, nb]): [NsId, NetNs | undefined, NetNs] => [id, xaGet(A, id), nb])) {
    if (na === nb || nb.hidden) continue;
    routes(d, na, nb);
    neigh(d, na, nb);
    netfilter(d, na, nb);
    if (na && na.sysctl !== nb.sysctl) {
      for (const [key, v] of Object.entries(nb.sysctl))
        if (na.sysctl[key] !== v)
          d.push({
            op: 'set',
            what: 'sysctl',
            subject: `${key} = ${v}`,
            on: '',
            where: d.where(id),
            ids: [`ns:${id}`],
          });
    }
  }
}

function routes(d: DiffSink, na: NetNs | undefined, nb: NetNs): void {
  const ra = na?.fib4[254] ?? [];
  const rb = nb.fib4[254] ?? [];
  if (ra === rb) return;
  const ka = new Map(ra.map((r) => [routeKey(r), r]));
  const kb = new Map(rb.map((r) => [routeKey(r), r]));
  for (const [key, r] of kb)
    if (!ka.has(key))
      d.push({
        op: 'add',
        what: 'route',
        subject: routeText(d.b.kernel, r),
        on: '',
        where: d.where(nb.id),
        ids: [`ns:${nb.id}`, ...(r.dev ? [`dev:${r.dev}`] : [])],
      });
  for (const [key, r] of ka)
    if (!kb.has(key) && xaGet(d.b.kernel.netns, nb.id))
      d.push({
        op: 'del',
        what: 'route',
        subject: routeText(d.a.kernel, r),
        on: '',
        where: d.where(nb.id),
        ids: [`ns:${nb.id}`],
      });
}

function neigh(d: DiffSink, na: NetNs | undefined, nb: NetNs): void {
  if (na?.neigh === nb.neigh) return;
  const key = (e: { ip: number; dev: string }) => `${e.ip}|${e.dev}`;
  const before = new Map((na?.neigh ?? []).map((e) => [key(e), e]));
  const k = d.b.kernel;
  for (const e of nb.neigh) {
    const old = before.get(key(e));
    const dev = xaGet(k.devices, e.dev)?.name ?? '';
    const subject = `${formatIp4(e.ip)}${e.lladdr ? ` lladdr ${e.lladdr}` : ''} ${e.state}`;
    if (!old)
      d.push({
        op: 'add',
        what: 'neigh',
        subject,
        on: dev,
        where: d.where(nb.id),
        ids: [`dev:${e.dev}`],
      });
    else if (
      old.lladdr !== e.lladdr ||
      (old.state !== e.state && (e.state === 'FAILED' || old.state === 'INCOMPLETE'))
    )
      d.push({
        op: 'set',
        what: 'neigh',
        subject,
        on: dev,
        where: d.where(nb.id),
        ids: [`dev:${e.dev}`],
      });
    before.delete(key(e));
  }
  for (const e of before.values())
    d.push({
      op: 'del',
      what: 'neigh',
      subject: formatIp4(e.ip),
      on: xaGet(d.a.kernel.devices, e.dev)?.name ?? '',
      where: d.where(nb.id),
      ids: [],
    });
}

function netfilter(d: DiffSink, na: NetNs | undefined, nb: NetNs): void {
  if (na?.netfilter === nb.netfilter) return;
  for (const [tname, tb] of Object.entries(nb.netfilter.tables)) {
    const ta = na?.netfilter.tables[tname as keyof typeof nb.netfilter.tables];
    if (ta === tb || !tb) continue;
    for (const cb of tb.chains) {
      const ca = ta?.chains.find((c) => c.name === cb.name);
      if (!ca && !cb.builtin)
        d.push({
          op: 'add',
          what: 'chain',
          subject: cb.name,
          on: tname,
          where: d.where(nb.id),
          ids: [`ns:${nb.id}`],
        });
      if (ca === cb || (ca && sameRulesButCounters(ca.rules, cb.rules))) continue;
      const text = (r: NfRule) => ruleSaveText(cb.name, r);
      const before = new Set((ca?.rules ?? []).map(text));
      const after = new Set(cb.rules.map(text));
      for (const t of after)
        if (!before.has(t))
          d.push({
            op: 'add',
            what: 'rule',
            subject: t,
            on: tname,
            where: d.where(nb.id),
            ids: [`ns:${nb.id}`],
          });
      for (const t of before)
        if (!after.has(t))
          d.push({
            op: 'del',
            what: 'rule',
            subject: t,
            on: tname,
            where: d.where(nb.id),
            ids: [`ns:${nb.id}`],
          });
    }
    for (const ca of ta?.chains ?? [])
      if (!ca.builtin && !tb.chains.some((c) => c.name === ca.name))
        d.push({
          op: 'del',
          what: 'chain',
          subject: ca.name,
          on: tname,
          where: d.where(nb.id),
          ids: [],
        });
  }
}
