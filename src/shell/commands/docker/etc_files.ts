/**
 * /etc/hostname, /etc/hosts and /etc/resolv.conf as a container's processes read them: the files Docker
 * writes for its sandbox (docker/etc_files.ts), computed on each read so they follow the container's
 * endpoints. The host's own files are plain files (the provider answers null for the host).
 */
import type { DockerState } from '../../../docker';
import { etcHostname, etcHosts, etcResolvConf } from '../../../docker';
import type { DynamicFile } from '../../fs';

function provider(make: (st: DockerState, id: string) => string): DynamicFile {
  return {
    read(proc, os) {
      const st = os.state.docker;
      const c = st.containers[proc.machine];
      return c ? make(st, c.id) : null;
    },
  };
}

export const DOCKER_ETC_FILES: Record<string, DynamicFile> = {
  '/etc/hostname': provider((st, id) =>
    etcHostname(st, st.containers[id] as NonNullable<DockerState['containers'][string]>),
  ),
  '/etc/hosts': provider((st, id) =>
    etcHosts(st, st.containers[id] as NonNullable<DockerState['containers'][string]>),
  ),
  '/etc/resolv.conf': provider((st, id) =>
    etcResolvConf(st, st.containers[id] as NonNullable<DockerState['containers'][string]>),
  ),
};
