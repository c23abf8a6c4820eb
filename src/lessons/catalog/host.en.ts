import type { LessonText } from '../types';

export const en: LessonText = {
  title: 'host: no namespace of its own',
  summary:
    'With `--net=host` Docker makes no sandbox: the container’s processes run in the host’s network namespace, see all its interfaces, and can listen on its ports directly.',
  steps: {
    run: {
      title: 'A shell in the host’s network',
      body: 'Run busybox with `--net=host`. No new box appears on the graph: the container sits inside the host frame.',
      hints: ['`docker run -it --net=host busybox`'],
      predict: {
        question: 'What will `ip a` list inside this container?',
        choices: [
          'Only lo',
          'lo and one eth0, like any container',
          'The host’s interfaces: lo, eth0, docker0, the veths…',
        ],
        explain:
          'The container shares the host’s network namespace, so it sees exactly what the host sees. Its file system and process list stay isolated.',
      },
    },
    compare: {
      title: 'Compare with the article',
      body: 'The article’s `ip a` in a host-mode container shows lo, eth0 10.0.12.13/22, docker0 172.17.0.1/16 and its br- bridges. Yours shows the same host (the simulator is built on the article’s machine), with only the networks you created.\n\nHost interfaces keep their IPv6 link-local addresses: the Docker 26.0.2 change only concerns container endpoints. `exit` leaves the shell.',
      hints: ['Type `exit` to leave the container shell when you are done.'],
    },
    ports: {
      title: '-p is discarded',
      body: 'Publish a port on a host-mode container: Docker warns that published ports are discarded. There is nothing to map: nginx binds the host’s port 80 itself, with no NAT and no docker-proxy. Fast, but two such containers cannot both use port 80, and at cluster scale port clashes become your problem.',
      hints: [
        '`docker run -d --name hweb --net=host -p 8080:80 nginx`',
        'Read the WARNING line, then look for a DNAT rule for 8080.',
      ],
      done: 'nginx listens on the host’s port 80; no DNAT rule was written.',
    },
  },
};
