/** NetworkSettings.Ports of a running container as "host:port" strings (net.JoinHostPort), by "port/proto". */
import type { DockerContainer, DockerState } from '../../../docker';
import { findContainer } from '../../../docker';
import { formatIp4 } from '../../../lib';

export { findContainer };

export function formatPortsOf(st: DockerState, c: DockerContainer): Map<string, string[]> {
  const out = new Map<string, string[]>();
  if (c.status !== 'running') return out;
  for (const ep of Object.values(st.endpoints)) {
    if (ep.containerId !== c.id) continue;
    for (const m of ep.portMappings) {
      const k = `${m.containerPort}/${m.proto}`;
      const list = out.get(k) ?? [];
      list.push(`${formatIp4(m.hostIp)}:${m.hostPort}`);
      if (m.hostIp === 0) list.push(`[::]:${m.hostPort}`);
      out.set(k, list);
    }
  }
  return out;
}
