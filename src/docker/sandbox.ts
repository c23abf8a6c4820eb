/**
 * Sandboxes and endpoints (libnetwork sandbox.go, endpoint.go, osl): a container's network namespace (or
 * the host's), the endpoints joined to it, and the default gateway. The gateway endpoint is the first
 * endpoint with a gateway in Endpoint.Less order (non-internal first, then network name ascending); it carries
 * the default route and the published ports, which move when a better endpoint joins or the gateway leaves.
 */
import { formatIp4, parseIp4, parseIp6 } from '../lib';
import type { KernelCtx } from '../kernel';
import {
  RT_TABLE_MAIN,
  createNetns,
  destroyNetns,
  devByName,
  fibDelete,
  fibInsert,
  ip6RouteAdd,
  ip6RouteDel,
  openDevice,
  xaGet,
} from '../kernel';
import { DockerError, forbidden } from './errors';
import { generateId, macFromIp, shortId } from './ids';
import { releaseAddress, requestAddress } from './ipam';
import { releaseAddress6, requestAddress6 } from './ipam6';
import { isUserDefinedName } from './network';
import { clearConntrackEntries, mapPorts, unmapPorts } from './portmapper';
import { startResolver } from './listeners';
import type {
  DockerContainer,
  DockerEndpoint,
  DockerNetwork,
  DockerSandbox,
  DockerState,
  EndpointConfig,
} from './state';
import { OPT_IFACE_PREFIX, bridgeCreateEndpoint, bridgeDeleteEndpoint, bridgeJoin } from './drivers/bridge';

export const SANDBOX_KEY_DIR = '/var/run/docker/netns';

/** NewSandbox: a fresh namespace with lo up, or the host's for --network host. */
export function createSandbox(
  ctx: KernelCtx,
  st: DockerState,
  c: DockerContainer,
  isHost: boolean,
): DockerSandbox {
  const id = generateId(ctx.rng);
  let ns = st.hostNs;
  if (!isHost) {
    ns = createNetns(ctx, { label: c.name });
    const lo = devByName(ctx.k, ns, 'lo');
    if (lo) openDevice(ctx, lo.id);
  }
  const sb: DockerSandbox = {
    id,
    containerId: c.id,
    ns,
    key: `${SANDBOX_KEY_DIR}/${isHost ? 'default' : shortId(id)}`,
    isHost,
    nextIfIndex: {},
    endpoints: [],
    gatewayEndpoint: null,
    nextJoinSeq: 0,
    resolver: null,
  };
  st.sandboxes[id] = sb;
  return sb;
}

export function destroySandbox(ctx: KernelCtx, st: DockerState, sb: DockerSandbox): void {
  for (const epId of [...sb.endpoints].reverse()) {
    const ep = st.endpoints[epId];
    if (ep) leaveNetwork(ctx, st, sb, ep, false);
  }
  if (!sb.isHost && xaGet(ctx.k.netns, sb.ns)) destroyNetns(ctx, sb.ns);
  delete st.sandboxes[sb.id];
}

/** buildEndpointDNSNames: name, aliases, short id, hostname (deduplicated); user-defined networks only. */
function dnsNames(c: DockerContainer, aliases: string[]): string[] {
  const out: string[] = [];
  for (const n of [c.name, ...aliases, shortId(c.id), c.hostname])
    if (n !== '' && !out.includes(n)) out.push(n);
  return out;
}

/** Endpoint.Less (v27.5.1 sandbox.go), for endpoints that have a gateway. */
function better(st: DockerState, a: DockerEndpoint, b: DockerEndpoint): boolean {
  const na = st.networks[a.networkId];
  const nb = st.networks[b.networkId];
  if (!na || !nb) return false;
  if (na.internal !== nb.internal) return !na.internal;
  // joinInfo: an IPv4 gateway counts 1, an IPv6 gateway 2.
  const score = (e: DockerEndpoint) => (e.gateway !== null ? 1 : 0) + (e.gateway6 ? 2 : 0);
  if (score(a) !== score(b)) return score(a) > score(b);
  return na.name < nb.name;
}

function gatewayCandidate(st: DockerState, sb: DockerSandbox): DockerEndpoint | null {
  let best: DockerEndpoint | null = null;
  for (const id of sb.endpoints) {
    const ep = st.endpoints[id];
    if (!ep || (ep.gateway === null && !ep.gateway6)) continue;
    if (!best || better(st, ep, best)) best = ep;
  }
  return best;
}

