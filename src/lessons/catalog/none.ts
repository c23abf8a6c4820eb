/** Lesson 2: `--net=none`: a sandbox with only lo (the seed's first mode). */
import type { Lesson } from '../types';
import type { WorldQuery } from '../world_query';
import { pingedOk } from '../trace_query';
import { en } from './none.en';
import { zhCN } from './none.zh_CN';

/** Namespaces of running `none` containers. */
function noneNamespaces(q: WorldQuery): string[] {
  return q
    .containers()
    .filter((c) => c.status === 'running' && c.networkMode === 'none' && c.ns !== null)
    .map((c) => c.ns as string);
}

export const none: Lesson = {
  id: 'none',
  steps: [
    {
      id: 'run',
      commands: ['docker run --net=none -it busybox'],
      solution: ['docker run --net=none -it busybox'],
      // A running none-mode container whose namespace holds nothing but lo.
      check: ({ q }) =>
        noneNamespaces(q).some((ns) => {
          const devs = q.devices(ns);
          return devs.length === 1 && devs[0]?.kind === 'loopback';
        }),
      highlight: (q) =>
        q
          .containers()
          .filter((c) => c.networkMode === 'none' && c.status === 'running')
          .map((c) => ({
            kind: 'sandbox' as const,
            container: c.name.replace(/^\//, ''),
            role: 'sandbox' as const,
          })),
    },
    {
      id: 'look',
      commands: ['ifconfig', 'route -n'],
      solution: ['ifconfig'],
      passesBefore: true,
      check: ({ q }) => noneNamespaces(q).length > 0,
      predict: {
        kind: 'choice',
        expected: 0,
        command: 'route -n',
        choices: 3,
        // 0: only the two header lines, 1: a default route via docker0's address, 2: some other route
        answer: (out) => {
          const rows = out
            .split('\n')
            .slice(2)
            .filter((l) => l.trim() !== '');
          if (rows.length === 0) return 0;
          return rows.some((r) => r.includes('172.17.0.1')) ? 1 : 2;
        },
      },
    },
    {
      id: 'loopback',
      commands: ['ping -c 1 127.0.0.1', 'ping -c 1 8.8.8.8'],
      solution: ['ping -c 1 127.0.0.1'],
      // Some ping inside a none container got its echo reply (over lo: nothing else is there).
      check: ({ q, trace }) => noneNamespaces(q).some((ns) => pingedOk(trace, ns)),
      predict: {
        kind: 'choice',
        expected: 0,
        command: 'ping -c 1 8.8.8.8',
        choices: 3,
        // 0: sendto fails at once (no route), 1: waits and loses the packet, 2: a reply
        answer: (out) =>
          out.includes('Network is unreachable') ? 0 : out.includes(' 0 packets received') ? 1 : 2,
      },
    },
    {
      id: 'leave',
      commands: ['exit', 'docker ps -a'],
      solution: ['exit'],
      // The shell was the container's main process: leaving it stops the container.
      check: ({ q }) =>
        q.containers().some((c) => c.networkMode === 'none' && c.status === 'exited') &&
        noneNamespaces(q).length === 0,
    },
  ],
  text: { en, 'zh-CN': zhCN },
};
