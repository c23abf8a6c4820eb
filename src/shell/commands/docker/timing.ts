/** Simulated durations of daemon operations. */
import { advance } from '../../../kernel';
import type { CommandIO } from '../../types';

/**
 * How long the daemon takes for an operation, in simulated microseconds: the clock moves on (containers get
 * distinct creation times, "Up 1 second" comes true) and the browser waits as long.
 */
export const OP_US = {
  containerCreate: 40_000,
  containerStart: 320_000,
  containerRemove: 60_000,
  networkCreate: 90_000,
  networkRemove: 70_000,
  networkConnect: 150_000,
  networkDisconnect: 110_000,
} as const;

export async function elapse(io: CommandIO, us: number): Promise<void> {
  io.os.mutate(({ kctx }) => advance(kctx, us));
  await io.pace(us);
}
