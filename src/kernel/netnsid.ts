/**
 * peernet2id_alloc (net/core/net_namespace.c): the id a namespace uses for a peer namespace, allocated
 * lowest-free (idr_alloc from 0) the first time a link notification names that peer. These are the
 * `link-netnsid N` numbers; an id is freed when its namespace dies and may then be reused.
 */
import type { KernelState, NsId } from './types';
import { nsOf } from './context';
import { xaGet } from './xarray';
import { kerr, kok, type KResult } from './errno';

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

/**
 * rtnl_net_newid() (RTM_NEWNSID, `ip netns set NAME NSID|auto`): a peer that has an id already keeps it
 * (EEXIST), a requested id must be free (alloc_netid with [nsid, nsid+1) fails ENOSPC, reported as
 * EEXIST), `auto` (-1) takes the lowest free one.
 */
export function setPeernetId(k: KernelState, ns: NsId, peer: NsId, nsid: number): KResult<number> {
  const n = nsOf(k, ns);
  if (n.netnsids[peer] !== undefined) return kerr('EEXIST', 'Peer netns already has a nsid assigned');
  if (nsid < 0) return kok(peernetId(k, ns, peer));
  if (Object.values(n.netnsids).includes(nsid)) return kerr('EEXIST', 'The specified nsid is already used');
  n.netnsids[peer] = nsid;
  return kok(nsid);
}
