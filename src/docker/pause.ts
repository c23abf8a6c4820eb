/**
 * daemon.ContainerPause / ContainerUnpause (moby v27.5.1 daemon/pause.go, unpause.go): the container's cgroup
 * is frozen, or thawed (kernel/cgroup_freezer.ts). A paused container is still running (State.Running), its
 * State.Status is "paused"; its network stack keeps answering what the kernel answers by itself.
 */
import { cgroupFreeze, cgroupThaw, type KernelCtx } from '../kernel';
import { conflict } from './errors';
import type { DockerContainer } from './state';

export function pauseContainer(ctx: KernelCtx, c: DockerContainer): void {
  // GetRunningTask, then the Paused check (errNotPaused's text says "already paused").
  if (c.status !== 'running') throw conflict(`container ${c.id} is not running`);
  if (c.paused) throw conflict(`Container ${c.id} is already paused`);
  cgroupFreeze(ctx, c.id);
  c.paused = true;
}

export function unpauseContainer(ctx: KernelCtx, c: DockerContainer): void {
  if (!c.paused) throw conflict(`Container ${c.id} is not paused`);
  cgroupThaw(ctx, c.id);
  delete c.paused;
}

/** errExecPaused: exec into a paused container, named as the request named it. */
export function execPausedMessage(name: string): string {
  return `Container ${name} is paused, unpause the container before exec`;
}

/** State.StateString(): "paused" for a paused running container, else its status (ps's STATE, --filter status=). */
export function containerStateString(c: DockerContainer): string {
  return c.status === 'running' && c.paused ? 'paused' : c.status;
}
