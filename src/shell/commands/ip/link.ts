/**
 * `ip link add|set|change|replace|delete|show` (iproute2 6.1 ip/iplink.c iplink_modify, do_iplink) and the
 * kernel's side: rtnl_newlink creating a veth pair (drivers/net/veth.c) or a bridge, and do_setlink applying
 * a set's attributes in its order (namespace, MAC, MTU, group, name, alias, master, flags, txqueuelen),
 * keeping what was applied before an error, as the kernel does.
 */
import type { DevId, KResult, KernelCtx, KernelError, NetDevice } from '../../../kernel';
import {
  brAddIf,
  brDelIf,
  changeNetns,
  closeDevice,
  createBridge,
  createVethPair,
  devByName,
  openDevice,
  renameDevice,
  setMac,
  setMtu,
  setTxqlen,
  unregisterDevice,
  xaGet,
} from '../../../kernel';
import type { CommandIO } from '../../types';
import { type LinkRequest, checkIfname, emptyRequest, iplinkParse } from './link_parse';
import { applyBridgeOpts, parseBridgeOpts } from './link_types';
import { showLinks } from './link_show';
import type { IpOpts } from './opts';
import { allocLinkNsids, mtuLimits } from './rtnl/link';
import { LlMap } from './rtnl/ll_map';
import { IpError, invalidArg, matches, rtnlError } from './util';
import { denied } from '../../capability';

type Mode = 'add' | 'set' | 'replace' | 'delete';

/** dev_validate_mtu() with the device's limits. */
function mtuError(dev: Pick<NetDevice, 'kind'>, mtu: number): KernelError | null {
  const { min, max } = mtuLimits(dev);
  if (mtu < 0 || mtu < min) return { errno: 'EINVAL', extack: 'mtu less than device minimum' };
  if (max > 0 && mtu > max) return { errno: 'EINVAL', extack: 'mtu greater than device maximum' };
  return null;
}

function fail<T>(r: KResult<T>): KernelError | null {
  return r.ok ? null : r.error;
}

/** do_setlink(): each attribute in turn; the first error stops, what came before stays. */
function setLink(ctx: KernelCtx, id: DevId, r: LinkRequest, renameTo: string | null): KernelError | null {
  const dev = (): NetDevice => xaGet(ctx.k.devices, id) as NetDevice;
  if (r.netns !== null) {
    const d = dev();
    if (d.kind === 'bridge' || d.kind === 'loopback')
      return { errno: 'EINVAL', extack: 'The interface netns is immutable' };
    const e = fail(changeNetns(ctx, id, r.netns));
    if (e) return e;
  }
  if (r.mac !== null) {
    if (r.macLen !== 6) return { errno: 'EINVAL' };
    const e = fail(setMac(ctx, id, r.mac));
    if (e) return e;
  }
  if (r.mtu !== null) {
    const e = mtuError(dev(), r.mtu) ?? fail(setMtu(ctx, id, r.mtu));
    if (e) return e;
  }
  if (r.group !== null) dev().group = r.group;
  if (renameTo !== null) {
    if (renameTo.length >= 16) return { errno: 'EINVAL', extack: 'Attribute failed policy validation' };
    const e = fail(renameDevice(ctx, id, renameTo));
    if (e) return e;
  }
  if (r.alias !== null) dev().alias = r.alias === '' ? null : r.alias;
  if (r.master !== null) {
    const d = dev();
    if (r.master === '') {
      const e = fail(brDelIf(ctx, id));
      if (e) return e;
    } else {
      const br = devByName(ctx.k, d.ns, r.master);
      if (!br) return { errno: 'ENODEV' };
      if (br.kind !== 'bridge') return { errno: 'EOPNOTSUPP' };
      if (d.master && d.master !== br.id) {
        const e = fail(brDelIf(ctx, id));
        if (e) return e;
      }
      const e = fail(brAddIf(ctx, br.id, id));
      if (e) return e;
    }
  }
  if (r.up === true) openDevice(ctx, id);
  if (r.up === false) closeDevice(ctx, id);
  if (r.txqlen !== null) {
    const e = fail(setTxqlen(ctx, id, r.txqlen));
    if (e) return e;
  }
  return null;
}

function findDev(io: CommandIO, opts: IpOpts, name: string): NetDevice {
  const idx = new LlMap(io.os.state.kernel, opts.ns).index(name);
  const d = idx ? devByName(io.os.state.kernel, opts.ns, name) : null;
  if (!d) throw new IpError(`Cannot find device "${name}"\n`, 1);
  return d;
}

/** veth_parse_opt(): "peer" and the peer's own attributes (no type of its own). */
function parseVethPeer(io: CommandIO, args: readonly string[]): LinkRequest | null {
  if (args.length === 0) return null;
  if (args[0] !== 'peer')
    throw new IpError(
      "Usage: ip link <options> type veth [peer <options>]\nTo get <options> type 'ip link add help'\n",
      1,
    );
  const peer = emptyRequest();
  iplinkParse(io, args.slice(1), peer);
  if (peer.type !== null)
    throw new IpError(`Error: duplicate "type": "${peer.type}" is the second value.\n`, 255);
  return peer;
}

