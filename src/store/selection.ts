/**
 * What the inspector shows (the selection) survives a new World only while its object is still on the graph.
 */
import type { Topology } from '../sim';
import type { Selection } from './app_types';

export function stillThere(t: Topology, sel: NonNullable<Selection>): boolean {
  switch (sel.kind) {
    case 'ns':
      return t.namespaces[sel.id] !== undefined;
    case 'dev':
      return t.devices[sel.id] !== undefined;
    case 'ctr':
      return t.containers[sel.id] !== undefined;
    case 'link':
      return t.links.some((l) => l.id === sel.id);
  }
}
