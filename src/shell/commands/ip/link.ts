/**
 * `ip link add|set|change|replace|delete|show` (iproute2 6.1 ip/iplink.c iplink_modify, do_iplink): creation
 * is link_add.ts (rtnl_newlink), a set's attributes link_setlink.ts (do_setlink), deletion here.
 */
import type { KernelError, NetDevice } from '../../../kernel';
import { brSetPort, devByName, unregisterDevice, xaGet } from '../../../kernel';
import type { CommandIO } from '../../types';
import { checkIfname, emptyRequest, iplinkParse } from './link_parse';
import { createLink } from './link_add';
import { setLink } from './link_setlink';
import { applyBridgeOpts, parseBridgeOpts } from './link_types';
import { parseBridgeSlaveOpts } from './link_slave';
import { showLinks } from './link_show';
import type { IpOpts } from './opts';
import { allocLinkNsids } from './rtnl/link';
import { LlMap } from './rtnl/ll_map';
import { IpError, invalidArg, matches, rtnlError } from './util';
import { LINK_USAGE } from './usage_texts';
import { denied } from '../../capability';

type Mode = 'add' | 'set' | 'replace' | 'delete';

function findDev(io: CommandIO, opts: IpOpts, name: string): NetDevice {
  const idx = new LlMap(io.os.state.kernel, opts.ns).index(name);
  const d = idx ? devByName(io.os.state.kernel, opts.ns, name) : null;
  if (!d) throw new IpError(`Cannot find device "${name}"\n`, 1);
  return d;
}

function modify(io: CommandIO, opts: IpOpts, argv: readonly string[], mode: Mode): number {
  const r = emptyRequest();
  iplinkParse(io, argv, r);
  if (mode === 'add') return createLink(io, opts, r);
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
    } else if (r.type === 'bridge_slave') {
      const change = parseBridgeSlaveOpts(r.typeArgs);
      const err = io.os.mutate(({ kctx }) => {
        const res = brSetPort(kctx, dev.id, change);
        return res.ok ? null : res.error;
      });
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
  if (matches(sub, 'help')) throw new IpError(LINK_USAGE, 255);
  throw new IpError(`Command "${sub}" is unknown, try "ip link help".\n`, 255);
}
