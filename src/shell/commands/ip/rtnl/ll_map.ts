/**
 * Interface index <-> name lookups in the namespace a command runs in (iproute2 lib/ll_map.c): a name for an
 * index that does not exist here is "ifN", index 0 is "*".
 */
import type { KernelState, NsId } from '../../../../kernel';
import { devByIndex, devByName } from '../../../../kernel';
import { devFlags } from './link';

export class LlMap {
  constructor(
    private readonly k: KernelState,
    private readonly ns: NsId,
  ) {}

  /** ll_index_to_name(). */
  name(idx: number): string {
    if (idx === 0) return '*';
    return devByIndex(this.k, this.ns, idx)?.name ?? `if${idx}`;
  }

  /** ll_index_to_flags(): the device's flags, or null when the index is unknown here. */
  flags(idx: number): number | null {
    const d = devByIndex(this.k, this.ns, idx);
    return d ? devFlags(d) : null;
  }

  /** ll_name_to_index(): 0 when there is no such device. */
  index(name: string): number {
    return devByName(this.k, this.ns, name)?.ifindex ?? 0;
  }
}
