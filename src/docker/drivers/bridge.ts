/**
 * The bridge driver (libnetwork/drivers/bridge): a Linux bridge per network with the gateway address, its
 * iptables rules, and per endpoint a veth pair whose container end joins the sandbox.
 *
 * Order follows bridge_linux.go: createNetwork (setupDevice with a 02:42 MAC, optional MTU, setupBridgeIPv4,
 * the iptables steps, setupDeviceUp); CreateEndpoint (two random veth names, the pair created in the host
 * namespace with txqueuelen 0 so the container end is registered first and has the lower ifindex, host end
 * enslaved and up); Join via osl AddInterface (moved, renamed to <prefix><n>, MAC 02:42:<ip>, IPv6 disabled on
 * a network without IPv6 since v26.0.2, address with broadcast, up).
 */
import type { Cidr4, Ip4 } from '../../lib';
import { broadcastOf, formatIp4 } from '../../lib';
import type { DevId, KernelCtx, NsId } from '../../kernel';
import {
  brAddIf,
  changeNetns,
  createBridge,
  createVethPair,
  devByName,
  inet6AddAddr,
  inetAddAddr,
  openDevice,
  renameDevice,
  setDisableIpv6,
  setIpv6Forwarding,
  setMac,
  setMtu,
  unregisterDevice,
  xaGet,
} from '../../kernel';
import { DockerError } from '../errors';
import { randomDockerMac, randomVethName } from '../ids';
import type { DockerNetwork } from '../state';
import { programBridgeNetwork, unprogramBridgeNetwork, type BridgeRuleConfig } from './bridge_rules';

export const OPT_BRIDGE_NAME = 'com.docker.network.bridge.name';
export const OPT_ICC = 'com.docker.network.bridge.enable_icc';
export const OPT_MASQUERADE = 'com.docker.network.bridge.enable_ip_masquerade';
export const OPT_HOST_BINDING = 'com.docker.network.bridge.host_binding_ipv4';
export const OPT_MTU = 'com.docker.network.driver.mtu';
export const OPT_DEFAULT_BRIDGE = 'com.docker.network.bridge.default_bridge';
export const OPT_IFACE_PREFIX = 'com.docker.network.container_iface_prefix';

function must<T>(r: { ok: true; value: T } | { ok: false; error: { errno: string } }, what: string): T {
  if (!r.ok) throw new DockerError('system', `${what}: ${r.error.errno}`);
  return r.value;
}

export function ruleConfig(n: DockerNetwork): BridgeRuleConfig {
  if (!n.pool || !n.bridgeName) throw new Error(`docker: network ${n.name} has no bridge`);
  return {
    bridge: n.bridgeName,
    subnet: { addr: n.pool.subnet, prefixLen: n.pool.prefixLen },
    internal: n.internal,
    icc: n.icc,
    masquerade: n.masquerade,
  };
}

function mtuOf(n: DockerNetwork): number | null {
  const v = n.options[OPT_MTU];
  return v === undefined || Number(v) <= 0 ? null : Number(v);
}

/** createNetwork: the bridge device and its rules; fills n.bridgeDev. */
export function bridgeCreateNetwork(ctx: KernelCtx, hostNs: NsId, n: DockerNetwork): void {
  if (!n.pool || n.pool.gateway === null || !n.bridgeName)
    throw new Error('docker: bridge network without pool');
  if (devByName(ctx.k, hostNs, n.bridgeName)) {
    throw new DockerError('system', `bridge ${n.bridgeName} already exists`);
  }
  // setupDevice hands the MAC to RTM_NEWLINK; br_dev_newlink then runs br_stp_change_bridge_id, whose port
  // state selection turns the carrier off: a Docker bridge reads NO-CARRIER until a port forwards.
  const br = must(createBridge(ctx, { ns: hostNs, name: n.bridgeName, txqlen: 0 }), 'bridge');
  must(setMac(ctx, br.id, randomDockerMac(ctx.rng)), 'bridge mac');
  const mtu = mtuOf(n);
  if (mtu !== null) must(setMtu(ctx, br.id, mtu), 'mtu');
  must(
    inetAddAddr(ctx, br.id, {
      local: n.pool.gateway,
      prefixLen: n.pool.prefixLen,
      broadcast: broadcastOf(n.pool.gateway, n.pool.prefixLen),
    }),
    'bridge address',
  );
  if (n.enableIPv6 && n.pool6?.gateway) {
    // setupBridgeIPv6: IPv6 on, the gateway with the subnet's length (IFA_F_NODAD); setupIPv6Forwarding.
    setDisableIpv6(ctx, br.id, 0);
    must(
      inet6AddAddr(ctx, br.id, { addr: n.pool6.gateway, prefixLen: n.pool6.prefixLen, nodad: true }),
      'bridge IPv6 address',
    );
    setIpv6Forwarding(ctx, hostNs, 1);
  }
  programBridgeNetwork(ctx, hostNs, ruleConfig(n));
  openDevice(ctx, br.id);
  n.bridgeDev = br.id;
}

