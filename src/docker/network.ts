/**
 * Networks, as the daemon and libnetwork's controller manage them: lookup by id, name or id prefix
 * (daemon/network.go FindNetwork), creation with IPAM and the driver (controller.NewNetwork +
 * ipamAllocate), removal (daemon DeleteNetwork: predefined networks and networks with live endpoints are
 * refused). Errors carry the daemon's v27.5.1 wording.
 */
import type { Cidr4, Ip4 } from '../lib';
import { formatIp4, networkOf, parseCidr4, parseIp4 } from '../lib';
import type { KernelCtx } from '../kernel';
import { RT_TABLE_MAIN, xaGet } from '../kernel';
import { DockerError, NotSimulatedError, conflict, forbidden, invalid, notFound } from './errors';
import { generateId, shortId } from './ids';
import { allocatePredefinedSubnet, checkUserSubnet, newPool, requestAddress } from './ipam';
import { allocateUla64, newPool6, requestAddress6 } from './ipam6';
import { ENGINE_ID, type DockerNetwork, type DockerState, type DriverName } from './state';
import {
  OPT_BRIDGE_NAME,
  OPT_HOST_BINDING,
  OPT_ICC,
  OPT_MASQUERADE,
  bridgeCreateNetwork,
  bridgeDeleteNetwork,
} from './drivers/bridge';

export const PREDEFINED = ['bridge', 'host', 'none', 'default'] as const;

/** daemon.FindNetwork */
export function findNetwork(st: DockerState, term: string): DockerNetwork {
  const all = Object.values(st.networks);
  const byId = all.find((n) => n.id === term);
  if (byId) return byId;
  const byName = all.filter((n) => n.name === term);
  if (byName.length === 1) return byName[0] as DockerNetwork;
  if (byName.length > 1)
    throw invalid(`network ${term} is ambiguous (${byName.length} matches found on name)`);
  const byPrefix = term === '' ? [] : all.filter((n) => n.id.startsWith(term));
  if (byPrefix.length === 1) return byPrefix[0] as DockerNetwork;
  if (byPrefix.length > 1)
    throw invalid(`network ${term} is ambiguous (${byPrefix.length} matches found based on ID prefix)`);
  throw notFound(`network ${term} not found`);
}

export function tryFindNetwork(st: DockerState, term: string): DockerNetwork | null {
  try {
    return findNetwork(st, term);
  } catch {
    return null;
  }
}

export interface IpamConfigRequest {
  subnet: string;
  ipRange: string;
  gateway: string;
  auxAddresses: Record<string, string>;
}

export interface NetworkCreateRequest {
  name: string;
  driver: string;
  internal: boolean;
  attachable: boolean;
  enableIPv6: boolean;
  ipamDriver: string;
  ipamOptions: Record<string, string> | null;
  ipam: IpamConfigRequest[];
  options: Record<string, string>;
  labels: Record<string, string>;
}

function parseStrictCidr(text: string, what: string, errs: string[]): Cidr4 | null {
  const c = text.includes('/') ? parseCidr4(text) : null;
  if (!c) {
    errs.push(`invalid ${what} ${text}: invalid CIDR block notation`);
    return null;
  }
  if (networkOf(c.addr, c.prefixLen) !== c.addr) {
    errs.push(
      `invalid ${what} ${text}: it should be ${formatIp4(networkOf(c.addr, c.prefixLen))}/${c.prefixLen}`,
    );
    return null;
  }
  return c;
}

interface ValidIpam {
  subnet: Cidr4;
  range: Cidr4 | null;
  gateway: Ip4 | null;
  aux: Record<string, Ip4>;
}

