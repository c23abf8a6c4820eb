/** Lesson 7: `container:` mode, the seed's nginx sidecar: one namespace, one IP, one port space. */
import type { Lesson } from '../types';
import type { WorldQuery } from '../world_query';
import { tcpDelivered } from '../trace_query';
import { en } from './sidecar.en';
import { zhCN } from './sidecar.zh_CN';

/** Containers that joined my-nginx1's namespace (`--network container:my-nginx1`). */
function joined(q: WorldQuery): ReturnType<WorldQuery['containers']> {
  const target = q.container('my-nginx1');
  if (!target) return [];
  return q.containers().filter((c) => c.networkMode === `container:${target.id}`);
}

export const sidecar: Lesson = {
  id: 'sidecar',
  steps: [
    {
      id: 'nginx1',
      commands: ['docker run -d --name my-nginx1 nginx', 'docker ps'],
      solution: ['docker run -d --name my-nginx1 nginx'],
      check: ({ q }) => q.running('my-nginx1') && q.listening(q.nsOf('my-nginx1'), 'tcp', 80),
      highlight: () => [{ kind: 'sandbox', container: 'my-nginx1', role: 'sandbox' }],
    },
    {
      id: 'join',
      commands: [
        'docker run -d --name sidecar --network container:my-nginx1 busybox sleep 3600',
        'docker exec sidecar ip addr show eth0',
      ],
      solution: ['docker run -d --name sidecar --network container:my-nginx1 busybox sleep 3600'],
      // A running container shares my-nginx1's namespace.
      check: ({ q }) => {
        const ns = q.nsOf('my-nginx1');
        return ns !== null && joined(q).some((c) => c.status === 'running' && c.ns === ns);
      },
      predict: {
        kind: 'choice',
        expected: 0,
        command: 'docker exec sidecar ip addr show eth0',
        choices: 3,
        // 0: my-nginx1's address, 1: an address of its own, 2: no eth0
        answer: (out, q) => {
          const m = /inet (\d+\.\d+\.\d+\.\d+)\//.exec(out);
          if (!m) return 2;
          return m[1] === q.ipOf('my-nginx1') ? 0 : 1;
        },
      },
      highlight: () => [
        { kind: 'sandbox', container: 'my-nginx1', role: 'sandbox' },
        { kind: 'container', container: 'sidecar' },
      ],
    },
    {
      id: 'ports',
      commands: [
        'docker run -d --name my-nginx2 --network container:my-nginx1 nginx',
        'docker ps -a',
        'docker logs my-nginx2',
      ],
      solution: ['docker run -d --name my-nginx2 --network container:my-nginx1 nginx'],
      // A second nginx in the shared namespace could not bind port 80 and exited: the port space is shared.
      check: ({ q }) =>
        joined(q).some((c) => c.image.startsWith('nginx') && c.status === 'exited' && c.exitCode !== 0) &&
        q.running('my-nginx1'),
    },
    {
      id: 'localhost',
      needs: ['curl'],
      // BusyBox wget in the sidecar is another client in the same namespace.
      alternatives: [['docker exec sidecar wget -q -O - http://localhost/']],
      // Reaching nginx from outside its namespace is not what this step shows.
      wrong: [['docker run --rm nicolaka/netshoot curl -s http://172.17.0.2/']],
      commands: [
        'docker exec sidecar wget -q -O - http://localhost/',
        'docker run --rm --network container:my-nginx1 nicolaka/netshoot curl -s http://localhost/',
      ],
      solution: ['docker run --rm --network container:my-nginx1 nicolaka/netshoot curl -s http://localhost/'],
      // nginx answered a client that runs in the same namespace (the reply was delivered there too).
      check: ({ q, trace }) => {
        const ns = q.nsOf('my-nginx1');
        return (
          ns !== null &&
          tcpDelivered(trace, ns, 'nginx') &&
          trace.some(
            (e) =>
              e.kind === 'sock_deliver' && e.ns === ns && e.program !== 'nginx' && e.program !== 'dockerd',
          )
        );
      },
    },
  ],
  text: { en, 'zh-CN': zhCN },
};