export function bridgeDeleteNetwork(ctx: KernelCtx, hostNs: NsId, n: DockerNetwork): void {
  unprogramBridgeNetwork(ctx, hostNs, ruleConfig(n));
  if (n.bridgeDev && xaGet(ctx.k.devices, n.bridgeDev)) unregisterDevice(ctx, n.bridgeDev);
  n.bridgeDev = null;
}

export interface VethPair {
  hostName: string;
  hostDev: DevId;
  containerDev: DevId;
}

/** CreateEndpoint: the veth pair in the host namespace, host end on the bridge and up. */
export function bridgeCreateEndpoint(ctx: KernelCtx, hostNs: NsId, n: DockerNetwork): VethPair {
  if (!n.bridgeDev) throw new Error('docker: bridge network without device');
  const hostName = freeVethName(ctx, hostNs);
  const ctrName = freeVethName(ctx, hostNs, hostName);
  const pair = must(
    createVethPair(ctx, { ns: hostNs, name: hostName, txqlen: 0 }, { ns: hostNs, name: ctrName, txqlen: 0 }),
    'veth',
  );
  const mtu = mtuOf(n);
  if (mtu !== null) {
    must(setMtu(ctx, pair.dev, mtu), 'mtu');
    must(setMtu(ctx, pair.peer, mtu), 'mtu');
  }
  must(brAddIf(ctx, n.bridgeDev, pair.dev), 'master');
  openDevice(ctx, pair.dev);
  return { hostName, hostDev: pair.dev, containerDev: pair.peer };
}

/** GenerateIfaceName: up to three tries for a name nobody uses. */
function freeVethName(ctx: KernelCtx, ns: NsId, avoid?: string): string {
  for (let i = 0; i < 3; i++) {
    const name = randomVethName(ctx.rng);
    if (name !== avoid && !devByName(ctx.k, ns, name)) return name;
  }
  throw new DockerError('system', 'could not generate interface name');
}

export interface JoinSpec {
  sandboxNs: NsId;
  ifName: string;
  mac: string;
  addr: Ip4;
  prefixLen: number;
  /** The IPv6 address on an IPv6 network (null: IPv6 is disabled on the interface). */
  addr6: { addr: string; prefixLen: number } | null;
}

/** osl AddInterface: move, rename, MAC, IPv6 on or off (and its address), IPv4 address, up. */
export function bridgeJoin(ctx: KernelCtx, containerDev: DevId, j: JoinSpec): void {
  must(changeNetns(ctx, containerDev, j.sandboxNs), 'netns');
  must(renameDevice(ctx, containerDev, j.ifName), 'rename');
  must(setMac(ctx, containerDev, j.mac), 'mac');
  // setInterfaceIPv6: IPv6 on only when the network has it, the address without DAD.
  setDisableIpv6(ctx, containerDev, j.addr6 ? 0 : 1);
  if (j.addr6)
    must(
      inet6AddAddr(ctx, containerDev, { addr: j.addr6.addr, prefixLen: j.addr6.prefixLen, nodad: true }),
      'IPv6 address',
    );
  must(
    inetAddAddr(ctx, containerDev, {
      local: j.addr,
      prefixLen: j.prefixLen,
      broadcast: broadcastOf(j.addr, j.prefixLen),
    }),
    'address',
  );
  openDevice(ctx, containerDev);
}

/** Leave + DeleteEndpoint: the host end goes and takes its peer with it. */
export function bridgeDeleteEndpoint(
  ctx: KernelCtx,
  hostDev: DevId | null,
  containerDev: DevId | null,
): void {
  if (hostDev && xaGet(ctx.k.devices, hostDev)) unregisterDevice(ctx, hostDev);
  else if (containerDev && xaGet(ctx.k.devices, containerDev)) unregisterDevice(ctx, containerDev);
}

export function cidrText(c: Cidr4): string {
  return `${formatIp4(c.addr)}/${c.prefixLen}`;
}
