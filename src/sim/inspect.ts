/**
 * The inspector's tables for one namespace, as rows of text: interfaces (the facts `ip a` shows), the main
 * routing table in `route -n`'s columns, neighbours, bridge FDB entries and ports, and iptables chains with
 * their counters. These are projections for a table view; the "as the real command prints it" view runs the
 * command itself through QueryRunner.
 */
import { formatIp4, maskOf } from '../lib';
import type { DevId, KernelState, NsId } from '../kernel';
import { ruleSaveText, xaGet } from '../kernel';
import type { World } from './world';

export interface IfaceRow {
  id: DevId;
  ifindex: number;
  name: string;
  kind: string;
  state: string;
  mac: string;
  mtu: number;
  addrs: string[];
  master: string | null;
}

/** One `route -n` line: Destination Gateway Genmask Flags Metric Ref Use Iface. */
export interface RouteRow {
  destination: string;
  gateway: string;
  genmask: string;
  flags: string;
  metric: number;
  iface: string;
}

export interface NeighRow {
  ip: string;
  lladdr: string;
  state: string;
  iface: string;
}

export interface FdbRow {
  bridge: string;
  mac: string;
  port: string;
  type: string;
}

export interface ChainRow {
  table: string;
  chain: string;
  policy: string | null;
  pkts: number;
  bytes: number;
  rules: { text: string; pkts: number; bytes: number }[];
}

export interface NsTables {
  ns: NsId;
  interfaces: IfaceRow[];
  routes: RouteRow[];
  neigh: NeighRow[];
  fdb: FdbRow[];
  bridges: string[];
  chains: ChainRow[];
}

function devName(k: KernelState, id: DevId | null): string {
  return id ? (xaGet(k.devices, id)?.name ?? '?') : '*';
}

/** net-tools' route flags (lib/inet_gr.c): U up, G gateway, H host route, ! reject. */
function routeFlags(
  k: KernelState,
  r: { type: string; gateway: number | null; dstLen: number; dev: DevId | null },
): string {
  let f = '';
  const dev = r.dev ? xaGet(k.devices, r.dev) : undefined;
  if (r.type === 'unreachable' || r.type === 'prohibit' || r.type === 'blackhole') f += '!';
  else if (!dev || dev.adminUp) f += 'U';
  if (r.gateway !== null) f += 'G';
  if (r.dstLen === 32) f += 'H';
  return f;
}

export function nsTables(w: World, ns: NsId): NsTables | null {
  const k = w.kernel;
  const n = xaGet(k.netns, ns);
  if (!n) return null;
  const devs = Object.values(n.byIndex)
    .map((id) => xaGet(k.devices, id))
    .filter((d): d is NonNullable<typeof d> => d !== undefined)
    .sort((a, b) => a.ifindex - b.ifindex);
  const interfaces: IfaceRow[] = devs.map((d) => ({
    id: d.id,
    ifindex: d.ifindex,
    name: d.name,
    kind: d.kind,
    state: d.operstate,
    mac: d.mac,
    mtu: d.mtu,
    addrs: [
      ...d.inet.map((a) => `${formatIp4(a.local)}/${a.prefixLen}`),
      ...d.inet6.map((a) => `${a.addr}/${a.prefixLen}`),
    ],
    master: d.master ? devName(k, d.master) : null,
  }));
  const routes: RouteRow[] = (n.fib4[254] ?? [])
    .filter(
      (r) =>
        r.type === 'unicast' || r.type === 'unreachable' || r.type === 'prohibit' || r.type === 'blackhole',
    )
    .map((r) => ({
      destination: formatIp4(r.dst),
      gateway: r.gateway !== null ? formatIp4(r.gateway) : '0.0.0.0',
      genmask: formatIp4(maskOf(r.dstLen)),
      flags: routeFlags(k, r),
      metric: r.priority,
      iface: devName(k, r.dev),
    }));
  const neigh: NeighRow[] = n.neigh
    .filter((e) => xaGet(k.devices, e.dev)?.kind !== 'loopback')
    .map((e) => ({ ip: formatIp4(e.ip), lladdr: e.lladdr ?? '', state: e.state, iface: devName(k, e.dev) }));
  const fdb: FdbRow[] = [];
  const bridges: string[] = [];
  for (const d of devs) {
    if (d.kind !== 'bridge') continue;
    bridges.push(d.name);
    for (const e of d.bridge.fdb) {
      if (e.self) continue;
      fdb.push({
        bridge: d.name,
        mac: e.mac,
        port: devName(k, e.dev),
        type: e.kind === 'local' ? 'permanent' : e.kind,
      });
    }
  }
  const chains: ChainRow[] = [];
  for (const [table, t] of Object.entries(n.netfilter.tables)) {
    for (const c of t?.chains ?? []) {
      chains.push({
        table,
        chain: c.name,
        policy: c.policy,
        pkts: c.counters.pkts,
        bytes: c.counters.bytes,
        rules: c.rules.map((r) => ({
          text: ruleSaveText(c.name, r),
          pkts: r.counters.pkts,
          bytes: r.counters.bytes,
        })),
      });
    }
  }
  return { ns, interfaces, routes, neigh, fdb, bridges, chains };
}

/** A container's endpoints as `docker inspect` reports them under NetworkSettings.Networks. */
export interface EndpointRow {
  network: string;
  ifName: string;
  ip: string;
  gateway: string;
  mac: string;
  hostVeth: string;
  ports: string[];
}

export function containerEndpoints(w: World, containerId: string): EndpointRow[] {
  const d = w.docker;
  const c = d.containers[containerId];
  const sb = c?.sandboxId ? d.sandboxes[c.sandboxId] : undefined;
  if (!sb) return [];
  return sb.endpoints
    .map((id) => d.endpoints[id])
    .filter((e): e is NonNullable<typeof e> => e !== undefined)
    .map((e) => ({
      network: d.networks[e.networkId]?.name ?? e.networkId.slice(0, 12),
      ifName: e.ifName ?? '',
      ip: e.ipv4 !== null ? `${formatIp4(e.ipv4)}/${e.prefixLen}` : '',
      gateway: e.gateway !== null ? formatIp4(e.gateway) : '',
      mac: e.mac ?? '',
      hostVeth: e.hostVethName ?? '',
      ports: e.portMappings.map((m) => `${formatIp4(m.hostIp)}:${m.hostPort}->${m.containerPort}/${m.proto}`),
    }));
}
