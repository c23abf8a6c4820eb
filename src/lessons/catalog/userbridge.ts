/** Lesson 5: user-defined bridges: their own br-, DNS by name, isolation between networks, network connect. */
import type { Lesson } from '../types';
import { pingedOk } from '../trace_query';
import { en } from './userbridge.en';
import { zhCN } from './userbridge.zh_CN';

export const userbridge: Lesson = {
  id: 'userbridge',
  steps: [
    {
      id: 'create',
      commands: ['docker network create mynet', 'docker network ls', 'ip -br link show type bridge'],
      solution: ['docker network create mynet'],
      // A network named mynet with its own Linux bridge on the host.
      check: ({ q }) => {
        const n = q.network('mynet');
        return n !== null && n.driver === 'bridge' && q.dev(q.hostNs, n.bridgeName ?? '')?.kind === 'bridge';
      },
      predict: {
        kind: 'value',
        expected: '172.18.0.0/16',
        command: "docker network inspect -f '{{range .IPAM.Config}}{{.Subnet}}{{end}}' mynet",
        answer: (out) => out.trim(),
      },
      highlight: (q) => [
        { kind: 'dev', container: null, dev: q.network('mynet')?.bridgeName ?? '', role: 'network' },
      ],
    },
    {
      id: 'dns',
      commands: [
        'docker run -d --name a1 --network mynet busybox sleep 3600',
        'docker run -d --name a2 --network mynet busybox sleep 3600',
        'docker exec a1 ping -c 1 a2',
        'docker exec a1 cat /etc/resolv.conf',
      ],
      solution: [
        'docker run -d --name a1 --network mynet busybox sleep 3600',
        'docker run -d --name a2 --network mynet busybox sleep 3600',
        'docker exec a1 ping -c 1 a2',
      ],
      // a1 reached a2 on mynet.
      check: ({ q, trace }) =>
        q.wiredTo('a2', 'mynet') && pingedOk(trace, q.nsOf('a1'), q.ipOf('a2', 'mynet')),
    },
    {
      id: 'isolation',
      commands: ['docker run -d --name c1 busybox sleep 3600', 'docker exec c1 ping -c 1 -W 1 172.18.0.2'],
      solution: ['docker run -d --name c1 busybox sleep 3600', 'docker exec c1 ping -c 1 -W 1 172.18.0.2'],
      // A packet between the two networks was dropped by Docker's isolation chains.
      check: ({ trace }) =>
        trace.some(
          (e) => e.kind === 'nf_hook' && e.verdict === 'DROP' && e.chain.startsWith('DOCKER-ISOLATION'),
        ),
      predict: {
        kind: 'choice',
        expected: 1,
        command: 'docker exec c1 ping -c 1 -W 1 172.18.0.2',
        choices: 3,
        // 0: a reply, 1: sent but no reply, 2: Network is unreachable at once
        answer: (out) =>
          out.includes('Network is unreachable') ? 2 : out.includes(' 0 packets received') ? 1 : 0,
      },
    },
    {
      id: 'connect',
      commands: [
        'docker network connect mynet c1',
        'docker exec c1 ip -4 addr',
        'docker exec c1 ping -c 1 a1',
      ],
      solution: ['docker network connect mynet c1', 'docker exec c1 ping -c 1 a1'],
      // c1 reached a1 on mynet's address.
      check: ({ q, trace }) => pingedOk(trace, q.nsOf('c1'), q.ipOf('a1', 'mynet')),
    },
  ],
  text: { en, 'zh-CN': zhCN },
};
