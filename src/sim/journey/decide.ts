/**
 * Which table row decided a step (a route, a neighbour entry, an FDB entry or the flood, an iptables rule with
 * its counter, a conntrack NAT mapping, a drop reason), and that table as the player shows it beside the
 * graph: rendered from the World at the step, the deciding row marked.
 */
import { formatIp4 } from '../../lib';
import {
  routeText,
  type KernelCtx,
  type KernelState,
  type NfTableName,
  type NsId,
  type NudState,
  type TraceEvent,
  xaGet,
} from '../../kernel';
import {
  conntrackLine,
  fdbLine,
  fdbShowLines,
  ipNeighLine,
  ipNeighLines,
  ipRouteLines,
  iptablesChainLines,
  nudBits,
  type NeighMsg,
} from '../../shell';
import type { World } from '../world';
import type { Decision, Explain } from './types';

/** The deciding row of an event, as a key into its table; null for steps nothing decides. */
export function decisionOf(e: TraceEvent, later: { pkts: number; bytes: number }): Decision | null {
  const ns = e.ns;
  switch (e.kind) {
    case 'fib_table_lookup':
      return { kind: 'route', ns, table: e.table, route: e.routeText, dst: formatIp4(e.dst) };
    case 'neigh_update':
      return {
        kind: 'neigh',
        ns,
        dev: e.dev,
        ip: formatIp4(e.ip),
        from: e.from,
        to: e.to,
        lladdr: e.lladdr,
      };
    case 'arp_send':
      return e.op === 'request'
        ? {
            kind: 'neigh',
            ns,
            dev: e.dev,
            ip: formatIp4(e.targetIp),
            from: 'INCOMPLETE',
            to: 'INCOMPLETE',
            lladdr: null,
          }
        : null;
    case 'br_fdb_update':
      return { kind: 'fdb', ns, bridge: e.bridge, mac: e.mac, port: e.port };
    case 'br_forward':
      return { kind: 'fdb-hit', ns, bridge: e.bridge, mac: e.fdbMac, port: e.to };
    case 'br_flood':
      return { kind: 'flood', ns, bridge: e.bridge, ports: [...e.to] };
    case 'nf_hook':
      return {
        kind: 'iptables',
        ns,
        table: e.table,
        chain: e.chain,
        rule: e.rule,
        ruleText: e.ruleText,
        verdict: e.verdict,
        later,
      };
    case 'nat':
      return { kind: 'conntrack', ns, ctId: e.ctId, type: e.type, before: e.before, after: e.after };
    case 'kfree_skb':
      return { kind: 'drop', ns, reason: e.reason };
    default:
      return null;
  }
}

export interface TableRow {
  text: string;
  /** This row decided the step. */
  hit: boolean;
  /** iptables: "pkts bytes" as the counters stood after the step. */
  counter?: string;
}

export interface DecisionTable {
  /** i18n key under `journey.table` with its parameters. */
  title: Explain;
  rows: TableRow[];
  /** A remark under the table (no route, the drop reason), as an i18n key. */
  note: Explain | null;
}

const devName = (k: KernelState, id: string | null): string =>
  id ? (xaGet(k.devices, id)?.name ?? '?') : '?';

const t = (key: string, params: Record<string, string>, refs?: Record<string, string>): Explain =>
  refs ? { key: `journey.table.${key}`, params, refs } : { key: `journey.table.${key}`, params };

/** NUD states in which `ip neigh` prints a link-layer address. */
const HAS_LLADDR = new Set(['REACHABLE', 'STALE', 'DELAY', 'PROBE', 'PERMANENT', 'NOARP']);

/** A read-only kernel context on `w` (the FDB dump ages entries by the World's clock). */
const viewOf = (w: World): KernelCtx => ({
  k: w.kernel,
  clock: w.clock,
  rng: w.rng,
  trace: () => undefined,
  hooks: {},
  budget: { events: 0 },
});

/** `ip route show table T`, the route the lookup found (kernel routeText, the trace's key) marked. */
function routeRows(k: KernelState, ns: NsId, table: number, hit: string | null): TableRow[] {
  return ipRouteLines(k, ns, table).map(({ route, line }) => ({
    text: line,
    hit: routeText(route, (d) => devName(k, d)) === hit,
  }));
}

