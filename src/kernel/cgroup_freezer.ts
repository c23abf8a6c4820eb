/**
 * The cgroup freezer (kernel/cgroup/freezer.c, cgroup v2's cgroup.freeze): `docker pause` freezes a
 * container's cgroup, and its processes stop running: they are not scheduled, so no program reads its
 * sockets, answers a request or writes a log line. The network stack is not a process: the kernel still
 * answers a ping, completes a TCP handshake into a frozen listener's backlog and queues the data it receives.
 * Thawed, the programs run again and find what arrived meanwhile.
 *
 * Here a group is named by the PID namespace of its processes (Docker gives each container one cgroup and one
 * PID namespace, so the container's id names both; `Socket.nsPid.ns`). A socket event that would run a frozen
 * program (an `app` event that is not a TCP timer) waits in `KernelState.frozen[group]` and is queued again,
 * at the time of the thaw, in the order it came.
 */
import type { KernelCtx } from './context';
import { schedule } from './sched_queue';
import type { NsId, Socket } from './types';

export function cgroupFreeze(ctx: KernelCtx, group: string): void {
  const k = ctx.k;
  k.frozen ??= {};
  k.frozen[group] ??= [];
}

/** Thaw `group`; the wake-ups it missed run now. */
export function cgroupThaw(ctx: KernelCtx, group: string): void {
  const waiting = ctx.k.frozen?.[group];
  if (!waiting) return;
  delete ctx.k.frozen?.[group];
  for (const w of waiting)
    schedule(ctx, { kind: 'app', atUs: ctx.clock.nowUs, ns: w.ns, socket: w.socket, action: w.action });
}

/** Whether the program holding `s` is frozen; if so its wake-up `action` is kept for the thaw. */
export function heldByFrozen(ctx: KernelCtx, ns: NsId, s: Socket, action: string): boolean {
  const group = s.nsPid?.ns;
  const waiting = group === undefined ? undefined : ctx.k.frozen?.[group];
  if (!waiting) return false;
  waiting.push({ ns, socket: s.id, action });
  return true;
}
