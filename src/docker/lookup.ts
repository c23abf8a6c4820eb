/** Finding a container as the daemon does (daemon.GetContainer). */
import { own } from '../lib';
import { invalid, notFound } from './errors';
import type { DockerContainer, DockerState } from './state';

/**
 * daemon.GetContainer: full id, then name, then unique id prefix. The table is keyed by full id; the name and
 * prefix walks stop at the first answer and build no list (`docker exec` asks this on every line, and listing
 * a thousand containers first cost more than the rest of the lookup).
 */
export function findContainer(st: DockerState, term: string): DockerContainer {
  const byId = own(st.containers, term);
  if (byId) return byId;
  const name = term.startsWith('/') ? term.slice(1) : term;
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