/** `ip neigh`, the deciding row as it was at the step (the World after the line may have moved it on). */
function neighRows(d: Extract<Decision, { kind: 'neigh' }>, w: World): TableRow[] {
  const k = w.kernel;
  const ifindex = xaGet(k.devices, d.dev)?.ifindex ?? 0;
  const atStep = (m: NeighMsg | null): NeighMsg => {
    const lladdr = HAS_LLADDR.has(d.to) ? (d.lladdr ?? m?.lladdr ?? null) : null;
    const base: NeighMsg = m ?? {
      family: 'inet',
      ifindex,
      state: 0,
      dst: d.ip,
      lladdr: null,
      probes: 0,
      used: 0,
      confirmed: 0,
      updated: 0,
      refcnt: 0,
    };
    return { ...base, state: nudBits(d.to as NudState), lladdr };
  };
  let found = false;
  const rows = ipNeighLines(k, d.ns, w.clock.nowUs).map(({ msg, line }): TableRow => {
    const hit = msg.family === 'inet' && msg.dst === d.ip && msg.ifindex === ifindex;
    found ||= hit;
    return { text: hit ? ipNeighLine(k, d.ns, atStep(msg)) : line, hit };
  });
  if (!found) rows.push({ text: ipNeighLine(k, d.ns, atStep(null)), hit: true });
  return rows;
}

/** `bridge fdb show br BR`, the learned or found row marked (added as learned if it has aged out since). */
function fdbRows(d: Extract<Decision, { kind: 'fdb' | 'fdb-hit' }>, w: World): TableRow[] {
  const k = w.kernel;
  if (xaGet(k.devices, d.bridge)?.kind !== 'bridge') return [];
  let found = false;
  const rows = fdbShowLines(viewOf(w), d.ns, d.bridge).map(({ rec, line }): TableRow => {
    const hit = !rec.self && rec.master === d.bridge && rec.mac === d.mac;
    found ||= hit;
    return { text: line, hit };
  });
  if (!found && xaGet(k.devices, d.port)) {
    const rec = {
      mac: d.mac,
      dev: d.port,
      self: false,
      master: d.bridge,
      state: 'reachable' as const,
      usedAgoUs: null,
      updatedAgoUs: null,
    };
    rows.push({ text: fdbLine(k, d.ns, rec), hit: true });
  }
  return rows;
}

/**
 * The table of a decision in `w`. `exact`: `w` is the World right after the step (step mode); otherwise it
 * is the World after the whole line, and what later steps changed in the deciding row is taken back.
 */
export function decisionTable(d: Decision, w: World, exact: boolean): DecisionTable {
  const k = w.kernel;
  const n = xaGet(k.netns, d.ns);
  switch (d.kind) {
    case 'route': {
      const table = d.table ?? 254;
      const name = table === 255 ? 'local' : table === 254 ? 'main' : String(table);
      return {
        title: t('route', { table: name }),
        rows: routeRows(k, d.ns, table, d.route),
        note: d.route === null ? t('noRoute', { dst: d.dst }) : null,
      };
    }
    case 'neigh':
      return { title: t('neigh', {}), rows: neighRows(d, w), note: null };
    case 'fdb':
    case 'fdb-hit':
      return { title: t('fdb', { bridge: devName(k, d.bridge) }), rows: fdbRows(d, w), note: null };
    case 'flood': {
      const br = xaGet(k.devices, d.bridge);
      const ports = br?.kind === 'bridge' ? br.bridge.ports : [];
      return {
        title: t('ports', { bridge: devName(k, d.bridge) }),
        rows: ports.map((p) => ({ text: devName(k, p), hit: d.ports.includes(p) })),
        note: t('flood', {}),
      };
    }
    case 'iptables': {
      const table = d.table as NfTableName;
      const nft = n?.netfilter.tables[table] ?? null;
      const chain = nft?.chains.find((c) => c.name === d.chain);
      const undo = (pkts: number, bytes: number, hit: boolean) =>
        hit && !exact ? `${pkts - d.later.pkts} ${bytes - d.later.bytes}` : `${pkts} ${bytes}`;
      // `iptables -t T -S CHAIN`: its first line is the chain's -P (or -N), line i + 1 is rule i + 1.
      const rows = (chain ? iptablesChainLines(nft, table, chain) : []).map((text, i): TableRow => {
        const hit = i === 0 ? d.rule === null : d.rule === i;
        const c =
          i === 0 ? (chain?.builtin ? chain.counters : null) : (chain?.rules[i - 1]?.counters ?? null);
        return c ? { text, hit, counter: undo(c.pkts, c.bytes, hit) } : { text, hit };
      });
      return { title: t('iptables', { table: d.table, chain: d.chain }), rows, note: null };
    }
    case 'conntrack': {
      const e = n?.conntrack.find((c) => c.id === d.ctId);
      // `conntrack -L`: the entry whose NAT mapping was applied (both tuples on its one line).
      const rows: TableRow[] = e ? [{ text: conntrackLine(e, w.clock.nowUs), hit: true }] : [];
      return {
        title: t('conntrack', { ct: String(d.ctId) }),
        rows,
        note: t('nat', { type: d.type, before: d.before, after: d.after }),
      };
    }
    case 'drop':
      return {
        title: t('drop', {}),
        rows: [],
        note: t('reason', {}, { reason: `journey.drop.${d.reason}` }),
      };
  }
}
