/**
 * `ip link add` (iproute2 6.1 ip/iplink.c iplink_modify with NLM_F_CREATE) and the kernel's rtnl_newlink:
 * the device is made in the request's `netns` (dest_net) or in ip's own namespace, a veth peer in its own
 * `netns` or in ip's (veth_newlink's link net); veth_validate / br_validate refuse a bad MTU or a multicast
 * address before anything is registered; a bridge whose options fail is unregistered again (its ifindex
 * stays used, as dev_index_reserve never gives one back).
 */
import type { Mac } from '../../../lib';
import type { DevId, KernelCtx, KernelError, NsId } from '../../../kernel';
import { createBridge, createVethPair, devByName, setMac, unregisterDevice } from '../../../kernel';
import type { CommandIO } from '../../types';
import { denied } from '../../capability';
import { type LinkRequest, emptyRequest, iplinkParse } from './link_parse';
import { fail, mtuError, setLink } from './link_setlink';
import { applyBridgeOpts, parseBridgeOpts } from './link_types';
import type { IpOpts } from './opts';
import { LlMap } from './rtnl/ll_map';
import { IpError, invalidArg, rtnlError } from './util';

/**
 * Link kinds iproute2 6.1 has an option parser for (ip/iplink_*.c, link_*.c): their options are its to
 * read, and the kernel then answers for the kind. Any other kind takes no options ("Garbage instead of").
 * Debian's ip takes words after `type dummy` too (the oracle kernel, without the module, then answers
 * "Unknown device type").
 */
const PARSED_KINDS = new Set([
  'dummy',
  'vlan',
  'macvlan',
  'macvtap',
  'ipvlan',
  'ipvtap',
  'vxlan',
  'geneve',
  'bareudp',
  'gre',
  'gretap',
  'erspan',
  'ip6gre',
  'ip6gretap',
  'ip6erspan',
  'ipip',
  'sit',
  'ip6tnl',
  'vti',
  'vti6',
  'xfrm',
  'bond',
  'bond_slave',
  'bridge_slave',
  'hsr',
  'macsec',
  'vrf',
  'can',
  'vxcan',
  'ipoib',
  'rmnet',
  'amt',
  'gtp',
]);

/** veth_parse_opt(): "peer" and the peer's own attributes (no type of its own); other words, the usage. */
function parseVethPeer(io: CommandIO, args: readonly string[]): LinkRequest | null {
  if (args.length === 0) return null;
  if (args[0] !== 'peer') {
    // veth_parse_opt() -> usage(): printed on stdout, and ip exits 1.
    io.out("Usage: ip link <options> type veth [peer <options>]\nTo get <options> type 'ip link add help'\n");
    throw new IpError('', 1);
  }
  const peer = emptyRequest();
  iplinkParse(io, args.slice(1), peer);
  if (peer.type !== null)
    throw new IpError(`Error: duplicate "type": "${peer.type}" is the second value.\n`, 255);
  return peer;
}

/** is_valid_ether_addr(): neither multicast nor all zeros. */
function badEtherAddr(mac: Mac | null): boolean {
  return mac !== null && ((parseInt(mac.slice(0, 2), 16) & 1) === 1 || mac === '00:00:00:00:00:00');
}

/** veth_validate() for one end's attributes: the address, then the MTU (ETH_MIN_MTU..ETH_MAX_MTU). */
function vethValidate(r: Pick<LinkRequest, 'mac' | 'macLen' | 'mtu'>): KernelError | null {
  if (r.mac !== null && r.macLen !== 6) return { errno: 'EINVAL' };
  if (badEtherAddr(r.mac)) return { errno: 'EADDRNOTAVAIL' };
  if (r.mtu !== null && (r.mtu < 68 || r.mtu > 65535)) return { errno: 'EINVAL' };
  return null;
}

