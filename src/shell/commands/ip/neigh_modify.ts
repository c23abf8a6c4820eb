/**
 * `ip neigh add|change|replace|delete` (iproute2 6.1 ip/ipneigh.c ipneigh_modify) and the kernel's
 * RTM_NEWNEIGH / RTM_DELNEIGH handlers (neigh_add, neigh_delete, __neigh_update in net/core/neighbour.c):
 * an entry is created PERMANENT unless `nud` says otherwise, needs a link-layer address unless its state
 * is not NUD_VALID; the table work itself is the administrator's neigh_update (kernel ipv4/arp.ts).
 */
import type { Ip4 } from '../../../lib';
import { formatIp4 } from '../../../lib';
import type { KernelCtx, KernelError, NetDevice, NsId, NudState } from '../../../kernel';
import { devByIndex, neighAdminDelete, neighAdminSet, xaGet } from '../../../kernel';
import type { CommandIO } from '../../types';
import type { IpOpts } from './opts';
import { getAddrIpv4 } from './prefix';
import type { NeighMsg } from './rtnl/neigh';
import { NUD, NUD_NAMES, parseNud } from './rtnl/neigh';
import { LlMap } from './rtnl/ll_map';
import { llAddrA2n } from './lladdr';
import { Args, IpError, invalidArg, matches, rtnlError } from './util';
import { denied } from '../../capability';

type Mode = 'add' | 'change' | 'replace' | 'delete';

function stateName(bits: number): NudState {
  if (bits === 0) return 'NONE';
  const i = NUD_NAMES.findIndex((_n, j) => bits & (1 << j));
  return (NUD_NAMES[i] ?? 'NONE') as NudState;
}

/** RTM_DELNEIGH for an entry a dump returned (what `ip neigh flush` sends). */
export function neighDeleteMsg(ctx: KernelCtx, ns: NsId, m: NeighMsg): void {
  const e = xaGet(ctx.k.netns, ns)?.neigh.find(
    (x) => xaGet(ctx.k.devices, x.dev)?.ifindex === m.ifindex && formatIp4(x.ip) === m.dst,
  );
  if (e) neighAdminDelete(ctx, ns, e.dev, e.ip);
}

/** neigh_add(): the attribute checks, then the administrator's update (ipv4/arp.ts). */
function neighAdd(
  ctx: KernelCtx,
  ns: NsId,
  dev: NetDevice,
  ip: Ip4,
  lladdr: string | null,
  state: number,
  mode: Mode,
): KernelError | null {
  if (lladdr !== null && lladdr.split(':').length < 6)
    return { errno: 'EINVAL', extack: 'Invalid link address' };
  const r = neighAdminSet(ctx, ns, dev.id, ip, lladdr, stateName(state), {
    create: mode !== 'change',
    replace: mode !== 'add',
    excl: mode === 'add',
  });
  return r.ok ? null : r.error;
}

export function modifyNeigh(io: CommandIO, opts: IpOpts, argv: readonly string[], mode: Mode): number {
  let state: number = NUD.PERMANENT;
  let lla: string | null = null;
  let devName: string | null = null;
  let dst: string | null = null;
  const cursor = new Args(argv);
  while (!cursor.done) {
    const w = cursor.next() as string;
    const next = (): string => cursor.value();
    if (matches(w, 'lladdr')) {
      const v = next();
      if (lla !== null) throw new IpError(`Error: duplicate "lladdr": "${v}" is the second value.\n`, 255);
      lla = v;
    } else if (w === 'nud') {
      const v = next();
      const s = parseNud(v);
      if (s === null) throw invalidArg('nud state is bad', v);
      state = s;
    } else if (w === 'router' || w === 'use' || matches(w, 'extern_learn')) {
      /* NTF_* flags: no effect on the simulated table */
    } else if (w === 'managed') state = NUD.NONE;
    else if (w === 'dev') devName = next();
    else if (matches(w, 'protocol') || matches(w, 'proxy')) next();
    else {
      let v = w;
      if (v === 'to') v = next();
      if (dst !== null) throw new IpError(`Error: either "to" is duplicate, or "${v}" is a garbage.\n`, 255);
      dst = v;
    }
  }
  if (devName === null || dst === null)
    throw new IpError('Device and destination are required arguments.\n', 255);
  const ip = getAddrIpv4(dst);
  if (ip === null) {
    if (dst.includes(':')) throw new IpError('RTNETLINK answers: Operation not supported\n', 2);
    throw new IpError(`Error: any valid address is expected rather than "${dst}".\n`, 1);
  }
  let lladdr: string | null = null;
  if (lla !== null && lla !== 'null') {
    lladdr = llAddrA2n(lla).mac;
  }
  const k = io.os.state.kernel;
  const idx = new LlMap(k, opts.ns).index(devName);
  if (!idx) throw new IpError(`Cannot find device "${devName}"\n`, 1);
  const dev = devByIndex(k, opts.ns, idx) as NetDevice;
  const refused = denied(io.proc, 'rtnetlink');
  if (refused) throw rtnlError(refused);
  const err = io.os.mutate(({ kctx }) => {
    if (mode !== 'delete') return neighAdd(kctx, opts.ns, dev, ip, lladdr, state, mode);
    const r = neighAdminDelete(kctx, opts.ns, dev.id, ip);
    return r.ok ? null : r.error;
  });
  if (err) throw rtnlError(err);
  return 0;
}
