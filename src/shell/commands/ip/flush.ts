/**
 * The flush loop iproute2 6.1 runs for addresses, routes and neighbours (ipaddr_flush, iproute_flush,
 * do_show_or_flush): dump, send a delete for every entry that passes the filter, dump again until nothing
 * is left; `-s` reports each round and the end.
 */
import { permitted } from '../../capability';
import type { CommandIO } from '../../types';
import { IpError } from './util';

/** perror("Failed to send flush request"): the kernel refused the batch of deletes (BusyBox words it its way). */
export class FlushSendError extends IpError {}

export interface FlushSpec<T> {
  /** What the round line counts: "addresses" or "entries". */
  noun: string;
  stats: boolean;
  /** Entries of one dump that pass the filter. */
  dump: () => T[];
  /** The deletes of one round (one transaction). */
  remove: (items: readonly T[]) => void;
  /** After a round: stop now (a flush of primaries does one round only). */
  done?: () => boolean;
  /** Rounds before giving up, and what is said then. */
  maxRounds: number;
  bailOut: (rounds: number) => number;
  /** The exit code when the deletes are refused ("Failed to send flush request"): each flush returns its own. */
  sendFailed: number;
}

export function flushRounds<T>(io: CommandIO, spec: FlushSpec<T>): number {
  const complete = (round: number): number => {
    if (spec.stats)
      io.out(
        round === 0
          ? 'Nothing to flush.\n'
          : `*** Flush is complete after ${round} round${round > 1 ? 's' : ''} ***\n`,
      );
    return 0;
  };
  for (let round = 0; round < spec.maxRounds;) {
    const items = spec.dump();
    if (items.length === 0) return complete(round);
    round++;
    // rtnl_send_check() reads the kernel's answers to the batch of deletes: EPERM without CAP_NET_ADMIN.
    if (!permitted(io.proc, 'rtnetlink'))
      throw new FlushSendError(
        'Failed to send flush request: Operation not permitted\n',
        spec.sendFailed,
        'EPERM',
      );
    spec.remove(items);
    if (spec.stats) io.out(`\n*** Round ${round}, deleting ${items.length} ${spec.noun} ***\n`);
    if (spec.done?.()) return complete(round);
  }
  return spec.bailOut(spec.maxRounds);
}