/** SetGatewayIPv6/UnsetGatewayIPv6 (osl programGateway): `default via GW dev IF`, protocol boot, metric 1024. */
function setDefaultRoute6(ctx: KernelCtx, sb: DockerSandbox, ep: DockerEndpoint, add: boolean): void {
  const gw = ep.gateway6 ? parseIp6(ep.gateway6) : null;
  if (!gw || !ep.containerDev || !xaGet(ctx.k.devices, ep.containerDev)) return;
  const cfg = {
    table: RT_TABLE_MAIN,
    dst: [0, 0, 0, 0, 0, 0, 0, 0],
    dstLen: 0,
    gateway: gw,
    dev: ep.containerDev,
    metric: null,
    protocol: 'boot',
  };
  if (add) ip6RouteAdd(ctx, sb.ns, cfg);
  else ip6RouteDel(ctx, sb.ns, cfg);
}

function setDefaultRoute(ctx: KernelCtx, sb: DockerSandbox, ep: DockerEndpoint, add: boolean): void {
  setDefaultRoute6(ctx, sb, ep, add);
  if (ep.gateway === null || !ep.containerDev) return;
  if (add) {
    fibInsert(
      ctx,
      sb.ns,
      {
        table: RT_TABLE_MAIN,
        type: 'unicast',
        dst: 0,
        dstLen: 0,
        tos: 0,
        priority: 0,
        protocol: 'boot',
        scope: 'global',
        prefsrc: null,
        gateway: ep.gateway,
        dev: ep.containerDev,
        onlink: false,
      },
      'add',
    );
  } else if (xaGet(ctx.k.devices, ep.containerDev)) {
    fibDelete(ctx, sb.ns, {
      table: RT_TABLE_MAIN,
      dst: 0,
      dstLen: 0,
      gateway: ep.gateway,
      dev: ep.containerDev,
    });
  }
}

/** Re-evaluate the gateway endpoint: move the default route and the published ports when it changes. */
export function updateGateway(ctx: KernelCtx, st: DockerState, sb: DockerSandbox): void {
  const c = st.containers[sb.containerId];
  const cur = sb.gatewayEndpoint ? (st.endpoints[sb.gatewayEndpoint] ?? null) : null;
  const next = gatewayCandidate(st, sb);
  if (cur?.id === next?.id) return;
  if (cur) {
    unmapPorts(ctx, st, st.networks[cur.networkId], cur);
    clearConntrackEntries(ctx, st, cur);
    setDefaultRoute(ctx, sb, cur, false);
  }
  sb.gatewayEndpoint = next?.id ?? null;
  if (next) {
    setDefaultRoute(ctx, sb, next, true);
    const n = st.networks[next.networkId];
    if (c && n) mapPorts(ctx, st, n, next, c.portBindings);
    clearConntrackEntries(ctx, st, next);
  }
}

