/**
 * Which table row decided a step (a route, a neighbour entry, an FDB entry or the flood, an iptables rule with
 * its counter, a conntrack NAT mapping, a drop reason), and that table as the player shows it beside the
 * graph: rendered from the World at the step, the deciding row marked.
 */
import { formatIp4 } from '../../lib';
import { routeText, ruleSaveText, type KernelState, type NsId, type TraceEvent } from '../../kernel';
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

const devName = (k: KernelState, id: string | null): string => (id ? (k.devices[id]?.name ?? '?') : '?');

const t = (key: string, params: Record<string, string>, refs?: Record<string, string>): Explain =>
  refs ? { key: `journey.table.${key}`, params, refs } : { key: `journey.table.${key}`, params };

function routeRows(k: KernelState, ns: NsId, table: number, hit: string | null): TableRow[] {
  const routes = k.netns[ns]?.fib4[table] ?? [];
  return routes.map((r) => {
    const text = routeText(r, (d) => devName(k, d));
    return { text, hit: text === hit };
  });
}

function neighRow(ip: string, dev: string, lladdr: string | null, state: string): string {
  return `${ip} dev ${dev}${lladdr ? ` lladdr ${lladdr}` : ''} ${state}`;
}

/** NUD states in which `ip neigh` prints a link-layer address. */
const HAS_LLADDR = new Set(['REACHABLE', 'STALE', 'DELAY', 'PROBE', 'PERMANENT', 'NOARP']);

const PROTO: Record<number, string> = { 1: 'icmp', 6: 'tcp', 17: 'udp' };

/**
 * The table of a decision in `w`. `exact`: `w` is the World right after the step (step mode); otherwise it
 * is the World after the whole line, and what later steps changed in the deciding row is taken back.
 */
export function decisionTable(d: Decision, w: World, exact: boolean): DecisionTable {
  const k = w.kernel;
  const n = k.netns[d.ns];
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
    case 'neigh': {
      const dev = devName(k, d.dev);
      const rows: TableRow[] = [];
      let found = false;
      for (const e of n?.neigh ?? []) {
        if (k.devices[e.dev]?.kind === 'loopback') continue;
        const ip = formatIp4(e.ip);
        const hit = ip === d.ip && e.dev === d.dev;
        found ||= hit;
        // The deciding row as it was at the step (the World after the line may have moved it on).
        const text = hit
          ? neighRow(ip, dev, HAS_LLADDR.has(d.to) ? (d.lladdr ?? e.lladdr) : null, d.to)
          : neighRow(ip, devName(k, e.dev), e.lladdr, e.state);
        rows.push({ text, hit });
      }
      if (!found) rows.push({ text: neighRow(d.ip, dev, d.lladdr, d.to), hit: true });
      return { title: t('neigh', {}), rows, note: null };
    }
    case 'fdb':
    case 'fdb-hit': {
      const br = k.devices[d.bridge];
      const rows: TableRow[] = [];
      let found = false;
      for (const e of br?.kind === 'bridge' ? br.bridge.fdb : []) {
        if (e.self) continue;
        const hit = e.mac === d.mac;
        found ||= hit;
        rows.push({ text: `${e.mac} ${devName(k, e.dev)}${e.kind === 'local' ? ' permanent' : ''}`, hit });
      }
      if (!found) rows.push({ text: `${d.mac} ${devName(k, d.port)}`, hit: true });
      return { title: t('fdb', { bridge: devName(k, d.bridge) }), rows, note: null };
    }
    case 'flood': {
      const br = k.devices[d.bridge];
      const ports = br?.kind === 'bridge' ? br.bridge.ports : [];
      return {
        title: t('ports', { bridge: devName(k, d.bridge) }),
        rows: ports.map((p) => ({ text: devName(k, p), hit: d.ports.includes(p) })),
        note: t('flood', {}),
      };
    }
    case 'iptables': {
      const chain = n?.netfilter.tables[d.table as keyof typeof n.netfilter.tables]?.chains.find(
        (c) => c.name === d.chain,
      );
      const undo = (pkts: number, bytes: number, hit: boolean) =>
        hit && !exact ? `${pkts - d.later.pkts} ${bytes - d.later.bytes}` : `${pkts} ${bytes}`;
      const rows: TableRow[] = [];
      if (chain?.policy) {
        const hit = d.rule === null;
        const c = chain.counters;
        rows.push({ text: `-P ${chain.name} ${chain.policy}`, hit, counter: undo(c.pkts, c.bytes, hit) });
      }
      for (const [i, r] of (chain?.rules ?? []).entries()) {
        const hit = d.rule === i + 1;
        const c = r.counters;
        rows.push({ text: ruleSaveText(d.chain, r), hit, counter: undo(c.pkts, c.bytes, hit) });
      }
      return { title: t('iptables', { table: d.table, chain: d.chain }), rows, note: null };
    }
    case 'conntrack': {
      const e = n?.conntrack.find((c) => c.id === d.ctId);
      const rows: TableRow[] = [];
      if (e) {
        const tuple = (x: { src: number; dst: number; sport: number; dport: number }) =>
          `src=${formatIp4(x.src)} dst=${formatIp4(x.dst)}${e.proto === 6 || e.proto === 17 ? ` sport=${x.sport} dport=${x.dport}` : e.proto === 1 ? ` id=${x.sport}` : ''}`;
        const p = PROTO[e.proto] ?? String(e.proto);
        rows.push({ text: `${p} ${tuple(e.orig)}`, hit: false });
        rows.push({ text: `${p} ${tuple(e.reply)}`, hit: true });
      }
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
