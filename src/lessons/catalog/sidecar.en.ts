import type { LessonText } from '../types';

export const en: LessonText = {
  title: 'container: the nginx sidecar',
  summary:
    '`--network container:NAME` puts a new container into an existing container’s sandbox: same interfaces, same IP, same ports, same localhost. The article’s example is two nginx containers.',
  steps: {
    nginx1: {
      title: 'The first nginx',
      body: 'Start my-nginx1 on the default bridge, as in the article. It gets its own sandbox and address, and nginx listens on port 80 in it.',
      hints: ['`docker run -d --name my-nginx1 nginx`'],
    },
    join: {
      title: 'Join its namespace',
      body: 'Start a busybox sidecar with `--network container:my-nginx1`. Docker makes no sandbox and no endpoint for it: its processes enter my-nginx1’s namespace. On the graph both cards sit in the same box.',
      hints: [
        '`docker run -d --name sidecar --network container:my-nginx1 busybox sleep 3600`',
        'my-nginx1 must be running.',
      ],
      predict: {
        question: 'Which address will `ip addr show eth0` print in the sidecar?',
        choices: ['my-nginx1’s address', 'An address of its own (the next free one)', 'None: it has no eth0'],
        explain:
          'There is one eth0 in that namespace, my-nginx1’s; the sidecar sees the very same device and address.',
      },
      done: 'Two containers, one sandbox.',
    },
    ports: {
      title: 'Ports are shared too: the article’s my-nginx2',
      body: 'The article runs a second nginx, my-nginx2, in my-nginx1’s namespace. Try it and read its logs: the port space is shared, so the second nginx cannot bind port 80 and exits. File systems and processes are not shared; the network stack is. A real sidecar listens on another port and talks to its partner over localhost.',
      hints: [
        '`docker run -d --name my-nginx2 --network container:my-nginx1 nginx`, then `docker logs my-nginx2`.',
      ],
      done: 'my-nginx2 exited: “bind() to 0.0.0.0:80 failed (98: Address already in use)”.',
    },
    localhost: {
      title: 'localhost reaches the partner',
      body: 'From any container in that namespace, `wget` or `curl` to `http://localhost` reaches my-nginx1’s nginx: the connection never leaves the namespace, and never touches docker0.',
      hints: ['Run a client (busybox wget, or curl) in a container that joined my-nginx1’s namespace.'],
    },
  },
};
