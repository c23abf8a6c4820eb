/**
 * peernet2id_alloc (net/core/net_namespace.c): the id a namespace uses for a peer namespace, allocated
 * lowest-free (idr_alloc from 0) the first time a link notification names that peer. These are the
 * `link-netnsid N` numbers; an id is freed when its namespace dies and may then be reused.
 */
import type { KernelState, NsId } from './types';
import { nsOf } from './context';
import { xaGet } from './xarray';

export function peernetId(k: KernelState, ns: NsId, peer: NsId): number {
  const n = nsOf(k, ns);
  const existing = n.netnsids[peer];
  if (existing !== undefined) return existing;
  const used = new Set(Object.values(n.netnsids));
  let id = 0;
  while (used.has(id)) id++;
  n.netnsids[peer] = id;
  return id;
}

/** The id without allocating (dumps that must not change state, e.g. a read-only projection). */
export function peernetIdIfAny(k: KernelState, ns: NsId, peer: NsId): number | null {
  return xaGet(k.netns, ns)?.netnsids[peer] ?? null;
}
