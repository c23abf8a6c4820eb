/**
 * Invariants of the engine's state that every operation must keep, against the kernel it drives: what
 * libnetwork's store and the daemon's container store promise each other (an endpoint belongs to one network
 * and one sandbox, a running container has a namespace, IPAM hands an address out once, a port has one
 * owner). Checked by the property tests after every line; a violation is a simulator bug, never a
 * user error (kernel/invariants.ts is the kernel's half).
 */
import type { KernelState } from '../kernel';
import type { DockerState } from './state';
import { xaGet } from '../kernel';

export function dockerInvariantViolations(d: DockerState, k: KernelState): string[] {
  const out: string[] = [];
  const bad = (msg: string) => out.push(msg);
  if (!d.started) return out;
  if (!xaGet(k.netns, d.hostNs)) bad(`hostNs ${d.hostNs} does not exist`);

  // docker pause freezes the container's cgroup and nothing else: a frozen group is a paused, running one.
  for (const c of Object.values(d.containers))
    if (c.paused && (c.status !== 'running' || !k.frozen?.[c.id]))
      bad(`container ${c.name}: paused, not frozen`);
  for (const group of Object.keys(k.frozen ?? {}))
    if (!d.containers[group]?.paused) bad(`cgroup ${group} frozen, no paused container`);

  const netNames = new Set<string>();
  for (const [id, n] of Object.entries(d.networks)) {
    if (n.id !== id) bad(`network ${n.name} stored under ${id}`);
    // daemon/network.go createNetwork refuses a second network of the same name.
    if (netNames.has(n.name)) bad(`two networks named ${n.name}`);
    netNames.add(n.name);
    // The user may delete or rename the bridge (`ip link del docker0`): libnetwork keeps its config, so only
    // a device that is there must be a bridge.
    const br = n.bridgeDev === null ? undefined : xaGet(k.devices, n.bridgeDev);
    if (br && br.kind !== 'bridge') bad(`network ${n.name}: bridge ${n.bridgeName} is a ${br.kind}`);
    const pool = n.pool;
    if (pool) {
      const mask = pool.prefixLen === 0 ? 0 : (0xffffffff << (32 - pool.prefixLen)) >>> 0;
      for (let i = 0; i < pool.allocated.length; i++) {
        const a = pool.allocated[i] as number;
        if ((a & mask) >>> 0 !== pool.subnet) bad(`network ${n.name}: allocated ${a} outside the subnet`);
        if (i > 0 && (pool.allocated[i - 1] as number) >= a)
          bad(`network ${n.name}: allocations not ascending/unique at ${i}`);
      }
    }
  }

  for (const [id, e] of Object.entries(d.endpoints)) {
    const where = `endpoint ${e.name} (${id})`;
    const net = d.networks[e.networkId];
    if (!net) bad(`${where}: network ${e.networkId} missing`);
    const sb = d.sandboxes[e.sandboxId];
    if (!sb) bad(`${where}: sandbox ${e.sandboxId} missing`);
    else if (!sb.endpoints.includes(id)) bad(`${where}: not listed by its sandbox`);
    if (!d.containers[e.containerId]) bad(`${where}: container ${e.containerId} missing`);
    // Its devices are the kernel's: the user may delete, move or unbridge the host veth, and nothing here
    // follows (as libnetwork does not), so they are not checked.
    if (e.ipv4 !== null && net?.pool && !net.pool.allocated.includes(e.ipv4))
      bad(`${where}: address ${e.ipv4} not allocated in ${net.name}`);
  }

  for (const [id, sb] of Object.entries(d.sandboxes)) {
    if (!d.containers[sb.containerId]) bad(`sandbox ${id}: container ${sb.containerId} missing`);
    if (!xaGet(k.netns, sb.ns)) bad(`sandbox ${id}: namespace ${sb.ns} missing`);
    for (const e of sb.endpoints) if (!d.endpoints[e]) bad(`sandbox ${id}: endpoint ${e} missing`);
    if (sb.gatewayEndpoint !== null && !sb.endpoints.includes(sb.gatewayEndpoint))
      bad(`sandbox ${id}: gateway endpoint ${sb.gatewayEndpoint} not joined`);
  }

  const names = new Set<string>();
  for (const [id, c] of Object.entries(d.containers)) {
    if (c.id !== id) bad(`container ${c.name} stored under ${id}`);
    if (names.has(c.name)) bad(`two containers named ${c.name}`);
    names.add(c.name);
    if (c.status === 'running') {
      if (c.ns === null || !xaGet(k.netns, c.ns)) bad(`container ${c.name} runs without a namespace`);
    } else if (c.sockets.length > 0) bad(`container ${c.name} is ${c.status} but holds sockets`);
    if (c.sandboxId !== null && !d.sandboxes[c.sandboxId])
      bad(`container ${c.name}: sandbox ${c.sandboxId} missing`);
  }

  const bound = new Set<string>();
  for (const p of d.ports) {
    const key = `${p.proto}/${p.hostIp}:${p.port}`;
    // portallocator: one owner per (proto, host IP, port).
    if (bound.has(key)) bad(`port ${key} allocated twice`);
    bound.add(key);
    if (!d.containers[p.containerId]) bad(`port ${key}: container ${p.containerId} missing`);
  }
  return out;
}
