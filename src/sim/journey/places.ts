/**
 * Names and graph elements for the journey: what the graph calls a namespace, a device's name and kind, the
 * link (veth pair or cable) a device sends into. Read from the topology projection of the World after the
 * line, falling back to the one before it (a `docker rm` removes devices its own trace events name).
 */
import type { DevId, NsId } from '../../kernel';
import { topology, type TopoDevice, type Topology } from '../topology';
import type { World } from '../world';
import { xaGet } from '../../kernel';

export interface Places {
  where(ns: NsId): string;
  dev(id: DevId | null | undefined): TopoDevice | null;
  devName(id: DevId | null | undefined): string | null;
  /** The topology link a device's frames cross (its veth pair or cable), or null (loopback, bridge). */
  linkOf(id: DevId): string | null;
}

export function places(after: World, before: World | null = null): Places {
  const topos: Topology[] = [topology(after)];
  if (before && before !== after) topos.push(topology(before));
  const linkByDev = new Map<DevId, string>();
  for (const t of [...topos].reverse()) {
    for (const l of t.links) {
      linkByDev.set(l.a, l.id);
      linkByDev.set(l.b, l.id);
    }
  }
  const dev = (id: DevId | null | undefined): TopoDevice | null => {
    if (!id) return null;
    for (const t of topos) {
      const d = t.devices[id];
      if (d) return d;
    }
    return null;
  };
  return {
    where(ns) {
      for (const t of topos) {
        const n = t.namespaces[ns];
        if (n) return n.title;
      }
      return xaGet(after.kernel.netns, ns)?.label ?? ns;
    },
    dev,
    devName: (id) => dev(id)?.name ?? null,
    linkOf: (id) => linkByDev.get(id) ?? null,
  };
}
