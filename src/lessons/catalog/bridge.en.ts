import type { LessonText } from '../types';

export const en: LessonText = {
  title: 'bridge: docker0 and a veth pair per container',
  summary:
    'The default mode: every container gets its own address on docker0 (172.17.0.0/16), wired by a veth pair. Find the pair, look at the routes, ping, and watch the bridge learn.',
  steps: {
    c1: {
      title: 'A container on the default bridge',
      body: 'Start c1 without `--net`: it goes on the default network, `bridge`, whose Linux bridge is `docker0`.\n\nThe article’s screenshots show an `inet6 fe80::…` line on the container’s eth0. They predate Docker 26.0.2: since then Docker disables IPv6 on interfaces of networks that do not have IPv6 enabled, so a Docker 27 container’s eth0 has no link-local IPv6 address (lo keeps ::1).',
      hints: [
        '`docker run -d --name c1 busybox sleep 3600`',
        'The name must be c1 and it must keep running.',
      ],
      predict: {
        question: 'Will c1’s eth0 have an `inet6 fe80::…` line, as in the article?',
        choices: ['Yes, a link-local IPv6 address', 'No: IPv4 only'],
        explain:
          'Docker 26.0.2 and later set disable_ipv6 on eth0 when the network has no IPv6, so no link-local address is made.',
      },
      done: 'c1’s eth0 and its host-side veth are highlighted.',
    },
    veth: {
      title: 'Find c1’s veth on the host',
      body: 'Inside c1, `ip link show eth0` prints `N: eth0@ifM`. M is the ifindex of the other end of the pair, in the host (c1’s `/sys/class/net/eth0/iflink` holds the same number). On the host, `ip link show master docker0` lists docker0’s ports: the one numbered M is c1’s.\n\nThen look at c1’s routing table, as the article does.',
      hints: [
        'Compare the `@ifM` number in c1 with the numbers in front of the host’s veth names.',
        '`docker exec c1 route -n` runs busybox’s route inside c1.',
      ],
      predict: {
        question: 'Which gateway will the default route (0.0.0.0) in c1 have?',
        explain: 'The gateway is docker0’s own address, the first address of the network (172.17.0.1).',
      },
    },
    ping: {
      title: 'Ping between containers',
      body: 'Start c2 and ping it from c1. On the default bridge there is no DNS by container name: use the address.',
      hints: [
        '`docker run -d --name c2 busybox sleep 3600`, then find its address with `docker inspect`.',
        'On the default bridge, `ping c2` fails with `bad address`: use c2’s IP.',
      ],
      predict: {
        question: 'c1 has 172.17.0.2. Which address will c2 get?',
        explain:
          'IPAM hands out the lowest free address of the pool: .1 is the gateway, .2 is c1, so c2 gets .3.',
      },
      done: 'The echo reply came back from c2 through docker0.',
    },
    fdb: {
      title: 'The bridge learned the MACs',
      body: 'A bridge is a switch: it learns which MAC address is behind which port from the frames it sees. After your ping, look at docker0’s forwarding database.',
      hints: ['`brctl showmacs docker0` or `bridge fdb show br docker0` on the host.'],
      predict: {
        question: 'Which MAC addresses will docker0 have learned (is local? = no)?',
        choices: [
          'MACs made from the containers’ IPs: 02:42:ac:11:00:02 and 02:42:ac:11:00:03',
          'Random MACs',
          'None: nothing learned yet',
        ],
        explain:
          'Docker 27 derives an endpoint’s MAC from its IPv4 address (02:42 + the four bytes of the IP). The “yes” rows are the host-side veths’ own MACs, which are random.',
      },
    },
  },
};
