/**
 * `ip neigh add|change|replace|delete` (iproute2 6.1 ip/ipneigh.c ipneigh_modify) and the kernel's
 * RTM_NEWNEIGH / RTM_DELNEIGH handlers (neigh_add, neigh_delete, __neigh_update in net/core/neighbour.c):
 * an entry is created PERMANENT unless `nud` says otherwise, needs a link-layer address unless its state
 * is not NUD_VALID, and a deleted entry goes at once unless something still holds it (then it is FAILED).
 */
import type { Ip4 } from '../../../lib';
import { formatIp4 } from '../../../lib';
import type { KEvent, KernelCtx, KernelError, NeighEntry, NetDevice, NsId, NudState } from '../../../kernel';
import { nextOrderSeq, schedule } from '../../../kernel';
import type { CommandIO } from '../../types';
import type { IpOpts } from './opts';
import { getAddrIpv4 } from './prefix';
import type { NeighMsg } from './rtnl/neigh';
import { NUD, NUD_NAMES } from './rtnl/neigh';
import { parseNud } from './neigh_show';
import { LlMap } from './rtnl/ll_map';
import { IpError, invalidArg, matches, rtnlError } from './util';

type Mode = 'add' | 'change' | 'replace' | 'delete';

const NUD_VALID = NUD.PERMANENT | NUD.NOARP | NUD.REACHABLE | NUD.PROBE | NUD.STALE | NUD.DELAY;
const NUD_IN_TIMER = NUD.INCOMPLETE | NUD.REACHABLE | NUD.DELAY | NUD.PROBE;
const NUD_CONNECTED = NUD.PERMANENT | NUD.NOARP | NUD.REACHABLE;

function stateName(bits: number): NudState {
  if (bits === 0) return 'NONE';
  const i = NUD_NAMES.findIndex((_n, j) => bits & (1 << j));
  return (NUD_NAMES[i] ?? 'NONE') as NudState;
}

/** ll_addr_a2n(): hex bytes separated by ':' (one or two digits each). */
function parseLladdr(text: string): string | null {
  const parts = text.split(':');
  if (parts.some((p) => !/^[0-9a-fA-F]{1,2}$/.test(p))) return null;
  return parts.map((p) => p.toLowerCase().padStart(2, '0')).join(':');
}

/** neigh_delete(): FAILED, and out of the table unless another user still holds the entry. */
function neighDelete(ctx: KernelCtx, ns: NsId, e: NeighEntry): void {
  const n = ctx.k.netns[ns];
  if (!n) return;
  if (e.refcnt > 0) {
    e.state = 'FAILED';
    e.timerUs = null;
    e.updatedUs = ctx.clock.nowUs;
    return;
  }
  n.neigh = n.neigh.filter((x) => x !== e);
}

/** RTM_DELNEIGH for an entry a dump returned (what `ip neigh flush` sends). */
export function neighDeleteMsg(ctx: KernelCtx, ns: NsId, m: NeighMsg): void {
  const n = ctx.k.netns[ns];
  const e = n?.neigh.find((x) => ctx.k.devices[x.dev]?.ifindex === m.ifindex && formatIp4(x.ip) === m.dst);
  if (e) neighDelete(ctx, ns, e);
}

function baseReachableUs(ctx: KernelCtx, ns: NsId): number {
  const v = Number(ctx.k.netns[ns]?.sysctl['net.ipv4.neigh.default.base_reachable_time_ms'] ?? 30_000);
  return (Number.isFinite(v) ? v : 30_000) * 1000;
}

