import type { LessonText } from '../types';

export const en: LessonText = {
  title: 'Troubleshooting challenges',
  summary:
    'Three broken setups. Find out why, then fix them any way you like: the checks test whether the problem is gone, not which commands you typed.',
  steps: {
    reach: {
      title: 'c1 cannot reach c3',
      body: 'c1 is on the default bridge, c3 on the network `backend` (172.18.0.2). Make c1 reach c3 **without changing c3** (no reconnecting, restarting or recreating it).',
      hints: [
        'Look at which networks each container is on: `docker network ls`, `docker inspect c1`.',
        'Two networks are isolated by design (DOCKER-ISOLATION chains). Either put c1 on c3’s network, or allow the traffic where Docker lets you add your own rules.',
        'Docker never touches the DOCKER-USER chain, and FORWARD jumps to it first.',
      ],
      predict: {
        question: 'What will `docker exec c1 ping -c 1 -W 1 c3` print?',
        choices: ['A reply from c3', '1 packets transmitted, 0 packets received', "`ping: bad address 'c3'`"],
        explain:
          'c1 is on the default bridge, where Docker gives no DNS by container name: c1’s /etc/resolv.conf is based on the host’s (nameserver 8.8.8.8 here), and that server has never heard of c3.',
      },
      done: 'c1 reaches c3, and c3 is as it was.',
    },
    internet: {
      title: 'c4 cannot reach the internet',
      body: 'A new container, c4, on the default bridge cannot ping 8.8.8.8 any more: someone changed a rule on the host. Find the change and fix it.',
      hints: [
        'The packet leaves with a 172.17.x.x source: who would answer that from the internet?',
        'Compare `iptables -t nat -S POSTROUTING` with what Docker normally writes there for each network.',
        'Docker hides a bridge network behind the host’s address with a MASQUERADE rule for its subnet.',
      ],
      done: 'c4’s packets leave with a source address the world can answer.',
    },
    port: {
      title: 'The port is published but curl hangs',
      body: 'shop runs nginx with `-p 8081:80`. Users on the LAN report that `curl http://10.0.12.13:8081/` just hangs. `docker ps` looks fine. Make it answer from the LAN without recreating shop.',
      hints: [
        'A hang (no “connection refused”) means something silently drops the packets.',
        'Published ports go through FORWARD after DNAT: look at the chains FORWARD jumps to, starting with DOCKER-USER.',
        'After DNAT the destination port is the container’s (80), not 8081.',
      ],
      predict: {
        question: 'What will `iptables -S DOCKER-USER` show?',
        choices: ['A DROP rule for tcp port 80', 'Only `-A DOCKER-USER -j RETURN`', 'Something else'],
        explain:
          'DOCKER-USER is the place for the administrator’s own rules, checked before Docker’s; a DROP there wins.',
      },
      done: 'A connection from the LAN to 10.0.12.13:8081 now reaches nginx.',
    },
  },
};
