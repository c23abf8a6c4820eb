/** Lesson 3: the default bridge: docker0, a veth pair per container, routes inside, the FDB. */
import type { Lesson } from '../types';
import { pingedOk } from '../trace_query';
import { en } from './bridge.en';
import { zhCN } from './bridge.zh_CN';

export const bridge: Lesson = {
  id: 'bridge',
  steps: [
    {
      id: 'c1',
      commands: ['docker run -d --name c1 busybox sleep 3600', 'docker exec c1 ip addr show eth0'],
      solution: ['docker run -d --name c1 busybox sleep 3600'],
      // A container named c1 whose sandbox has an eth0 on the default bridge.
      check: ({ q }) => q.wiredTo('c1', 'bridge'),
      predict: {
        kind: 'choice',
        expected: 1,
        command: 'docker exec c1 ip addr show eth0',
        choices: 2,
        // 0: an inet6 fe80:: line is there (Docker before 26.0.2), 1: IPv4 only
        answer: (out) => (/inet6 fe80::/.test(out) ? 0 : 1),
      },
      highlight: (q) => [
        { kind: 'dev', container: 'c1', dev: 'eth0', role: 'endpoint' },
        { kind: 'dev', container: null, dev: q.hostVeth('c1')?.name ?? '', role: 'endpoint' },
      ],
    },
    {
      id: 'veth',
      commands: [
        'docker exec c1 ip link show eth0',
        'docker exec c1 cat /sys/class/net/eth0/iflink',
        'ip link show master docker0',
        'docker exec c1 route -n',
      ],
      solution: [],
      passesBefore: true,
      check: ({ q }) => q.hostVeth('c1') !== null,
      predict: {
        kind: 'value',
        expected: '172.17.0.1',
        command: 'docker exec c1 route -n',
        // The gateway of the default route (the 0.0.0.0 row).
        answer: (out) => /^0\.0\.0\.0\s+(\S+)/m.exec(out)?.[1] ?? '',
      },
      highlight: (q) => [
        { kind: 'dev', container: 'c1', dev: 'eth0', role: 'endpoint' },
        { kind: 'dev', container: null, dev: q.hostVeth('c1')?.name ?? '', role: 'endpoint' },
        { kind: 'dev', container: null, dev: 'docker0', role: 'network' },
      ],
    },
    {
      id: 'ping',
      commands: [
        'docker run -d --name c2 busybox sleep 3600',
        "docker inspect -f '{{.NetworkSettings.IPAddress}}' c2",
        'docker exec c1 ping -c 2 172.17.0.3',
      ],
      solution: ['docker run -d --name c2 busybox sleep 3600', 'docker exec c1 ping -c 2 172.17.0.3'],
      // A ping from c1's namespace got an echo reply from c2 (whatever address or tool reached it).
      check: ({ q, trace }) => q.running('c2') && pingedOk(trace, q.nsOf('c1'), q.ipOf('c2', 'bridge')),
      predict: {
        kind: 'value',
        expected: '172.17.0.3',
        command: "docker inspect -f '{{.NetworkSettings.IPAddress}}' c2",
        answer: (out) => out.trim(),
      },
    },
    {
      id: 'fdb',
      commands: ['bridge fdb show br docker0', 'brctl showmacs docker0'],
      solution: [],
      passesBefore: true,
      // After the ping, docker0 has learned where c1's and c2's MACs are.
      check: ({ q }) => {
        const macs = q.learnedMacs('docker0');
        const m1 = q.endpointOn('c1', 'bridge')?.mac;
        const m2 = q.endpointOn('c2', 'bridge')?.mac;
        return !!m1 && !!m2 && macs.includes(m1) && macs.includes(m2);
      },
      predict: {
        kind: 'choice',
        expected: 0,
        command: 'brctl showmacs docker0',
        choices: 3,
        // 0: MACs made from the IPs (02:42:ac:11:..), 1: random MACs only, 2: none learned
        answer: (out) => {
          const learned = out.split('\n').filter((l) => /\bno\b/.test(l));
          if (learned.length === 0) return 2;
          return learned.some((l) => /02:42:ac:11:/.test(l)) ? 0 : 1;
        },
      },
    },
  ],
  text: { en, 'zh-CN': zhCN },
};