/** neigh_add() + __neigh_update() with NEIGH_UPDATE_F_ADMIN (and OVERRIDE for replace). */
function neighAdd(ctx: KernelCtx, ns: NsId, dev: NetDevice, ip: Ip4, lladdr: string | null, state: number, mode: Mode): KernelError | null {
  const n = ctx.k.netns[ns];
  if (!n) return { errno: 'ENODEV' };
  if (lladdr !== null && lladdr.split(':').length < 6) return { errno: 'EINVAL', extack: 'Invalid link address' };
  let e = n.neigh.find((x) => x.dev === dev.id && x.ip === ip) ?? null;
  const now = ctx.clock.nowUs;
  if (e === null) {
    if (mode === 'change') return { errno: 'ENOENT' };
    e = {
      ip,
      dev: dev.id,
      lladdr: null,
      state: 'NONE',
      probes: 0,
      // neigh_alloc() back-dates `confirmed` by twice the base reachable time.
      confirmedUs: now - 2 * baseReachableUs(ctx, ns),
      usedUs: now,
      updatedUs: now,
      timerUs: null,
      reachableTimeUs: baseReachableUs(ctx, ns),
      queue: [],
      refcnt: 0,
      seq: nextOrderSeq(ctx.k),
      manual: true,
    };
    n.neigh.push(e);
  } else if (mode === 'add') return { errno: 'EEXIST' };
  // __neigh_update(): a valid state needs an address, given or already known; the entry created above stays (NONE).
  if (state & NUD_VALID && lladdr === null && !(NUD[e.state] & NUD_VALID)) {
    return { errno: 'EINVAL', extack: 'No link layer address given' };
  }
  const old = NUD[e.state];
  if (state & NUD_VALID && lladdr !== null) e.lladdr = lladdr;
  if (state & NUD_CONNECTED) e.confirmedUs = now;
  e.updatedUs = now;
  e.manual = true;
  if (state !== old) {
    e.timerUs = null;
    if (state & NUD.PROBE) e.probes = 0;
    e.state = stateName(state);
    if (state & NUD_IN_TIMER) {
      const at = now + (state & NUD.REACHABLE ? e.reachableTimeUs : 0);
      e.timerUs = at;
      const ev: Omit<Extract<KEvent, { kind: 'neigh-timer' }>, 'seq'> = { kind: 'neigh-timer', atUs: at, ns, ip, dev: dev.id };
      schedule(ctx, ev as Parameters<typeof schedule>[1]);
    }
  }
  return null;
}

export function modifyNeigh(io: CommandIO, opts: IpOpts, argv: readonly string[], mode: Mode): number {
  let state: number = NUD.PERMANENT;
  let lla: string | null = null;
  let devName: string | null = null;
  let dst: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const w = argv[i] as string;
    const next = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new IpError('Command line is not complete. Try option "help"\n', 255);
      return v;
    };
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
  if (devName === null || dst === null) throw new IpError('Device and destination are required arguments.\n', 255);
  const ip = getAddrIpv4(dst);
  if (ip === null) {
    if (dst.includes(':')) throw new IpError('RTNETLINK answers: Operation not supported\n', 2);
    throw new IpError(`Error: any valid address is expected rather than "${dst}".\n`, 1);
  }
  let lladdr: string | null = null;
  if (lla !== null && lla !== 'null') {
    lladdr = parseLladdr(lla);
    if (lladdr === null) throw new IpError(`"${lla}" is invalid lladdr.\n`, 1);
  }
  const k = io.os.state.kernel;
  const idx = new LlMap(k, opts.ns).index(devName);
  if (!idx) throw new IpError(`Cannot find device "${devName}"\n`, 1);
  const dev = Object.values(k.devices).find((d) => d.ns === opts.ns && d.ifindex === idx) as NetDevice;
  const err = io.os.mutate(({ kctx }) => {
    if (mode !== 'delete') return neighAdd(kctx, opts.ns, dev, ip, lladdr, state, mode);
    const e = kctx.k.netns[opts.ns]?.neigh.find((x) => x.dev === dev.id && x.ip === ip);
    if (!e) return { errno: 'ENOENT' as const };
    neighDelete(kctx, opts.ns, e);
    return null;
  });
  if (err) throw rtnlError(err);
  return 0;
}
