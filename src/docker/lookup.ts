/** Finding a container as the daemon does (daemon.GetContainer). */
import { invalid, notFound } from './errors';
import type { DockerContainer, DockerState } from './state';

/** daemon.GetContainer: full id, then name, then unique id prefix. */
export function findContainer(st: DockerState, term: string): DockerContainer {
  const all = Object.values(st.containers);
  const byId = all.find((c) => c.id === term);
  if (byId) return byId;
  const name = term.startsWith('/') ? term.slice(1) : term;
  const byName = all.find((c) => c.name === name);
  if (byName) return byName;
  const byPrefix = term === '' ? [] : all.filter((c) => c.id.startsWith(term));
  if (byPrefix.length > 1) throw invalid(`Multiple IDs found with provided prefix: ${term}`);
  if (byPrefix.length === 1) return byPrefix[0] as DockerContainer;
  throw notFound(`No such container: ${term}`);
}

export function tryFindContainer(st: DockerState, term: string): DockerContainer | null {
  try {
    return findContainer(st, term);
  } catch {
    return null;
  }
}
