/**
 * daemon.ContainerRename (daemon/rename.go): a valid, free new name; the container's endpoints and their DNS
 * names follow it (libnetwork Endpoint/Sandbox rename), so `docker network inspect` shows the new name.
 */
import { conflict, invalid } from './errors';
import { findContainer } from './lookup';
import { validContainerName } from './names';
import type { DockerState } from './state';

export function renameContainer(st: DockerState, oldTerm: string, newName0: string): void {
  const newName = newName0.replace(/^\//, '');
  if (oldTerm === '' || newName === '') throw invalid('Neither old nor new names may be empty');
  if (!validContainerName(newName))
    throw invalid(`Invalid container name (${newName}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`);
  const c = findContainer(st, oldTerm);
  if (c.name === newName) throw invalid('Renaming a container with the same name as its current name');
  const other = Object.values(st.containers).find((o) => o.name === newName);
  if (other)
    throw conflict(
      `Conflict. The container name "/${newName}" is already in use by container "${other.id}". You have to remove (or rename) that container to be able to reuse that name.`,
    );
  const old = c.name;
  c.name = newName;
  for (const ep of Object.values(st.endpoints)) {
    if (ep.containerId !== c.id) continue;
    ep.name = newName;
    ep.dnsNames = ep.dnsNames.map((d) => (d === old ? newName : d));
  }
  for (const cfg of Object.values(c.networks))
    if (cfg.dnsNames) cfg.dnsNames = cfg.dnsNames.map((d) => (d === old ? newName : d));
}
