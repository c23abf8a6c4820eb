/**
 * The whole simulated machine that commands act on: clock and PRNG (owned here so that time and randomness
 * are part of the state), the kernel, and the Docker Engine. The sim layer's World is this plus a version.
 */
import type { RngState } from '../lib';
import type { Clock, KernelState } from '../kernel';
import type { DockerState } from './state';

export interface System {
  clock: Clock;
  rng: RngState;
  kernel: KernelState;
  docker: DockerState;
}