function create(io: CommandIO, opts: IpOpts, r: LinkRequest): number {
  if (r.type === null) throw new IpError('Not enough information: "type" argument is required\n', 1);
  if (r.name !== r.dev)
    throw new IpError('both "name" and "dev" cannot be used when creating devices.\n', 255);
  const ns = opts.ns;
  const k = io.os.state.kernel;
  if (r.master !== null && r.master !== '' && !new LlMap(k, ns).index(r.master))
    throw invalidArg('Device does not exist\n', r.master);
  const type = r.type;
  const name = r.dev;
  const bridgeOpts = type === 'bridge' ? parseBridgeOpts(r.typeArgs) : null;
  const peer = type === 'veth' ? parseVethPeer(io, r.typeArgs) : null;
  if (type !== 'veth' && type !== 'bridge') {
    if (r.typeArgs.length > 0) {
      throw new IpError(`Garbage instead of arguments "${r.typeArgs[0]} ...". Try "ip link help".\n`, 1);
    }
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
      const probe = { kind: 'veth' } as const;
      const e =
        (r.mtu !== null ? mtuError(probe, r.mtu) : null) ??
        (peer?.mtu !== undefined && peer.mtu !== null ? mtuError(probe, peer.mtu) : null);
      if (e) return e;
      const res = createVethPair(
        kctx,
        { ns, name, mac: r.mac, mtu: r.mtu, txqlen: r.txqlen, ifindex: r.index },
        {
          ns: peer?.netns ?? ns,
          name: peer?.dev ?? null,
          mac: peer?.mac ?? null,
          mtu: peer?.mtu ?? r.mtu,
          txqlen: peer?.txqlen ?? null,
          ifindex: peer?.index ?? null,
        },
      );
      if (!res.ok) return res.error;
      id = res.value.dev;
      if (peer) {
        const pe = setLink(
          kctx,
          res.value.peer,
          { ...peer, netns: null, mac: null, mtu: null, txqlen: null, index: null },
          null,
        );
        if (pe) return pe;
      }
    } else if (type === 'bridge') {
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
      const e = applyBridgeOpts(kctx, id, bridgeOpts ?? []);
      if (e) return e;
    } else return { errno: 'EOPNOTSUPP', extack: 'Unknown device type' };
    return setLink(kctx, id, { ...r, netns: null, mac: null, mtu: null, txqlen: null }, null);
  });
  if (err) throw rtnlError(err);
  return 0;
}

function modify(io: CommandIO, opts: IpOpts, argv: readonly string[], mode: Mode): number {
  const r = emptyRequest();
  iplinkParse(io, argv, r);
  if (mode === 'add') return create(io, opts, r);
  if (r.dev === null) throw new IpError('Not enough information: "dev" argument is required.\n', 255);
  const dev = findDev(io, opts, r.dev);
  // Every change is an RTM_NEWLINK/RTM_DELLINK: refused before the kernel looks at it.
  const refused = denied(io.proc, 'rtnetlink');
  if (mode === 'delete') {
    if (refused) throw rtnlError(refused);
    const err = io.os.mutate(({ kctx }): KernelError | null => {
      // rtnl_dellink(): devices without rtnl_link_ops (loopback, physical NICs) cannot be deleted.
      if (dev.kind === 'loopback' || dev.kind === 'ether') return { errno: 'EOPNOTSUPP' };
      unregisterDevice(kctx, dev.id);
      return null;
    });
    if (err) throw rtnlError(err);
    return 0;
  }
  if (r.type !== null) {
    if (refused) throw rtnlError(refused);
    if (r.type === 'bridge' && dev.kind === 'bridge') {
      const o = parseBridgeOpts(r.typeArgs);
      const err = io.os.mutate(({ kctx }) => applyBridgeOpts(kctx, dev.id, o));
      if (err) throw rtnlError(err);
    } else if (r.type !== dev.kind) throw new IpError('RTNETLINK answers: Operation not supported\n', 2);
  }
  const renameTo = r.name !== null && r.name !== r.dev ? r.name : null;
  if (renameTo !== null && !checkIfname(renameTo)) throw invalidArg('"name" not a valid ifname', renameTo);
  if (r.master !== null && r.master !== '' && !new LlMap(io.os.state.kernel, opts.ns).index(r.master)) {
    throw invalidArg('Device does not exist\n', r.master);
  }
  if (r.index !== null && r.netns === null) {
    throw new IpError(
      'index can be used only when creating devices or when moving device to another netns.\n',
      255,
    );
  }
  if (refused) throw rtnlError(refused);
  const err = io.os.mutate(({ kctx }) => setLink(kctx, dev.id, r, renameTo));
  // The change is announced (RTM_NEWLINK), and so is the peer's carrier change when it is up.
  const after = xaGet(io.os.state.kernel.devices, dev.id);
  const peer = after?.kind === 'veth' ? xaGet(io.os.state.kernel.devices, after.peer) : undefined;
  allocLinkNsids(io, [dev.id, ...(peer && r.up !== null && peer.adminUp ? [peer.id] : [])]);
  if (err) throw rtnlError(err);
  return 0;
}

export function doIpLink(io: CommandIO, opts: IpOpts, argv: string[]): number {
  const sub = argv[0];
  if (sub === undefined) return showLinks(io, opts, []);
  const rest = argv.slice(1);
  if (matches(sub, 'add')) return modify(io, opts, rest, 'add');
  if (matches(sub, 'set') || matches(sub, 'change')) return modify(io, opts, rest, 'set');
  if (matches(sub, 'replace')) return modify(io, opts, rest, 'set');
  if (matches(sub, 'delete')) return modify(io, opts, rest, 'delete');
  if (matches(sub, 'show') || matches(sub, 'lst') || matches(sub, 'list')) return showLinks(io, opts, rest);
  throw new IpError(`Command "${sub}" is unknown, try "ip link help".\n`, 255);
}
