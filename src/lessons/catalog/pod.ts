/** Lesson 8: a Kubernetes pod by hand: a "pause" container holds the namespace, members join it. */
import type { Lesson } from '../types';
import type { WorldQuery } from '../world_query';
import { en } from './pod.en';
import { zhCN } from './pod.zh_CN';

/** Running containers that joined pause's namespace. */
function members(q: WorldQuery): string[] {
  const pause = q.container('pause');
  const ns = q.nsOf('pause');
  if (!pause || !ns) return [];
  return q
    .containers()
    .filter((c) => c.status === 'running' && c.networkMode === `container:${pause.id}` && c.ns === ns)
    .map((c) => c.name.replace(/^\//, ''));
}

export const pod: Lesson = {
  id: 'pod',
  steps: [
    {
      id: 'pause',
      commands: ['docker run -d --name pause busybox sleep 86400'],
      solution: ['docker run -d --name pause busybox sleep 86400'],
      // The pod's sandbox: a container that does nothing but hold a namespace with an address.
      check: ({ q }) => q.running('pause') && q.ipOf('pause') !== null,
      highlight: () => [{ kind: 'sandbox', container: 'pause', role: 'sandbox' }],
    },
    {
      id: 'members',
      commands: [
        'docker run -d --name app --network container:pause nginx',
        'docker run -d --name helper --network container:pause busybox sleep 86400',
        'docker exec helper ip addr show eth0',
      ],
      solution: [
        'docker run -d --name app --network container:pause nginx',
        'docker run -d --name helper --network container:pause busybox sleep 86400',
      ],
      // Two members share the pause container's namespace, and the app listens in it.
      check: ({ q }) => members(q).length >= 2 && q.listening(q.nsOf('pause'), 'tcp', 80),
      predict: {
        kind: 'value',
        expected: '172.17.0.2',
        command: 'docker exec helper ip addr show eth0',
        // The pod's IP, as seen from a member.
        answer: (out) => /inet (\d+\.\d+\.\d+\.\d+)\//.exec(out)?.[1] ?? '',
      },
      highlight: () => [
        { kind: 'sandbox', container: 'pause', role: 'sandbox' },
        { kind: 'container', container: 'app' },
        { kind: 'container', container: 'helper' },
      ],
    },
    {
      id: 'cni',
      commands: ["docker inspect -f '{{.HostConfig.NetworkMode}}' app", 'docker stop pause', 'docker ps -a'],
      solution: [],
      passesBefore: true,
      check: ({ q }) => q.container('app') !== null,
    },
  ],
  text: { en, 'zh-CN': zhCN },
};