/** api/types/network/ipam.go ValidateIPAM (IPv4 configs). */
function validateIpam(cfgs: IpamConfigRequest[]): ValidIpam | null {
  const errs: string[] = [];
  let out: ValidIpam | null = null;
  for (const cfg of cfgs) {
    if (cfg.subnet.includes(':')) continue; // IPv6 configs are not simulated
    const subnet = parseStrictCidr(cfg.subnet, 'subnet', errs);
    if (!subnet) continue;
    let range: Cidr4 | null = null;
    if (cfg.ipRange !== '') {
      const r = parseStrictCidr(cfg.ipRange, 'ip-range', errs);
      if (r) {
        if (r.prefixLen < subnet.prefixLen)
          errs.push(
            `invalid ip-range ${cfg.ipRange}: CIDR block is bigger than its parent subnet ${cfg.subnet}`,
          );
        else if (networkOf(r.addr, subnet.prefixLen) !== subnet.addr)
          errs.push(`invalid ip-range ${cfg.ipRange}: parent subnet ${cfg.subnet} doesn't contain ip-range`);
        else range = r;
      }
    }
    let gateway: Ip4 | null = null;
    if (cfg.gateway !== '') {
      const g = parseIp4(cfg.gateway);
      if (g === null) errs.push(`invalid gateway ${cfg.gateway}: invalid address`);
      else if (networkOf(g, subnet.prefixLen) !== subnet.addr)
        errs.push(`invalid gateway ${cfg.gateway}: parent subnet ${cfg.subnet} doesn't contain this address`);
      else gateway = g;
    }
    const aux: Record<string, Ip4> = {};
    for (const [name, a] of Object.entries(cfg.auxAddresses)) {
      const v = parseIp4(a);
      if (v === null) errs.push(`invalid auxiliary address ${name}: invalid address`);
      else if (networkOf(v, subnet.prefixLen) !== subnet.addr)
        errs.push(
          `invalid auxiliary address ${name}: parent subnet ${cfg.subnet} doesn't contain this address`,
        );
      else aux[name] = v;
    }
    out ??= { subnet, range, gateway, aux };
  }
  if (errs.length === 1) throw invalid(`invalid network config:\n${errs[0]}`);
  if (errs.length > 1) throw invalid(`invalid network config:\n* ${errs.join('\n* ')}`);
  return out;
}

/** InferReservedNetworks: the host's nameservers and its on-link (scope link) IPv4 routes. */
export function reservedNetworks(ctx: KernelCtx, st: DockerState, nameservers: Ip4[]): Cidr4[] {
  const out: Cidr4[] = nameservers.map((a) => ({ addr: a, prefixLen: 32 }));
  for (const r of xaGet(ctx.k.netns, st.hostNs)?.fib4[RT_TABLE_MAIN] ?? []) {
    if (r.scope === 'link' && r.gateway === null) out.push({ addr: r.dst, prefixLen: r.dstLen });
  }
  return out;
}

function boolOpt(v: string | undefined, dflt: boolean): boolean {
  if (v === undefined) return dflt;
  return v === 'true' || v === '1' || v === 'True' || v === 'TRUE' || v === 't' || v === 'T';
}

/**
 * The driver name as registered (bridge, host, null); other names are plugins that do not exist here. The
 * daemon's other built-in drivers (docker info lists ipvlan and macvlan) are not modelled: said so, not
 * reported missing.
 */
function checkDriver(d: string): DriverName {
  if (d === 'bridge' || d === 'host' || d === 'null') return d;
  if (d === 'macvlan' || d === 'ipvlan')
    throw new NotSimulatedError(
      `the ${d} network driver is not simulated here; bridge, host and none networks are`,
    );
  // daemon/network.go createNetwork: overlay networks need swarm mode (checked before the driver lookup).
  if (d === 'overlay')
    throw forbidden(
      'This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.',
    );
  throw notFound(`plugin "${d}" not found`);
}

