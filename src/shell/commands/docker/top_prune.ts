/**
 * `docker top` (cli/command/container/top.go; daemon/top_unix.go runs `ps -ef` over the container's
 * processes, host PIDs, printed through a tabwriter of minwidth 20, padding 3) and `docker container prune`
 * (cli/command/container/prune.go: removes every stopped container, prints their full IDs under "Deleted
 * Containers:" and the space reclaimed).
 */
import type { DockerContainer, DockerState } from '../../../docker';
import { findContainer, removeContainer, rfc3339Nano } from '../../../docker';
import type { Verb } from './cli';
import { flagBool } from './flags';
import { tabwrite } from './tabwriter';

/** The process table of a running container: the main process, and nginx's workers (one per CPU, 2 here). */
function processes(
  st: DockerState,
  c: DockerContainer,
): { uid: string; pid: number; ppid: number; cmd: string }[] {
  // The main process's parent is its containerd-shim, started just before it.
  const shim = c.pid - 1;
  if (c.userland === 'nginx' && c.path.endsWith('docker-entrypoint.sh')) {
    const master = { uid: 'root', pid: c.pid, ppid: shim, cmd: 'nginx: master process nginx -g daemon off;' };
    // The image's nginx user (uid 101) has no name on the host.
    const workers = [1, 2].map((i) => ({
      uid: '101',
      pid: c.pid + 40 + i,
      ppid: c.pid,
      cmd: 'nginx: worker process',
    }));
    return [master, ...workers];
  }
  void st;
  return [{ uid: 'root', pid: c.pid, ppid: shim, cmd: [c.path, ...c.args].join(' ') }];
}

/** ps's STIME of a process started today: HH:MM (the host's clock is UTC). */
function stime(st: DockerState, us: number): string {
  return rfc3339Nano(st.epochMs, us).slice(11, 16);
}

export const topVerbSpec: Verb = {
  path: 'docker top',
  use: 'docker top CONTAINER [ps OPTIONS]',
  short: 'Display the running processes of a container',
  flags: [],
  args: { min: 1 },
  run(io, p) {
    const st = io.os.state.docker;
    const c = findContainer(st, p.args[0] as string);
    if (c.status !== 'running') {
      io.err(`Error response from daemon: container ${c.id} is not running\n`);
      return 1;
    }
    const tty = c.tty ? 'pts/0' : '?';
    const rows = processes(st, c).map((r) =>
      [r.uid, String(r.pid), String(r.ppid), '0', stime(st, c.startedUs ?? 0), tty, '00:00:00', r.cmd].join(
        '\t',
      ),
    );
    io.out(tabwrite(`${['UID\tPID\tPPID\tC\tSTIME\tTTY\tTIME\tCMD', ...rows].join('\n')}\n`, 20));
    return 0;
  },
};

export const containerPruneVerbSpec: Verb = {
  path: 'docker container prune',
  use: 'docker container prune [OPTIONS]',
  short: 'Remove all stopped containers',
  flags: [
    { long: 'force', short: 'f', kind: 'bool' },
    { long: 'filter', kind: 'value' },
  ],
  args: { exact: 0 },
  run(io, p) {
    if (!flagBool(p, 'force')) {
      io.out('WARNING! This will remove all stopped containers.\nAre you sure you want to continue? [y/N] ');
      if (!/^\s*y(es)?\s*$/i.test(io.stdin.split('\n')[0] ?? '')) return 0;
    }
    const victims = Object.values(io.os.state.docker.containers)
      .filter((c) => c.status !== 'running')
      .sort((a, b) => b.createdUs - a.createdUs)
      .map((c) => c.id);
    io.os.mutate(({ sys, kctx }) => {
      for (const id of victims) {
        const c = sys.docker.containers[id];
        if (c) removeContainer(kctx, sys.docker, c, false);
      }
    });
    if (victims.length > 0) io.out(`Deleted Containers:\n${victims.map((id) => `${id}\n`).join('')}\n`);
    io.out('Total reclaimed space: 0B\n');
    return 0;
  },
};
