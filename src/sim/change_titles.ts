/**
 * How "what changed" names things: a namespace by who lives in it (host, an `ip netns` name, its containers),
 * a route as `ip route` would print its main fields.
 */
import { formatIp4 } from '../lib';
import type { FibRoute, KernelState, NsId } from '../kernel';
import { xaGet } from '../kernel';
import type { DockerContainer } from '../docker';
import type { World } from './world';

/**
 * Who lives in each namespace of a World, indexed once per World: "what changed" names the namespace of every
 * record, and looking each one up by walking the containers cost O(containers) per record at classroom scale.
 */
interface TitleIndex {
  /** The first `ip netns` name of each namespace (namedNs order). */
  named: Map<NsId, string>;
  /** Container names per namespace: owners of its sandboxes, then running `container:` joiners. */
  names: Map<NsId, string[]>;
}
/** The last index and the tables it was made of (a ping's World shares all three with the one before). */
let titleMemo: { tables: [object, object, object]; idx: TitleIndex } | null = null;

function titleIndex(w: World): TitleIndex {
  const tables: [object, object, object] = [w.kernel.namedNs, w.docker.sandboxes, w.docker.containers];
  const hit = titleMemo;
  if (hit && hit.tables.every((t, i) => t === tables[i])) return hit.idx;
  const named = new Map<NsId, string>();
  for (const [name, id] of Object.entries(w.kernel.namedNs)) if (!named.has(id)) named.set(id, name);
  const names = new Map<NsId, string[]>();
  const add = (ns: NsId, name: string) => {
    const l = names.get(ns);
    if (l) l.push(name);
    else names.set(ns, [name]);
  };
  const { sandboxes, containers } = w.docker;
  for (const sb of Object.values(sandboxes)) {
    const c = containers[sb.containerId];
    if (c) add(sb.ns, c.name.replace(/^\//, ''));
  }
  // A `container:REF` joiner: REF is the first container (in table order) whose id or name it is.
  const all = Object.values(containers);
  let first: Map<string, DockerContainer> | null = null;
  for (const c of all) {
    if (!c.networkMode.startsWith('container:') || c.status !== 'running') continue;
    if (!first) {
      first = new Map();
      for (const x of all) {
        const name = x.name.replace(/^\//, '');
        if (!first.has(x.id)) first.set(x.id, x);
        if (!first.has(name)) first.set(name, x);
      }
    }
    const t = first.get(c.networkMode.slice(10));
    const sb = t?.sandboxId ? sandboxes[t.sandboxId] : undefined;
    if (sb) add(sb.ns, c.name.replace(/^\//, ''));
  }
  const idx = { named, names };
  titleMemo = { tables, idx };
  return idx;
}

export function nsTitle(w: World, ns: NsId): string {
  const k = w.kernel;
  if (ns === k.rootNs) return 'host';
  const idx = titleIndex(w);
  return idx.named.get(ns) ?? idx.names.get(ns)?.join(' + ') ?? xaGet(k.netns, ns)?.label ?? ns;
}

export function routeText(k: KernelState, r: FibRoute): string {
  const dst = r.dstLen === 0 ? 'default' : `${formatIp4(r.dst)}/${r.dstLen}`;
  const parts = [r.type === 'unicast' ? dst : `${r.type} ${dst}`];
  if (r.gateway !== null) parts.push(`via ${formatIp4(r.gateway)}`);
  const dev = r.dev ? xaGet(k.devices, r.dev) : undefined;
  if (dev) parts.push(`dev ${dev.name}`);
  if (r.protocol !== 'boot') parts.push(`proto ${r.protocol}`);
  if (r.scope !== 'global' && r.type === 'unicast') parts.push(`scope ${r.scope}`);
  if (r.prefsrc !== null) parts.push(`src ${formatIp4(r.prefsrc)}`);
  if (r.priority) parts.push(`metric ${r.priority}`);
  return parts.join(' ');
}