/** daemon.CreateNetwork + controller.NewNetwork for local-scope drivers. */
export function createNetwork(
  ctx: KernelCtx,
  st: DockerState,
  req: NetworkCreateRequest,
  opts: { nameservers: Ip4[]; id?: string; defaultBridge?: boolean; predefined?: boolean },
): DockerNetwork {
  if (!opts.predefined && (PREDEFINED as readonly string[]).includes(req.name)) {
    throw forbidden(`operation is not permitted on predefined ${req.name} network `);
  }
  if (Object.values(st.networks).some((n) => n.name === req.name)) {
    throw conflict(`network with name ${req.name} already exists`);
  }
  const driver = checkDriver(req.driver);
  if (driver !== 'bridge' && Object.values(st.networks).some((n) => n.driver === driver)) {
    throw forbidden(`only one instance of "${driver}" network is allowed`);
  }
  const id = opts.id ?? generateId(ctx.rng);
  const net: DockerNetwork = {
    id,
    name: req.name,
    driver,
    createdUs: ctx.clock.nowUs,
    internal: req.internal,
    attachable: req.attachable,
    enableIPv6: req.enableIPv6,
    ipamOptions: req.ipamOptions,
    userSubnet: false,
    pool: null,
    ipv6Configs: req.ipam
      .filter((c) => c.subnet.includes(':'))
      .map((c) => ({ subnet: c.subnet, ipRange: c.ipRange, gateway: c.gateway })),
    options: { ...req.options },
    labels: { ...req.labels },
    bridgeName: null,
    bridgeDev: null,
    icc: boolOpt(req.options[OPT_ICC], true),
    masquerade: boolOpt(req.options[OPT_MASQUERADE], true),
    hostBindingIpv4: parseIp4(req.options[OPT_HOST_BINDING] ?? '0.0.0.0') ?? 0,
    defaultBridge: opts.defaultBridge ?? false,
  };
  if (driver === 'bridge') {
    const v = validateIpam(req.ipam);
    let subnet: Cidr4;
    if (v) {
      checkUserSubnet(st, v.subnet);
      subnet = v.subnet;
      net.userSubnet = true;
    } else {
      subnet = allocatePredefinedSubnet(st, reservedNetworks(ctx, st, opts.nameservers));
    }
    const pool = newPool(subnet, v?.range ?? null, v?.aux ?? {});
    // ipamAllocateVersion: the gateway first (the lowest free address unless given), then the aux addresses.
    pool.gateway = requestAddress(pool, v?.gateway ?? null);
    for (const a of Object.values(pool.aux)) if (!pool.allocated.includes(a)) requestAddress(pool, a);
    net.pool = pool;
    // The IPv6 pool of an --ipv6 network, from its IPv6 subnet; the gateway is requested first as for IPv4.
    // Without one, Docker 27 takes the lowest free /64 of its ULA prefix (derived from the engine ID).
    const v6 = req.enableIPv6 ? req.ipam.find((c) => c.subnet.includes(':')) : undefined;
    const pool6 = v6 ? newPool6(v6.subnet) : req.enableIPv6 ? newPool6(allocateUla64(st, ENGINE_ID)) : null;
    if (pool6) {
      pool6.gateway = requestAddress6(pool6, v6 && v6.gateway !== '' ? v6.gateway : null);
      net.pool6 = pool6;
    }
    net.bridgeName = req.options[OPT_BRIDGE_NAME] ?? `br-${shortId(id)}`;
    bridgeCreateNetwork(ctx, st.hostNs, net);
  }
  st.networks[id] = net;
  return net;
}

/** Endpoints of a network that belong to a live sandbox. */
export function activeEndpoints(st: DockerState, n: DockerNetwork) {
  return Object.values(st.endpoints).filter((e) => e.networkId === n.id);
}

/** daemon.deleteNetwork */
export function removeNetwork(ctx: KernelCtx, st: DockerState, term: string): DockerNetwork {
  const n = findNetwork(st, term);
  if (n.defaultBridge || n.driver === 'host' || n.driver === 'null') {
    throw forbidden(`${n.name} is a pre-defined network and cannot be removed`);
  }
  if (activeEndpoints(st, n).length > 0) {
    throw new DockerError(
      'forbidden',
      `error while removing network: network ${n.name} id ${n.id} has active endpoints`,
    );
  }
  if (n.driver === 'bridge') bridgeDeleteNetwork(ctx, st.hostNs, n);
  delete st.networks[n.id];
  return n;
}

/** Whether a network is user-defined (NetworkMode.IsUserDefined: not bridge, host, none, default, container:). */
export function isUserDefinedName(name: string): boolean {
  return (
    !(['bridge', 'host', 'none', 'default'] as const).includes(name as 'bridge') &&
    !name.startsWith('container:')
  );
}
