/** Lesson 6: `--net=host`: no sandbox of its own; the host's interfaces; -p discarded. */
import type { Lesson } from '../types';
import type { WorldQuery } from '../world_query';
import { en } from './host.en';
import { zhCN } from './host.zh_CN';

function hostModeRunning(q: WorldQuery): boolean {
  return q.containers().some((c) => c.status === 'running' && c.networkMode === 'host' && c.ns === q.hostNs);
}

export const host: Lesson = {
  id: 'host',
  steps: [
    {
      id: 'run',
      commands: ['docker run -it --net=host busybox', 'ip a'],
      solution: ['docker run -it --net=host busybox'],
      check: ({ q }) => hostModeRunning(q),
      predict: {
        kind: 'choice',
        expected: 2,
        command: 'ip a',
        choices: 3,
        // 0: only lo, 1: lo and one eth0, 2: the host's interfaces (docker0 among them)
        answer: (out) => {
          if (out.includes('docker0')) return 2;
          return (out.match(/^\d+: /gm) ?? []).length <= 1 ? 0 : 1;
        },
      },
    },
    {
      id: 'compare',
      commands: ['ip a', 'route -n', 'exit'],
      solution: ['exit'],
      passesBefore: true,
      check: () => true,
    },
    {
      id: 'ports',
      commands: ['docker run -d --name hweb --net=host -p 8080:80 nginx', 'iptables -t nat -S DOCKER'],
      solution: ['docker run -d --name hweb --net=host -p 8080:80 nginx'],
      // nginx of a host-mode container listens on the host's own port 80; nothing was published.
      check: ({ q }) =>
        q
          .containers()
          .some((c) => c.status === 'running' && c.networkMode === 'host' && c.image.startsWith('nginx')) &&
        q.listening(q.hostNs, 'tcp', 80) &&
        !q.rules(q.hostNs, 'nat').some((r) => r.includes('DNAT') && r.includes('--dport 8080')),
    },
  ],
  text: { en, 'zh-CN': zhCN },
};
