/**
 * Network namespaces: creation, deletion, and the peer namespace ids that `link-netnsid N` prints.
 * Models net/core/net_namespace.c (copy_net_ns, cleanup_net, peernet2id_alloc).
 */
import type { KernelCtx } from './context';
import { devicesOf, nsOf, peekOf, putOf } from './context';
import { createLoopback } from './netdev/loopback';
import { changeNetns, unregisterDevice } from './netdev/dev';
import { defaultNsSysctl } from './sysctl';
import type { NetNs, NsId } from './types';
import { kerr, kok, type KResult } from './errno';
import { xaGet, xaPeekValues, xaSet, xaDelete } from './xarray';

export interface NewNsOptions {
  label: string;
  hidden?: boolean;
}

/** A fresh namespace: lo registered first (ifindex 1) and down, empty tables, default sysctls. */
export function createNetns(ctx: KernelCtx, opts: NewNsOptions): NsId {
  const { k } = ctx;
  const id: NsId = String(k.nextNsSeq++);
  const ns: NetNs = {
    id,
    label: opts.label,
    hidden: opts.hidden ?? false,
    ifindexNext: 1,
    byIndex: {},
    byName: {},
    netnsids: {},
    // fib4_rules_init creates local and main; "default" (253) only exists once a route goes there.
    fib4: { 255: [], 254: [] },
    rules: [
      { priority: 0, table: 255, src: null, srcLen: 0 },
      { priority: 32766, table: 254, src: null, srcLen: 0 },
      { priority: 32767, table: 253, src: null, srcLen: 0 },
    ],
    neigh: [],
    sysctl: defaultNsSysctl(),
    netfilter: { tables: {} },
    conntrack: [],
    sockets: [],
    nextEphemeralPort: 32768,
    nextPid: 100,
  };
  // Made here of fresh parts: nothing in it for immer to look for drafts in at the end.
  xaSet(k.netns, id, ns, putOf(ctx));
  createLoopback(ctx, id);
  return id;
}

/**
 * cleanup_net: every device of the namespace goes (a veth takes its peer with it, a physical NIC goes back
 * to the initial namespace), the namespace's sockets, conntrack and tables go, and every other namespace
 * forgets the id it had for this one.
 */
export function destroyNetns(ctx: KernelCtx, id: NsId): void {
  const { k } = ctx;
  if (id === k.rootNs) throw new Error('kernel: cannot destroy the initial namespace');
  for (const dev of devicesOf(k, id).reverse()) {
    if (!xaGet(k.devices, dev.id)) continue; // already gone with its veth peer
    if (dev.kind === 'ether') {
      moveBackToInitNet(ctx, dev.id);
      continue;
    }
    // cleanup_net() runs in a workqueue: what this teardown changes elsewhere (a bridge losing its last
    // port) reaches linkwatch's next batched run, not at once.
    unregisterDevice(ctx, dev.id, { deferred: true });
  }
  for (const [name, ns] of Object.entries(k.namedNs)) if (ns === id) delete k.namedNs[name];
  // Only the namespaces that have an id for this one change: the rest are read through peek, as drafting all of
  // them (a thousand at classroom scale) made every `docker rm` copy and walk each namespace at the line's end.
  for (const other of xaPeekValues(peekOf(ctx), k.netns))
    if (id in other.netnsids) delete nsOf(k, other.id).netnsids[id];
  k.queue = k.queue.filter((e) => !('ns' in e) || e.ns !== id);
  xaDelete(k.netns, id);
}

/** default_device_exit: a physical NIC goes back to the initial namespace instead of being destroyed. */
function moveBackToInitNet(ctx: KernelCtx, dev: string): void {
  const r = changeNetns(ctx, dev, ctx.k.rootNs);
  if (!r.ok) unregisterDevice(ctx, dev);
}

/** `ip netns add NAME`: a named namespace, listed under /run/netns. */
export function addNamedNetns(ctx: KernelCtx, name: string): KResult<NsId> {
  if (namedNetns(ctx.k, name) !== undefined) return kerr('EEXIST');
  const id = createNetns(ctx, { label: name });
  // A new object rather than `namedNs[name] = id`: assigning '__proto__' would set the prototype, and
  // Object.fromEntries defines it as the plain name it is under /run/netns.
  putOf(ctx)(ctx.k, 'namedNs', Object.fromEntries([...Object.entries(ctx.k.namedNs), [name, id]]));
  return kok(id);
}

/** The namespace a /run/netns name refers to: own names only ('constructor' is a name like any other). */
export function namedNetns(k: { namedNs: Record<string, NsId> }, name: string): NsId | undefined {
  return Object.hasOwn(k.namedNs, name) ? k.namedNs[name] : undefined;
}

/** `ip netns delete NAME`: the name goes; the namespace dies with it (nothing else holds it here). */
export function deleteNamedNetns(ctx: KernelCtx, name: string): KResult<void> {
  const id = namedNetns(ctx.k, name);
  if (id === undefined) return kerr('ENOENT');
  delete ctx.k.namedNs[name];
  destroyNetns(ctx, id);
  return kok(undefined);
}

export function nameOfNetns(ctx: { k: KernelCtx['k'] }, id: NsId): string | null {
  for (const [name, ns] of Object.entries(ctx.k.namedNs)) if (ns === id) return name;
  return null;
}
