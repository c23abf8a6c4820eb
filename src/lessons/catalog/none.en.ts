import type { LessonText } from '../types';

export const en: LessonText = {
  title: 'none: a sandbox with nothing in it',
  summary:
    'The first mode of the article: `--net=none` gives a container its own network namespace with only the loopback interface.',
  steps: {
    run: {
      title: 'Start a container with no network',
      body: 'Run busybox with `--net=none` and `-it`: you get a shell inside the container. Docker still makes a sandbox (a namespace), but it creates no endpoint: no veth, no bridge port, no address.',
      hints: [
        'The exact line is `docker run --net=none -it busybox`.',
        'After it runs, the prompt changes to `/ #`: you are inside the container.',
      ],
      done: 'The new box on the graph has only lo in it.',
    },
    look: {
      title: 'Look inside: ifconfig and route -n',
      body: 'Inside the container, run `ifconfig` and `route -n`, as the article does.\n\nYour `ifconfig` shows an `inet6 addr: ::1/128` line for lo that the article’s screenshot does not have: the article’s host most likely had IPv6 switched off altogether. With IPv6 on in the kernel, lo gets ::1 in every new namespace.',
      hints: ['Type the commands in the container’s shell (prompt `/ #`), not on the host.'],
      predict: {
        question: 'What will `route -n` print in this container?',
        choices: [
          'Only the header: the routing table is empty',
          'A default route via 172.17.0.1',
          'A route for 127.0.0.0/8 via lo',
        ],
        explain:
          'The loopback routes live in the local table, which `route -n` does not show; the main table is empty because nothing with an address was ever configured here.',
      },
    },
    loopback: {
      title: 'lo works, nothing else does',
      body: 'Ping the loopback address, then try the outside world. That is the trade: maximum freedom (you can wire the namespace by hand later) and no connectivity until you do. It suits batch jobs that must not touch the network, or tools that configure networking themselves.',
      hints: [
        '`ping -c 1 127.0.0.1` in the container’s shell.',
        'Make sure you are still inside the container (prompt `/ #`).',
      ],
      predict: {
        question: 'What happens with `ping -c 1 8.8.8.8` here?',
        choices: [
          '`sendto: Network is unreachable` at once',
          'It waits, then reports 100% packet loss',
          'A reply comes back',
        ],
        explain:
          'With no route at all, the kernel refuses to send: sendto() fails with ENETUNREACH before any packet exists.',
      },
      done: 'The echo reply went over lo and never left the namespace.',
    },
    leave: {
      title: 'Leave the container',
      body: 'Type `exit`. The shell was the container’s main process, so the container stops and its namespace goes away; `docker ps -a` still lists it as Exited.',
      hints: ['Type `exit` in the container’s shell.'],
      done: 'The sandbox box has gone from the graph.',
    },
  },
};
