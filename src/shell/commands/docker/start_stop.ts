/**
 * `docker start`, `docker stop`, `docker restart` (cli/command/container/start.go, stop.go, restart.go):
 * each container named is handled in turn and echoed as given on success; failures are printed and the
 * command exits 1 ("Error: failed to start containers: ..." for start).
 *
 * Stopping sends SIGTERM and waits --time seconds (10) before SIGKILL: nginx exits at once (0); a shell or
 * sleep as PID 1 ignores SIGTERM and is killed when the time is up (137).
 */
import { advance } from '../../../kernel';
import { DockerError, containerExited, findContainer, removeContainer } from '../../../docker';
import type { CommandIO } from '../../types';
import type { Verb } from './cli';
import { flagSet, flagString } from './flags';
import { startWithMain } from './lifecycle';
import { RESTART_FLAGS, START_FLAGS, STOP_FLAGS } from './verb_flags';

/** ContainerStop: returns the daemon error text or null. */
export async function stopOne(io: CommandIO, term: string, timeoutS: number | null): Promise<string | null> {
  let c;
  try {
    c = findContainer(io.os.state.docker, term);
  } catch (e) {
    if (e instanceof DockerError) return `Error response from daemon: ${e.message}`;
    throw e;
  }
  if (c.status !== 'running') return null;
  const graceful = c.userland === 'nginx' && c.path.endsWith('docker-entrypoint.sh');
  const waitUs = graceful ? 100_000 : (timeoutS ?? 10) * 1_000_000;
  io.os.mutate(({ kctx }) => advance(kctx, waitUs));
  await io.pace(waitUs);
  const id = c.id;
  io.os.mutate(({ sys, kctx }) => {
    const cur = sys.docker.containers[id];
    if (!cur) return;
    containerExited(kctx, sys.docker, cur, graceful ? 0 : 137);
    if (cur.autoRemove) removeContainer(kctx, sys.docker, cur, true);
  });
  return null;
}

function timeoutOf(p: Parameters<Verb['run']>[1]): number | null | 'bad' {
  if (!flagSet(p, 'time')) return null;
  const v = flagString(p, 'time');
  return /^-?\d+$/.test(v) ? Number(v) : 'bad';
}

export const startVerbSpec: Verb = {
  path: 'docker start',
  use: 'docker start [OPTIONS] CONTAINER [CONTAINER...]',
  short: 'Start one or more stopped containers',
  flags: START_FLAGS,
  args: { min: 1 },
  async run(io, p) {
    const failed: string[] = [];
    for (const term of p.args) {
      let id: string;
      let paused: boolean;
      try {
        const c = findContainer(io.os.state.docker, term);
        id = c.id;
        paused = c.paused === true;
      } catch (e) {
        if (!(e instanceof DockerError)) throw e;
        io.err(`Error response from daemon: ${e.message}\n`);
        failed.push(term);
        continue;
      }
      // daemon.ContainerStart checks Paused before Running: a paused container is both.
      const r = paused
        ? { error: 'cannot start a paused container, try unpause instead' }
        : await startWithMain(io, id, false);
      if (r.error !== null) {
        io.err(`Error response from daemon: ${r.error}\n`);
        failed.push(term);
        continue;
      }
      io.out(`${term}\n`);
    }
    if (failed.length > 0) {
      io.err(`Error: failed to start containers: ${failed.join(', ')}\n`);
      return 1;
    }
    return 0;
  },
};

export const stopVerbSpec: Verb = {
  path: 'docker stop',
  use: 'docker stop [OPTIONS] CONTAINER [CONTAINER...]',
  short: 'Stop one or more running containers',
  flags: STOP_FLAGS,
  args: { min: 1 },
  async run(io, p) {
    const t = timeoutOf(p);
    if (t === 'bad') {
      io.err(
        `invalid argument "${flagString(p, 'time')}" for "-t, --time" flag: strconv.ParseInt: parsing "${flagString(p, 'time')}": invalid syntax\nSee 'docker stop --help'.\n`,
      );
      return 125;
    }
    const errs: string[] = [];
    for (const term of p.args) {
      const e = await stopOne(io, term, t);
      if (e) errs.push(e);
      else io.out(`${term}\n`);
    }
    if (errs.length > 0) {
      io.err(`${errs.join('\n')}\n`);
      return 1;
    }
    return 0;
  },
};

export const restartVerbSpec: Verb = {
  path: 'docker restart',
  use: 'docker restart [OPTIONS] CONTAINER [CONTAINER...]',
  short: 'Restart one or more containers',
  flags: RESTART_FLAGS,
  args: { min: 1 },
  async run(io, p) {
    const t = timeoutOf(p);
    const errs: string[] = [];
    for (const term of p.args) {
      const e = await stopOne(io, term, t === 'bad' ? null : t);
      if (e) {
        errs.push(e);
        continue;
      }
      const id = findContainer(io.os.state.docker, term).id;
      const r = await startWithMain(io, id, false);
      if (r.error !== null) {
        errs.push(`Error response from daemon: Cannot restart container ${term}: ${r.error}`);
        continue;
      }
      io.os.mutate(({ sys }) => {
        const c = sys.docker.containers[id];
        if (c) c.restartCount = 0;
      });
      io.out(`${term}\n`);
    }
    if (errs.length > 0) {
      io.err(`${errs.join('\n')}\n`);
      return 1;
    }
    return 0;
  },
};
