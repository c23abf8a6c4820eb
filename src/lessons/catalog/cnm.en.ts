import type { LessonText } from '../types';

export const en: LessonText = {
  title: 'CNM in one picture',
  summary:
    'Docker’s Container Network Model has three nouns: sandbox, endpoint, network. Watch each one appear on the graph as a real Linux object.',
  steps: {
    sandbox: {
      title: 'A sandbox is a network namespace',
      body: 'libnetwork implements CNM, and Docker calls it for every container. The first thing it makes is a **sandbox**: the container’s own network stack (interfaces, routes, DNS settings). On Linux a sandbox is a network namespace.\n\nStart a container and watch a new box appear next to the host: that box is c1’s sandbox.',
      hints: [
        'Click the command to type it into the terminal, then press Enter if it did not run.',
        'The container must still be running: `sleep 3600` keeps it alive for an hour.',
      ],
      done: 'c1 runs in a namespace of its own. The highlighted box is the sandbox.',
    },
    endpoint: {
      title: 'An endpoint joins a sandbox to a network',
      body: 'An **endpoint** connects a sandbox to a network. With the bridge driver it is a veth pair: one end is `eth0` inside c1, the other end stays in the host and is plugged into the bridge `docker0`.\n\nAnswer the question first, then run the commands: `@ifN` after a name is the ifindex of the other end of the pair.',
      hints: [
        '`ip link show master docker0` lists the ports of the bridge docker0.',
        'In c1, `eth0@ifN`: N is the host-side veth’s index; on the host it shows `vethXXXX@ifM` with M the index of c1’s eth0.',
      ],
      predict: {
        question: 'Which interfaces will `ip link show master docker0` list on the host?',
        choices: [
          'A veth with a random name (the host end of c1’s pair)',
          'c1’s eth0 itself',
          'Nothing: docker0 has no ports',
        ],
        explain:
          'eth0 lives in c1’s namespace, so the host cannot see it. What the host sees is the other end of the pair, `vethXXXXXXX`, enslaved to docker0.',
      },
      done: 'Both ends of the endpoint are highlighted: eth0 in the sandbox, the veth on the host.',
    },
    network: {
      title: 'A network is a bridge; a sandbox can join several',
      body: 'A **network** is a group of endpoints that can talk directly. The bridge driver implements it with a Linux bridge: `docker0` for the default network, `br-<id>` for each network you create.\n\nOne sandbox may hold several endpoints on several networks. Create a network and connect c1 to it as well.',
      hints: [
        'First `docker network create mynet`, then `docker network connect mynet c1`.',
        'Connecting adds an endpoint; c1 keeps its first one.',
      ],
      predict: {
        question: 'After the connect, what will c1’s new interface be called inside the container?',
        explain:
          'libnetwork names interfaces in a sandbox eth0, eth1, … with a counter kept per sandbox, so the second endpoint is eth1.',
      },
      done: 'One sandbox, two endpoints, two networks: that is the whole of CNM.',
    },
  },
};
