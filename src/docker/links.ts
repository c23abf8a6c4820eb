/**
 * Legacy links (--link name:alias): registered at create (daemon_unix.go registerLinks: the container must
 * exist and not be on the host network), checked at start (buildSandboxOptions: the linked container must be
 * on the default bridge) and written into /etc/hosts (etc_files.ts).
 */
import { DockerError, invalid } from './errors';
import { findContainer } from './lookup';
import type { DockerContainer, DockerState } from './state';

/** registerLinks (daemon_unix.go): every --link names an existing container that is not on the host network. */
export function registerLinks(st: DockerState, links: string[]): { id: string; alias: string }[] {
  return links.map((l) => {
    const [name0 = '', alias0] = l.split(':');
    const name = name0.replace(/^\//, '');
    let child: DockerContainer;
    try {
      child = findContainer(st, name);
    } catch (e) {
      if (e instanceof DockerError) throw invalid(`could not get container for ${name}: ${e.message}`);
      throw e;
    }
    if (child.networkMode === 'host')
      throw invalid(
        "conflicting options: host type networking can't be used with links. This would result in undefined behavior",
      );
    return { id: child.id, alias: alias0 ?? name };
  });
}

/** buildSandboxOptions: a linked container must be on the default bridge; it becomes an /etc/hosts record. */
export function checkLinks(st: DockerState, c: DockerContainer): void {
  for (const l of c.links) {
    const child = st.containers[l.id];
    if (!child) continue;
    if (!child.networks.bridge)
      throw new DockerError(
        'system',
        `Cannot link to /${child.name}, as it does not belong to the default network`,
      );
  }
}
