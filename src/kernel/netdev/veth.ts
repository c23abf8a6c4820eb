/**
 * veth pairs (drivers/net/veth.c). veth_newlink registers the peer first, so the peer gets the lower ifindex
 * (in its own namespace when created there directly). Default names are "veth%d", peer first; both ends get
 * a random locally administered MAC, txqueuelen 1000 and mtu 1500 unless told otherwise.
 */
import type { Mac } from '../../lib';
import { BROADCAST_MAC, randomLocalMac } from '../../lib';
import type { KernelCtx } from '../context';
import { devByName } from '../context';
import { kerr, kok, type KResult } from '../errno';
import { peernetId } from '../netnsid';
import type { DevId, NsId, VethDevice } from '../types';
import { allocName, registerDevice, reserveIfindex, validDevName, validPattern } from './dev';
import { linkwatchFire } from './linkwatch';

export interface VethEnd {
  ns: NsId;
  name: string | null;
  mac?: Mac | null;
  mtu?: number | null;
  txqlen?: number | null;
  ifindex?: number | null;
}

export function createVethPair(
  ctx: KernelCtx,
  end: VethEnd,
  peer: VethEnd,
): KResult<{ dev: DevId; peer: DevId }> {
  const { k } = ctx;
  for (const e of [end, peer]) if (e.name !== null && !validDevName(e.name)) return kerr('EINVAL');
  // A name pattern ("veth%d") must hold one %d (dev_get_valid_name); its number is chosen at registration.
  for (const e of [end, peer]) if (e.name !== null && !validPattern(e.name)) return kerr('EINVAL');
  if (end.name !== null && devByName(k, end.ns, end.name)) return kerr('EEXIST');
  if (peer.name !== null && devByName(k, peer.ns, peer.name)) return kerr('EEXIST');
  if (end.name !== null && end.name === peer.name && end.ns === peer.ns && !end.name.includes('%')) {
    // veth_newlink() registers the peer first: it takes an ifindex before the device's own registration
    // fails on the name, and the index is not given back (dev_index_reserve allocates cyclically).
    reserveIfindex(ctx, peer.ns, peer.ifindex ?? null);
    return kerr('EEXIST');
  }
  const make = (e: VethEnd): VethDevice =>
    registerDevice(ctx, e.ns, {
      kind: 'veth',
      peer: '',
      name: allocName(ctx, e.ns, e.name ?? 'veth%d'),
      mac: e.mac ?? randomLocalMac(ctx.rng),
      broadcast: BROADCAST_MAC,
      mtu: e.mtu ?? 1500,
      txqlen: e.txqlen ?? 1000,
      adminUp: false,
      carrier: false,
      operstate: 'DOWN',
      master: null,
      group: 0,
      alias: null,
      port: null,
      ifindex: e.ifindex ?? null,
    }) as VethDevice;
  const p = make(peer);
  const d = make(end);
  p.peer = d.id;
  d.peer = p.id;
  // veth_newlink: netif_carrier_off() on both ends; linkwatch then computes their operstate
  // (LOWERLAYERDOWN when the peer is found in the same namespace, DOWN otherwise).
  linkwatchFire(ctx, p);
  linkwatchFire(ctx, d);
  // rtnl_configure_link() announces the new device once both ends are tied: that RTM_NEWLINK names the
  // peer's namespace, so the creating side gets an id for it. The peer was announced before it had a
  // peer: its namespace gets an id only with a later message about it (a dump, a change).
  if (p.ns !== d.ns) peernetId(k, d.ns, p.ns);
  return kok({ dev: d.id, peer: p.id });
}
