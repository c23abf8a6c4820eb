/**
 * What every kernel function receives: the kernel state (an immer draft inside a transaction), the clock
 * and the PRNG (both owned by the World), a trace sink, and hooks the layers above provide.
 * Nothing in the kernel reads a real clock or Math.random: time and randomness come in here.
 */
import type { Ip4, RngState } from '../lib';
import type { TraceSink } from './trace';
import type { Clock, DevId, KernelState, NetDevice, NetNs, NsId, Peek, Put } from './types';
import { xaGet, xaPeek } from './xarray';

/** Services the kernel calls out to; implemented above it (the Docker engine's DNS, for one). */
export interface KernelHooks {
  /** Resolve a name for a DNS query arriving at a 'dns' socket in `ns` (Docker's embedded resolver). */
  dnsResolve?: (ns: NsId, qname: string, serverIp: Ip4) => Ip4[] | null;
  /** A background program (process `pid` in `ns`) wrote to its stdout: the engine appends it to a container's log. */
  programOutput?: (ns: NsId, pid: number, text: string) => void;
}

export interface KernelCtx {
  k: KernelState;
  clock: Clock;
  rng: RngState;
  trace: TraceSink;
  hooks: KernelHooks;
  /** Remaining events this command may process before the scheduler stops it (bridge loops, floods). */
  budget: { events: number };
  /**
   * Called by the scheduler before it handles each queued event (a frame arriving, a timer): the step
   * player's recorder takes a snapshot of the World there. Unset in normal runs.
   */
  onStep?: () => void;
  /**
   * Read a part of `k` without drafting it: the part's current content, whose own parts may still be drafts or
   * the previous World's objects (peek them too). Never write through what it returns. Inside a transaction,
   * reading through the draft makes a proxy of every object touched; a packet crossing Docker's iptables
   * reads a few hundred rules. Unset outside transactions (`k` is then plain data): `peek` returns `x`.
   */
  peek?: Peek;
  /**
   * `parent[key] = value` for a value holding no drafts below its top level (objects made fresh in this call,
   * the previous World's objects read through `peek`): immer walks every new object put into a draft at the
   * end of the transaction to find drafts nested in it, and a table rebuilt from its peeked rows (a chain's
   * rules, a routing table) or a new namespace is a few dozen objects to walk. A new array whose own elements
   * are drafts is assigned the ordinary way. Unset outside transactions: a plain assignment.
   */
  put?: Put;
}

export type { Peek, Put } from './types';

/** ctx.peek, or nothing to unwrap. */
export function peekOf(ctx: KernelCtx): Peek {
  return ctx.peek ?? ((x) => x);
}

function assign<T extends object, K extends keyof T>(parent: T, key: K, value: T[K]): void {
  parent[key] = value;
}

/** ctx.put, or a plain assignment. */
export function putOf(ctx: KernelCtx): Put {
  return ctx.put ?? assign;
}

export function nsOf(k: KernelState, ns: NsId): NetNs {
  const n = xaGet(k.netns, ns);
  if (!n) throw new Error(`kernel: no namespace ${ns}`);
  return n;
}

export function devOf(k: KernelState, dev: DevId): NetDevice {
  const d = xaGet(k.devices, dev);
  if (!d) throw new Error(`kernel: no device ${dev}`);
  return d;
}

/** The key of a device name in `NetNs.byName` (a prefix keeps every name clear of Object.prototype). */
export function nameKey(name: string): string {
  return `:${name}`;
}

/**
 * A device as it is now, for reading only (ctx.peek): looking a device up through the draft drafts it, and
 * the link-state code reads a peer or a bridge's ports far more often than it writes them.
 */
export function peekDev(ctx: KernelCtx, id: DevId): NetDevice | undefined {
  const peek = peekOf(ctx);
  return xaPeek(peek, ctx.k.devices, id);
}

/** A namespace as it is now, for reading only (ctx.peek), as peekDev for devices. */
export function peekNs(ctx: KernelCtx, ns: NsId): NetNs | undefined {
  const peek = peekOf(ctx);
  return xaPeek(peek, ctx.k.netns, ns);
}

/** nsOf for reading only: the namespace as it is now; throws when there is none. */
export function peekNsOf(ctx: KernelCtx, ns: NsId): NetNs {
  const n = peekNs(ctx, ns);
  if (!n) throw new Error(`kernel: no namespace ${ns}`);
  return n;
}

/** __dev_get_by_name: a device of this namespace by name (the namespace's name hash, netdev_name_node_lookup). */
export function devByName(k: KernelState, ns: NsId, name: string): NetDevice | null {
  const id = xaGet(k.netns, ns)?.byName[nameKey(name)];
  return id === undefined ? null : (xaGet(k.devices, id) ?? null);
}

/** __dev_get_by_index */
export function devByIndex(k: KernelState, ns: NsId, ifindex: number): NetDevice | null {
  const id = xaGet(k.netns, ns)?.byIndex[ifindex];
  return id === undefined ? null : (xaGet(k.devices, id) ?? null);
}

/**
 * Devices of a namespace in ifindex order (the order of `ip link` dumps): `byIndex` is keyed by ifindex, and
 * integer keys enumerate in ascending order (ECMAScript OrdinaryOwnPropertyKeys), so no sort.
 */
export function devicesOf(k: KernelState, ns: NsId): NetDevice[] {
  const n = xaGet(k.netns, ns);
  if (!n) return [];
  const out: NetDevice[] = [];
  for (const id of Object.values(n.byIndex)) {
    const d = xaGet(k.devices, id);
    if (d !== undefined) out.push(d);
  }
  return out;
}

export function nextOrderSeq(k: KernelState): number {
  return k.nextOrderSeq++;
}
