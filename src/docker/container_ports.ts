/**
 * A container's Ports as the daemon lists them (container/view.go transform: NetworkSettings.Ports, a
 * binding per host address, an exposed port without one with no public port). Only a running container has
 * them: NetworkSettings.Ports is released when it stops. `docker ps` shows them and its publish/expose
 * filters match them.
 */
import { formatIp4 } from '../lib';
import type { DockerContainer, DockerState } from './state';

/** types.Port: IP "" for an unbound exposed port. */
export interface ApiPort {
  ip: string;
  priv: number;
  pub: number;
  type: string;
}

type PortMaps = ReadonlyMap<string, DockerState['endpoints'][string]['portMappings']>;

/**
 * Each container's port mappings (its endpoints'), gathered in one pass (a scan per row grew as n²), once per
 * endpoints table: a listing reads the committed World, whose tables are never written again.
 */
const portMapsMemo = new WeakMap<DockerState['endpoints'], PortMaps>();

function portMapsByContainer(st: DockerState): PortMaps {
  let maps = portMapsMemo.get(st.endpoints);
  if (!maps) portMapsMemo.set(st.endpoints, (maps = gatherPortMaps(st)));
  return maps;
}

function gatherPortMaps(st: DockerState): PortMaps {
  const byCtr = new Map<string, DockerState['endpoints'][string]['portMappings']>();
  for (const e of Object.values(st.endpoints)) {
    if (!e.containerId || e.portMappings.length === 0) continue;
    const list = byCtr.get(e.containerId);
    if (list) list.push(...e.portMappings);
    else byCtr.set(e.containerId, [...e.portMappings]);
  }
  return byCtr;
}

export function containerPorts(st: DockerState, c: DockerContainer): ApiPort[] {
  if (c.status !== 'running') return [];
  const out: ApiPort[] = [];
  const mine = portMapsByContainer(st).get(c.id) ?? [];
  for (const p of c.exposedPorts) {
    const [port, type] = p.split('/') as [string, string];
    const ms = mine.filter((m) => m.containerPort === Number(port) && m.proto === type);
    if (ms.length === 0 && c.networkMode !== 'host' && !c.networkMode.startsWith('container:'))
      out.push({ ip: '', priv: Number(port), pub: 0, type });
    for (const m of ms) {
      out.push({ ip: formatIp4(m.hostIp), priv: m.containerPort, pub: m.hostPort, type });
      if (m.hostIp === 0) out.push({ ip: '::', priv: m.containerPort, pub: m.hostPort, type });
    }
  }
  return out;
}
