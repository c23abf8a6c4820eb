/**
 * Lesson 9: troubleshooting challenges. Each check asks whether the symptom is gone (a probe through the
 * simulated kernel on a copy of the World), and whether the fix kept to the rules, so every real fix passes.
 */
import type { Lesson } from '../types';
import type { WorldQuery } from '../world_query';
import { en } from './troubleshoot.en';
import { zhCN } from './troubleshoot.zh_CN';
import { xaValues } from '../../sim';

/** The namespace of the outside LAN (the host's gateway), for "from the LAN" probes. */
function lanNs(q: WorldQuery): string | null {
  const n = xaValues(q.world.kernel.netns).find((x) => x.hidden && x.label === 'LAN gateway');
  return n?.id ?? null;
}

/** c3 as the setup made it: running, on backend only, with its first address. */
function c3Untouched(q: WorldQuery): boolean {
  const eps = q.endpoints('c3');
  return q.running('c3') && eps.length === 1 && q.ipOf('c3', 'backend') === '172.18.0.2';
}

export const troubleshoot: Lesson = {
  id: 'troubleshoot',
  setup: [
    'docker network create backend',
    'docker run -d --name c3 --network backend busybox sleep 86400',
    'docker run -d --name c1 busybox sleep 86400',
    'docker run -d --name c4 busybox sleep 86400',
    'iptables -t nat -D POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE',
    'docker run -d --name shop -p 8081:80 nginx',
    'iptables -I DOCKER-USER -p tcp --dport 80 -j DROP',
  ],
  steps: [
    {
      id: 'reach',
      commands: [
        'docker exec c1 ping -c 1 -W 1 c3',
        'docker exec c1 ping -c 1 -W 1 172.18.0.2',
        'docker network ls',
      ],
      solution: ['docker network connect backend c1'],
      alternatives: [
        [
          'iptables -I DOCKER-USER -i docker0 -o br-+ -j ACCEPT',
          'iptables -I DOCKER-USER -i br-+ -o docker0 -j ACCEPT',
        ],
      ],
      wrong: [
        ['docker network connect bridge c3'],
        ['docker rm -f c3', 'docker run -d --name c3 busybox sleep 86400'],
      ],
      // c1 reaches c3's address, and c3 is as it was.
      check: ({ q }) => c3Untouched(q) && q.reach(q.nsOf('c1'), '172.18.0.2')?.reached === true,
      predict: {
        kind: 'choice',
        expected: 2,
        at: 'start',
        command: 'docker exec c1 ping -c 1 -W 1 c3',
        choices: 3,
        // 0: a reply, 1: sent, no reply, 2: the name does not resolve
        answer: (out) => (out.includes('bad address') ? 2 : out.includes(' 0 packets received') ? 1 : 0),
      },
    },
    {
      id: 'internet',
      commands: [
        'docker exec c4 ping -c 1 -W 1 8.8.8.8',
        'iptables -t nat -S POSTROUTING',
        'docker exec c4 route -n',
      ],
      solution: ['iptables -t nat -A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE'],
      alternatives: [
        ['iptables -t nat -A POSTROUTING -s 172.17.0.0/16 -o eth0 -j SNAT --to-source 10.0.12.13'],
      ],
      wrong: [['sysctl -w net.ipv4.ip_forward=1']],
      // c4 gets an answer from 8.8.8.8.
      check: ({ q }) => q.reach(q.nsOf('c4'), '8.8.8.8')?.reached === true,
    },
    {
      id: 'port',
      commands: ['docker ps', 'iptables -S DOCKER-USER', 'iptables -L DOCKER-USER -n -v --line-numbers'],
      solution: ['iptables -D DOCKER-USER -p tcp --dport 80 -j DROP'],
      alternatives: [
        ['iptables -I DOCKER-USER -d 172.17.0.0/16 -p tcp --dport 80 -j ACCEPT'],
        ['iptables -D DOCKER-USER 1'],
      ],
      wrong: [['iptables -P FORWARD ACCEPT']],
      // From the LAN, a connection to the host's 8081 is answered by nginx.
      check: ({ q }) =>
        q.running('shop') && q.reach(lanNs(q), '10.0.12.13', 'tcp', 8081)?.outcome === 'connected',
      predict: {
        kind: 'choice',
        expected: 0,
        at: 'start',
        command: 'iptables -S DOCKER-USER',
        choices: 3,
        // 0: a DROP rule for tcp port 80, 1: only the RETURN, 2: something else
        answer: (out) =>
          /--dport 80 -j DROP/.test(out) ? 0 : /^-A DOCKER-USER -j RETURN$/m.test(out) ? 1 : 2,
      },
    },
  ],
  text: { en, 'zh-CN': zhCN },
};
