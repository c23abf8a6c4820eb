import type { LessonText } from '../types';

export const en: LessonText = {
  title: 'User-defined bridges',
  summary:
    'A network you create gets its own Linux bridge and subnet, DNS by container name, and isolation from other networks. `docker network connect` adds an endpoint to a running container.',
  steps: {
    create: {
      title: 'Create a network',
      body: '`docker network create` makes a new bridge network: a Linux bridge named `br-` plus the first 12 characters of the network’s id, with the next free /16 from Docker’s default pools.',
      hints: ['`docker network create mynet`'],
      predict: {
        question: 'docker0 has 172.17.0.0/16. Which subnet will mynet get?',
        explain:
          'The default pools are 172.17–31.0.0/16, then 192.168.0.0/20s; docker0 took the first, so mynet gets 172.18.0.0/16.',
      },
      done: 'A new bridge appeared in the host.',
    },
    dns: {
      title: 'Containers find each other by name',
      body: 'On a user-defined network, Docker’s embedded DNS server (127.0.0.11 inside each container) answers for container names. Start two containers on mynet and ping one from the other by name.',
      hints: ['Both containers need `--network mynet`.', '`docker exec a1 ping -c 1 a2`'],
      done: 'a2’s name resolved to its mynet address, and it answered.',
    },
    isolation: {
      title: 'Networks are isolated from each other',
      body: 'Start c1 on the default bridge and try to reach a1 on mynet (172.18.0.2). The host routes between the two bridges, but Docker’s DOCKER-ISOLATION chains in the FORWARD path drop traffic between networks.',
      hints: [
        '`docker run -d --name c1 busybox sleep 3600`, then `docker exec c1 ping -c 1 -W 1 172.18.0.2`.',
      ],
      predict: {
        question: 'What will c1’s ping to 172.18.0.2 print?',
        choices: ['A reply', '1 packets transmitted, 0 packets received', '`Network is unreachable`'],
        explain:
          'c1 has a default route, so the packet is sent; the host drops it in DOCKER-ISOLATION-STAGE-2 and nothing comes back.',
      },
      done: 'The trace shows the drop in DOCKER-ISOLATION-STAGE-2.',
    },
    connect: {
      title: 'Connect c1 to mynet as well',
      body: '`docker network connect` adds a second endpoint (eth1) to c1’s sandbox. Now c1 is on both networks and can reach a1 directly, by name too.',
      hints: ['`docker network connect mynet c1`', 'Then `docker exec c1 ping -c 1 a1`.'],
      done: 'c1 reached a1 over its new eth1.',
    },
  },
};
