/** Lesson 4: publishing a port: the DNAT rule, the hairpin MASQUERADE, docker-proxy, reaching it from outside. */
import type { Lesson } from '../types';
import type { WorldQuery } from '../world_query';
import { dnats, tcpDelivered } from '../trace_query';
import { en } from './publish.en';
import { zhCN } from './publish.zh_CN';

/** A running container with port 80 published on host port 8080. */
function published(q: WorldQuery): { name: string; containerIp: string } | null {
  for (const c of q.containers()) {
    if (c.status !== 'running') continue;
    const name = c.name.replace(/^\//, '');
    const p = q.publishedPort(name, 80);
    if (p && p.hostPort === 8080) return { name, containerIp: p.containerIp };
  }
  return null;
}

export const publish: Lesson = {
  id: 'publish',
  steps: [
    {
      id: 'run',
      commands: ['docker run -d --name web -p 8080:80 nginx', 'docker ps'],
      solution: ['docker run -d --name web -p 8080:80 nginx'],
      // Port 80 of a running container is published on the host's 8080, and nginx listens behind it.
      check: ({ q }) => {
        const p = published(q);
        return p !== null && q.listening(q.nsOf(p.name), 'tcp', 80);
      },
      highlight: () => [{ kind: 'container', container: 'web' }],
    },
    {
      id: 'dnat',
      commands: ['iptables -t nat -S DOCKER', 'iptables -t nat -S POSTROUTING', 'iptables -S DOCKER'],
      solution: [],
      passesBefore: true,
      // The engine wrote a DNAT rule for 8080 to the container, and the hairpin MASQUERADE for it.
      check: ({ q }) => {
        const p = published(q);
        if (!p) return false;
        const nat = q.rules(q.hostNs, 'nat');
        return (
          nat.some(
            (r) => r.includes('--dport 8080') && r.includes(`DNAT --to-destination ${p.containerIp}:80`),
          ) &&
          nat.some(
            (r) => r.includes(`-s ${p.containerIp}/32 -d ${p.containerIp}/32`) && r.endsWith('MASQUERADE'),
          )
        );
      },
      predict: {
        kind: 'choice',
        expected: 0,
        command: 'iptables -t nat -S DOCKER',
        choices: 3,
        // 0: --dport 8080 DNAT to :80, 1: --dport 80 DNAT to :8080, 2: no DNAT rule
        answer: (out) => {
          const m = /--dport (\d+) -j DNAT --to-destination [\d.]+:(\d+)/.exec(out);
          if (!m) return 2;
          return m[1] === '8080' && m[2] === '80' ? 0 : 1;
        },
      },
    },
    {
      id: 'reach',
      needs: ['curl'],
      // nginx's own curl inside web never goes through port 8080.
      wrong: [['docker exec web curl -s http://localhost/']],
      commands: ['docker run --rm nicolaka/netshoot curl -s http://10.0.12.13:8080/'],
      solution: ['docker run --rm nicolaka/netshoot curl -s http://10.0.12.13:8080/'],
      // nginx in the published container answered a connection that came in through the host's port 8080:
      // DNAT'ed (from the LAN, or the host itself) or relayed by docker-proxy (from a container on docker0,
      // which the DNAT rule's `! -i docker0` leaves to the proxy).
      check: ({ q, trace }) => {
        const p = published(q);
        if (!p || !tcpDelivered(trace, q.nsOf(p.name), 'nginx')) return false;
        return (
          dnats(trace).some((d) => d.before.includes(':8080') && d.after.includes(`${p.containerIp}:80`)) ||
          tcpDelivered(trace, q.hostNs, 'docker-proxy')
        );
      },
    },
  ],
  text: { en, 'zh-CN': zhCN },
};