/** Create an endpoint on `n` for the container and join it to the sandbox (Network.CreateEndpoint + ep.Join). */
export function joinNetwork(
  ctx: KernelCtx,
  st: DockerState,
  sb: DockerSandbox,
  c: DockerContainer,
  n: DockerNetwork,
  cfg: EndpointConfig,
): DockerEndpoint {
  if (Object.values(st.endpoints).some((e) => e.networkId === n.id && e.name === c.name)) {
    throw forbidden(`endpoint with name ${c.name} already exists in network ${n.name}`);
  }
  const ep: DockerEndpoint = {
    id: generateId(ctx.rng),
    name: c.name,
    networkId: n.id,
    sandboxId: sb.id,
    containerId: c.id,
    ifName: null,
    containerDev: null,
    hostVethName: null,
    hostVethDev: null,
    mac: null,
    ipv4: null,
    prefixLen: 0,
    gateway: null,
    aliases: [...cfg.aliases],
    dnsNames: isUserDefinedName(n.name) && n.driver === 'bridge' ? dnsNames(c, cfg.aliases) : [],
    portMappings: [],
    joinSeq: sb.nextJoinSeq++,
  };
  if (n.driver === 'bridge' && n.pool) {
    const preferred = cfg.ipv4Address === '' ? null : parseIp4(cfg.ipv4Address);
    try {
      ep.ipv4 = requestAddress(n.pool, preferred);
    } catch (e) {
      if (e instanceof DockerError && e.kind === 'unavailable')
        throw new DockerError(
          'unavailable',
          `no available IPv4 addresses on this network's address pools: ${n.name} (${n.id})`,
        );
      if (e instanceof DockerError && e.message === 'requested address is out of range')
        throw new DockerError(
          'invalid',
          `invalid address ${cfg.ipv4Address}: It does not belong to any of this network's subnets`,
        );
      throw e;
    }
    ep.prefixLen = n.pool.prefixLen;
    ep.gateway = n.internal ? null : n.pool.gateway;
    if (n.enableIPv6 && n.pool6) {
      ep.ipv6 = requestAddress6(n.pool6, null);
      ep.prefixLen6 = n.pool6.prefixLen;
      ep.gateway6 = n.internal ? null : n.pool6.gateway;
    }
    ep.mac = cfg.macAddress !== '' ? cfg.macAddress.toLowerCase() : macFromIp(ep.ipv4);
    const pair = bridgeCreateEndpoint(ctx, st.hostNs, n);
    ep.hostVethName = pair.hostName;
    ep.hostVethDev = pair.hostDev;
    ep.containerDev = pair.containerDev;
    const prefix = n.options[OPT_IFACE_PREFIX] ?? 'eth';
    const idx = sb.nextIfIndex[prefix] ?? 0;
    sb.nextIfIndex[prefix] = idx + 1;
    ep.ifName = `${prefix}${idx}`;
    bridgeJoin(ctx, pair.containerDev, {
      sandboxNs: sb.ns,
      ifName: ep.ifName,
      mac: ep.mac,
      addr: ep.ipv4,
      prefixLen: ep.prefixLen,
      addr6: ep.ipv6 ? { addr: ep.ipv6, prefixLen: ep.prefixLen6 ?? 64 } : null,
    });
  }
  st.endpoints[ep.id] = ep;
  sb.endpoints.push(ep.id);
  const nc = c.networks[n.name];
  if (nc) {
    nc.networkId = n.id;
    nc.endpointId = ep.id;
    nc.gateway = ep.gateway === null ? '' : formatIp4(ep.gateway);
    nc.ipAddress = ep.ipv4 === null ? '' : formatIp4(ep.ipv4);
    nc.ipPrefixLen = ep.ipv4 === null ? 0 : ep.prefixLen;
    if (ep.ipv6) {
      nc.globalIPv6Address = ep.ipv6;
      nc.globalIPv6PrefixLen = ep.prefixLen6 ?? 0;
      nc.ipv6Gateway = ep.gateway6 ?? '';
    }
    nc.mac = ep.mac ?? '';
    nc.dnsNames = ep.dnsNames.length > 0 ? [...ep.dnsNames] : null;
  }
  if (ep.dnsNames.length > 0) startResolver(ctx, sb);
  updateGateway(ctx, st, sb);
  return ep;
}

/** ep.Leave + ep.Delete: ports, route, interface and address go. */
export function leaveNetwork(
  ctx: KernelCtx,
  st: DockerState,
  sb: DockerSandbox,
  ep: DockerEndpoint,
  reelect = true,
): void {
  const n = st.networks[ep.networkId];
  const wasGateway = sb.gatewayEndpoint === ep.id;
  if (wasGateway) {
    unmapPorts(ctx, st, n, ep);
    clearConntrackEntries(ctx, st, ep);
    setDefaultRoute(ctx, sb, ep, false);
    sb.gatewayEndpoint = null;
  }
  bridgeDeleteEndpoint(ctx, ep.hostVethDev, ep.containerDev);
  if (n?.pool && ep.ipv4 !== null) releaseAddress(n.pool, ep.ipv4);
  if (n?.pool6 && ep.ipv6) releaseAddress6(n.pool6, ep.ipv6);
  sb.endpoints = sb.endpoints.filter((id) => id !== ep.id);
  delete st.endpoints[ep.id];
  if (reelect && wasGateway) updateGateway(ctx, st, sb);
}

export function endpointOf(st: DockerState, c: DockerContainer, n: DockerNetwork): DockerEndpoint | null {
  return Object.values(st.endpoints).find((e) => e.containerId === c.id && e.networkId === n.id) ?? null;
}
