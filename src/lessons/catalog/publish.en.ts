import type { LessonText } from '../types';

export const en: LessonText = {
  title: 'Publishing a port',
  summary:
    '`-p 8080:80` makes a container’s port reachable on the host’s own addresses. See the three things Docker sets up for it: a DNAT rule, a hairpin MASQUERADE rule and a docker-proxy.',
  steps: {
    run: {
      title: 'Run nginx with -p 8080:80',
      body: 'Start nginx and publish its port 80 on the host’s port 8080. `docker ps` shows the mapping as `0.0.0.0:8080->80/tcp`.',
      hints: ['`docker run -d --name web -p 8080:80 nginx`', 'The order is HOST:CONTAINER.'],
      done: 'nginx listens on port 80 in its namespace; the host forwards 8080 to it.',
    },
    dnat: {
      title: 'The DNAT rule and the hairpin',
      body: 'Packets that arrive for a host address on port 8080 are rewritten (DNAT) to the container’s address and port 80, in the nat table’s DOCKER chain. PREROUTING jumps there for packets from outside, OUTPUT for connections made on the host itself.\n\nIn POSTROUTING, a rule with the container as both source and destination masquerades “hairpin” traffic: a container reaching its own published port through the host. In the filter table, the DOCKER chain accepts the translated packets.\n\nConnections from the host’s own processes to localhost:8080 go through docker-proxy, a userland process listening on 8080.',
      hints: ['`iptables -t nat -S DOCKER` lists the nat table’s DOCKER chain as rules.'],
      predict: {
        question: 'Which rule will `iptables -t nat -S DOCKER` show for web?',
        choices: [
          '`! -i docker0 -p tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80`',
          '`-p tcp --dport 80 -j DNAT --to-destination 172.17.0.2:8080`',
          'None: Docker uses only docker-proxy',
        ],
        explain:
          'The rule matches the host port (8080) and rewrites to the container’s address and port (80). `! -i docker0` leaves traffic coming from the bridge itself to the hairpin path.',
      },
    },
    reach: {
      title: 'Reach it through the host',
      body: 'From another container, fetch the host’s address 10.0.12.13 on port 8080. From the LAN, the DNAT rule would rewrite the connection to nginx. From a container on docker0 the rule does not apply (`! -i docker0`): the connection reaches docker-proxy, which listens on the host’s port 8080 and relays it to the container’s port 80.',
      hints: [
        'Use the host’s address, 10.0.12.13, not the container’s.',
        '`docker run --rm nicolaka/netshoot curl -s http://10.0.12.13:8080/`',
      ],
      done: 'nginx answered through the host’s port 8080.',
    },
  },
};
