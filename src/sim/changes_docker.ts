/**
 * "What changed" among Docker's objects: networks, containers and their status, published ports.
 */
import { formatIp4 } from '../lib';
import type { DockerContainer, DockerState } from '../docker';
import type { DiffSink } from './change_types';

export function dockerChanged(d: DiffSink): void {
  const A: DockerState = d.a.docker;
  const B: DockerState = d.b.docker;
  if (A === B) return;
  for (const [id, n] of Object.entries(B.networks))
    if (!A.networks[id])
      d.push({
        op: 'add',
        what: 'network',
        subject: n.name,
        on: n.driver,
        where: 'host',
        ids: n.bridgeDev ? [`dev:${n.bridgeDev}`] : [],
      });
  for (const [id, n] of Object.entries(A.networks))
    if (!B.networks[id])
      d.push({ op: 'del', what: 'network', subject: n.name, on: n.driver, where: 'host', ids: [] });
  for (const id in B.containers) {
    const c = B.containers[id] as DockerContainer;
    const old = A.containers[id];
    if (old === c) continue;
    const name = c.name.replace(/^\//, '');
    if (!old)
      d.push({
        op: 'add',
        what: 'container',
        subject: name,
        on: c.image,
        where: c.networkMode,
        ids: [`ctr:${id}`],
      });
    else if (old.status !== c.status)
      d.push({
        op: 'set',
        what: 'status',
        subject: name,
        on: c.status,
        where: c.networkMode,
        ids: [`ctr:${id}`],
      });
  }
  for (const id in A.containers) {
    const c = A.containers[id] as DockerContainer;
    if (!B.containers[id])
      d.push({
        op: 'del',
        what: 'container',
        subject: c.name.replace(/^\//, ''),
        on: c.image,
        where: c.networkMode,
        ids: [],
      });
  }
  if (A.ports === B.ports) return;
  const portKey = (p: { proto: string; hostIp: number; port: number }) =>
    `${formatIp4(p.hostIp)}:${p.port}/${p.proto}`;
  const before = new Set(A.ports.map(portKey));
  const after = new Set(B.ports.map(portKey));
  for (const p of B.ports)
    if (!before.has(portKey(p))) {
      const c = B.containers[p.containerId];
      d.push({
        op: 'add',
        what: 'publish',
        subject: portKey(p),
        on: c?.name.replace(/^\//, '') ?? '',
        where: 'host',
        ids: [`ctr:${p.containerId}`],
      });
    }
  for (const p of A.ports)
    if (!after.has(portKey(p)))
      d.push({ op: 'del', what: 'publish', subject: portKey(p), on: '', where: 'host', ids: [] });
}