function newVeth(
  ctx: KernelCtx,
  ns: NsId,
  r: LinkRequest,
  peer: LinkRequest | null,
  linkNs: NsId,
): { error: KernelError } | { id: DevId } {
  // veth_newlink(): without "peer" the peer is made from the device's own attributes (tbp = tb), which
  // gives it the same MTU and txqueuelen, but neither the name nor the address.
  const e = vethValidate(r) ?? (peer ? vethValidate(peer) : null);
  if (e) return { error: e };
  const res = createVethPair(
    ctx,
    { ns, name: r.dev, mac: r.mac, mtu: r.mtu, txqlen: r.txqlen, ifindex: r.index },
    {
      ns: peer?.netns ?? linkNs,
      name: peer?.dev ?? null,
      mac: peer?.mac ?? null,
      mtu: peer ? peer.mtu : r.mtu,
      txqlen: peer ? peer.txqlen : r.txqlen,
      ifindex: peer?.index ?? null,
    },
  );
  if (!res.ok) return { error: res.error };
  if (peer) {
    const pe = setLink(
      ctx,
      res.value.peer,
      { ...peer, netns: null, mac: null, mtu: null, txqlen: null, index: null },
      null,
    );
    if (pe) return { error: pe };
  }
  return { id: res.value.dev };
}

export function createLink(io: CommandIO, opts: IpOpts, r: LinkRequest): number {
  if (r.type === null) throw new IpError('Not enough information: "type" argument is required\n', 1);
  if (r.name !== r.dev)
    throw new IpError('both "name" and "dev" cannot be used when creating devices.\n', 255);
  // rtnl_newlink(): IFLA_NET_NS_FD makes the device in that namespace (dest_net); the request's own
  // namespace stays the link net, where a veth peer without its own `netns` goes (veth_newlink).
  const ns = r.netns ?? opts.ns;
  const k = io.os.state.kernel;
  if (r.master !== null && r.master !== '' && !new LlMap(k, opts.ns).index(r.master))
    throw invalidArg('Device does not exist\n', r.master);
  const type = r.type;
  const name = r.dev;
  const bridgeOpts = type === 'bridge' ? parseBridgeOpts(r.typeArgs) : null;
  const peer = type === 'veth' ? parseVethPeer(io, r.typeArgs) : null;
  if (type !== 'veth' && type !== 'bridge' && !PARSED_KINDS.has(type) && r.typeArgs.length > 0) {
    throw new IpError(`Garbage instead of arguments "${r.typeArgs[0]} ...". Try "ip link help".\n`, 1);
  }
  const refused = denied(io.proc, 'rtnetlink');
  if (refused) throw rtnlError(refused);
  const err = io.os.mutate(({ kctx }): KernelError | null => {
    if (name !== null && name.length >= 16)
      return { errno: 'EINVAL', extack: 'Attribute failed policy validation' };
    if (peer?.dev && peer.dev.length >= 16)
      return { errno: 'EINVAL', extack: 'Attribute failed policy validation' };
    if (name !== null && devByName(kctx.k, ns, name)) return { errno: 'EEXIST' };
    let id: DevId;
    if (type === 'veth') {
      const res = newVeth(kctx, ns, r, peer, opts.ns);
      if ('error' in res) return res.error;
      id = res.id;
    } else if (type === 'bridge') {
      // br_validate(): the address first; the MTU is checked against the new device's limits.
      if (badEtherAddr(r.mac)) return { errno: 'EADDRNOTAVAIL' };
      if (r.mtu !== null) {
        const e = mtuError({ kind: 'bridge' }, r.mtu);
        if (e) return e;
      }
      const res = createBridge(kctx, { ns, name, mtu: r.mtu, txqlen: r.txqlen });
      if (!res.ok) return res.error;
      id = res.value.id;
      // br_dev_newlink(): an address given at creation goes through br_stp_change_bridge_id(), as a later
      // `ip link set address` would (and so runs the port state selection).
      if (r.mac !== null) {
        const e = fail(setMac(kctx, id, r.mac));
        if (e) return e;
      }
      // br_dev_newlink(): the device is registered before br_changelink(); a refused option unregisters it.
      const e = applyBridgeOpts(kctx, id, bridgeOpts ?? []);
      if (e) {
        unregisterDevice(kctx, id);
        return e;
      }
    } else return { errno: 'EOPNOTSUPP', extack: 'Unknown device type' };
    return setLink(kctx, id, { ...r, netns: null, mac: null, mtu: null, txqlen: null }, null);
  });
  if (err) throw rtnlError(err);
  return 0;
}
