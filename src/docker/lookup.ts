/** Finding a container as the daemon does (daemon.GetContainer). */
import { own } from '../lib';
import { invalid, notFound } from './errors';
import type { DockerContainer, DockerState } from './state';

/**
 * The daemon's name index (its registrar) for one containers table, made once per table. A committed World's
 * tables are never written again, so its index stays true; a hit is still checked against the table (a table
 * being changed in a transaction, or one a test edits in place, then answers through the walk below).
 */
const nameIndexes = new WeakMap<object, Map<string, DockerContainer>>();

function nameIndex(containers: DockerState['containers']): Map<string, DockerContainer> {
  let idx = nameIndexes.get(containers);
  if (!idx) {
    idx = new Map();
    for (const id in containers) {
      const c = containers[id] as DockerContainer;
      if (!idx.has(c.name)) idx.set(c.name, c);
    }
    nameIndexes.set(containers, idx);
  }
  return idx;
}

/**
 * daemon.GetContainer: full id, then name, then unique id prefix. The table is keyed by full id. `docker exec`
 * asks on every line: listing a thousand containers to find one by name cost more than the rest of the lookup.
 */
export function findContainer(st: DockerState, term: string): DockerContainer {
  const byId = own(st.containers, term);
  if (byId) return byId;
  const name = term.startsWith('/') ? term.slice(1) : term;
  const hit = nameIndex(st.containers).get(name);
  if (hit && own(st.containers, hit.id) === hit && hit.name === name) return hit;
  for (const id in st.containers) {
    const c = st.containers[id] as DockerContainer;
    if (c.name === name) return c;
  }
  let byPrefix: DockerContainer | null = null;
  if (term !== '')
    for (const id in st.containers) {
      if (!id.startsWith(term)) continue;
      if (byPrefix) throw invalid(`Multiple IDs found with provided prefix: ${term}`);
      byPrefix = st.containers[id] as DockerContainer;
    }
  if (byPrefix) return byPrefix;
  throw notFound(`No such container: ${term}`);
}

export function tryFindContainer(st: DockerState, term: string): DockerContainer | null {
  try {
    return findContainer(st, term);
  } catch {
    return null;
  }
}
