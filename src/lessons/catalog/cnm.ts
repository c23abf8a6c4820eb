/** Lesson 1: CNM in one picture. Sandbox, endpoint and network named on the live graph as they appear. */
import type { Lesson } from '../types';
import { en } from './cnm.en';
import { zhCN } from './cnm.zh_CN';

export const cnm: Lesson = {
  id: 'cnm',
  steps: [
    {
      id: 'sandbox',
      commands: ['docker run -d --name c1 busybox sleep 3600'],
      solution: ['docker run -d --name c1 busybox sleep 3600'],
      // A sandbox: c1 runs in a network namespace of its own, not the host's.
      check: ({ q }) => {
        const ns = q.nsOf('c1');
        return ns !== null && ns !== q.hostNs;
      },
      highlight: () => [{ kind: 'sandbox', container: 'c1', role: 'sandbox' }],
    },
    {
      id: 'endpoint',
      commands: ['docker exec c1 ip link show eth0', 'ip link show master docker0'],
      solution: [],
      passesBefore: true,
      // An endpoint: c1's eth0 is one end of a veth pair whose other end is a port of docker0.
      check: ({ q }) => q.wiredTo('c1', 'bridge'),
      predict: {
        kind: 'choice',
        expected: 0,
        command: 'ip link show master docker0',
        choices: 3,
        // 0: a veth (the pair's host end), 1: c1's eth0 itself, 2: nothing
        answer: (out) => (/^\d+: veth/m.test(out) ? 0 : /^\d+: eth0/m.test(out) ? 1 : 2),
      },
      highlight: (q) => [
        { kind: 'dev', container: 'c1', dev: 'eth0', role: 'endpoint' },
        { kind: 'dev', container: null, dev: q.hostVeth('c1')?.name ?? '', role: 'endpoint' },
      ],
    },
    {
      id: 'network',
      commands: ['docker network create mynet', 'docker network connect mynet c1', 'docker exec c1 ip link'],
      solution: ['docker network create mynet', 'docker network connect mynet c1'],
      // One sandbox, several endpoints: c1 is on two networks.
      check: ({ q }) => q.endpoints('c1').filter((e) => e.ifName !== null).length >= 2,
      predict: {
        kind: 'value',
        expected: 'eth1',
        command: 'docker exec c1 ip link',
        // The name of c1's second interface (the new endpoint's end inside the sandbox).
        answer: (out) => /^\d+: (eth[1-9]\d*)@/m.exec(out)?.[1] ?? '',
      },
      highlight: (q) => [
        { kind: 'sandbox', container: 'c1', role: 'sandbox' },
        { kind: 'dev', container: null, dev: 'docker0', role: 'network' },
        { kind: 'dev', container: null, dev: q.network('mynet')?.bridgeName ?? '', role: 'network' },
      ],
    },
  ],
  text: { en, 'zh-CN': zhCN },
};
