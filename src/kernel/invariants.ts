/**
 * Invariants of the kernel state that every operation must keep (DESIGN.md section 3). Checked at the
 * transaction boundary in tests and development; a violation is a simulator bug, never a user error.
 */
import { nameKey } from './context';
import type { KernelState, NetDevice } from './types';
import { xaGet, xaValues, xaViolations } from './xarray';

export function kernelInvariantViolations(k: KernelState): string[] {
  const out: string[] = [];
  const bad = (msg: string) => out.push(msg);
  for (const v of [...xaViolations(k.netns, 'netns'), ...xaViolations(k.devices, 'devices')]) bad(v);
  if (!xaGet(k.netns, k.rootNs)) bad(`rootNs ${k.rootNs} does not exist`);
  for (const [name, ns] of Object.entries(k.namedNs))
    if (!xaGet(k.netns, ns)) bad(`netns name ${name} -> missing ${ns}`);

  for (const n of xaValues(k.netns)) {
    const names = new Set<string>();
    for (const [idx, id] of Object.entries(n.byIndex)) {
      const d = xaGet(k.devices, id);
      if (!d) {
        bad(`${n.id}: ifindex ${idx} -> missing device ${id}`);
        continue;
      }
      if (d.ns !== n.id || d.ifindex !== Number(idx))
        bad(`${n.id}: ifindex ${idx} -> ${d.name} says ${d.ns}/${d.ifindex}`);
      if (names.has(d.name)) bad(`${n.id}: two devices named ${d.name}`);
      names.add(d.name);
      if (n.byName[nameKey(d.name)] !== d.id) bad(`${n.id}: ${d.name} (${d.id}) not in the name hash`);
    }
    if (Object.keys(n.byName).length !== names.size)
      bad(`${n.id}: name hash has ${Object.keys(n.byName).length} names for ${names.size} devices`);
    if (n.ifindexNext < 1) bad(`${n.id}: ifindexNext ${n.ifindexNext}`);
    for (const [table, routes] of Object.entries(n.fib4)) {
      for (const r of routes) {
        if (r.dev !== null && xaGet(k.devices, r.dev)?.ns !== n.id)
          bad(`${n.id}: table ${table} route via missing/foreign device ${r.dev}`);
        if ((r.dst & (r.dstLen === 0 ? 0 : (0xffffffff << (32 - r.dstLen)) >>> 0)) >>> 0 !== r.dst)
          bad(`${n.id}: route ${r.dst}/${r.dstLen} has host bits`);
      }
    }
    for (const e of n.neigh)
      if (xaGet(k.devices, e.dev)?.ns !== n.id) bad(`${n.id}: neighbour on missing/foreign device ${e.dev}`);
    for (const [peer, id] of Object.entries(n.netnsids)) {
      if (!xaGet(k.netns, peer)) bad(`${n.id}: netnsid ${id} for dead namespace ${peer}`);
    }
  }

  for (const d of xaValues(k.devices)) {
    if (xaGet(k.netns, d.ns)?.byIndex[d.ifindex] !== d.id) bad(`${d.name} (${d.id}) not indexed in ${d.ns}`);
    checkLinks(k, d, bad);
    // __inet_insert_ifa() refuses the same local address with the same mask only: 10.0.0.1/24 and
    // 10.0.0.1/16 may both be on a device.
    const locals = new Set<string>();
    for (const a of d.inet) {
      const key = `${a.local}/${a.prefixLen}`;
      if (locals.has(key)) bad(`${d.name}: address ${key} twice`);
      locals.add(key);
    }
  }

  for (let i = 1; i < k.queue.length; i++) {
    const a = k.queue[i - 1];
    const b = k.queue[i];
    if (a && b && (a.atUs > b.atUs || (a.atUs === b.atUs && a.seq > b.seq)))
      bad(`event queue out of order at ${i}`);
  }
  return out;
}

function checkLinks(k: KernelState, d: NetDevice, bad: (m: string) => void): void {
  switch (d.kind) {
    case 'veth': {
      const p = xaGet(k.devices, d.peer);
      if (!p || p.kind !== 'veth' || p.peer !== d.id) bad(`veth ${d.name}: peer ${d.peer} is not symmetric`);
      break;
    }
    case 'ether':
      if (d.wire !== null) {
        const w = xaGet(k.devices, d.wire);
        if (!w || w.kind !== 'ether' || w.wire !== d.id) bad(`nic ${d.name}: cable is not symmetric`);
      }
      break;
    case 'bridge':
      for (const p of d.bridge.ports) {
        const port = xaGet(k.devices, p);
        if (!port) bad(`bridge ${d.name}: port ${p} missing`);
        else if (port.master !== d.id || port.ns !== d.ns || !port.port)
          bad(`bridge ${d.name}: port ${port.name} inconsistent`);
      }
      for (const f of d.bridge.fdb) {
        if (f.dev !== d.id && !d.bridge.ports.includes(f.dev))
          bad(`bridge ${d.name}: fdb entry on non-port ${f.dev}`);
      }
      break;
    case 'loopback':
      break;
  }
  if (d.master !== null) {
    const br = xaGet(k.devices, d.master);
    if (!br || br.kind !== 'bridge' || !br.bridge.ports.includes(d.id))
      bad(`${d.name}: master ${d.master} does not list it`);
  }
}
