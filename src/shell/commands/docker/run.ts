/**
 * `docker run` (cli/command/container/run.go runRun/runContainer): parse, create (pulling when needed),
 * print the id when detached, start, then attach: a finished main process prints its output and the run
 * exits with its code; `-it` with a shell opens the container's terminal. Errors: "docker: <msg>." plus
 * "See 'docker run --help'." when it fails before the container exists (exit 125), without it at start
 * (125, 127 for a missing executable).
 */
import {
  containerExited,
  createContainer,
  DockerError,
  findContainer,
  removeContainer,
} from '../../../docker';
import type { CommandIO } from '../../types';
import { runErrorLine, type Verb } from './cli';
import { OP_US, elapse } from './timing';
import { readEnvInput } from './env_opts';
import { readLabelFiles } from './label_opts';
import { buildCreateRequest, OptsError, type RunOptions } from './container_opts';
import { flagSet } from './flags';
import { startWithMain } from './lifecycle';
import { sleepSeconds } from './process';
import { imagePresent, pullError, taggedRef } from './pull';
import { RUN_FLAGS } from './verb_flags';

/** Create from parsed options; prints warnings; returns the id or null after printing the error. */
export async function createFromOptions(
  io: CommandIO,
  o: RunOptions,
  verb: 'run' | 'create',
): Promise<string | null> {
  for (const w of o.warnings) io.err(`WARNING: ${w}\n`);
  if (!imagePresent(io.os.state.docker, o.req.image)) {
    if (!/^[a-z0-9][a-z0-9._/:@-]*$/.test(o.req.image)) {
      io.err(`docker: invalid reference format.\nSee 'docker ${verb} --help'.\n`);
      return null;
    }
    io.err(`Unable to find image '${taggedRef(o.req.image)}' locally\n`);
    io.err(
      `${runErrorLine(pullError(io.os.state.docker)).replace(/\n$/, '')}\nSee 'docker ${verb} --help'.\n`,
    );
    return null;
  }
  try {
    const r = io.os.mutate(({ sys, kctx }) => {
      const res = createContainer(kctx, sys.docker, o.req);
      return { id: res.container.id, warnings: res.warnings };
    });
    for (const w of r.warnings) io.err(`WARNING: ${w}\n`);
    await elapse(io, OP_US.containerCreate);
    return r.id;
  } catch (e) {
    if (!(e instanceof DockerError)) throw e;
    io.err(`${runErrorLine(e.message)}See 'docker ${verb} --help'.\n`);
    return null;
  }
}

export const runVerbSpec: Verb = {
  path: 'docker run',
  use: 'docker run [OPTIONS] IMAGE [COMMAND] [ARG...]',
  short: 'Create and run a new container from an image',
  flags: RUN_FLAGS,
  interspersed: false,
  args: { min: 1 },
  async run(io, p) {
    let o: RunOptions;
    try {
      o = buildCreateRequest(p, await readLabelFiles(io, p), await readEnvInput(io, p));
    } catch (e) {
      if (!(e instanceof OptsError)) throw e;
      io.err(`docker: ${e.message.replace(/\.$/, '')}.\nSee 'docker run --help'.\n`);
      return 125;
    }
    if (o.detach && flagSet(p, 'attach')) {
      io.err('Conflicting options: -a and -d\n');
      return 1;
    }
    const id = await createFromOptions(io, o, 'run');
    if (id === null) return 125;
    if (o.detach) io.out(`${id}\n`);
    const r = await startWithMain(io, id, o.interactive && o.tty && !o.detach, !o.detach);
    if (r.error !== null) {
      io.err(runErrorLine(r.error));
      if (o.req.autoRemove)
        io.os.mutate(({ sys, kctx }) =>
          removeContainer(kctx, sys.docker, findContainer(sys.docker, id), true),
        );
      return r.error.includes('executable file not found') || r.error.includes('no such file or directory')
        ? 127
        : 125;
    }
    if (o.detach) return 0;
    if (r.exited !== null) return r.exited;
    if (o.interactive && o.tty) return 0;
    return await waitForeground(io, id);
  },
};

/** A long-running main process in the foreground: wait (in simulated time) until Ctrl-C, which stops it. */
async function waitForeground(io: CommandIO, id: string): Promise<number> {
  const c = io.os.state.docker.containers[id];
  if (c) io.out(c.logs);
  const sleep = c ? sleepSeconds(c) : null;
  if (sleep !== null) {
    // `docker run busybox sleep 5`: the prompt comes back when the sleep ends.
    const end = (c?.startedUs ?? 0) + sleep * 1_000_000;
    while (!io.signal.aborted && io.os.state.clock.nowUs < end)
      await elapse(io, Math.min(1_000_000, end - io.os.state.clock.nowUs));
    if (!io.signal.aborted) {
      io.os.mutate(({ sys, kctx }) => {
        const cur = sys.docker.containers[id];
        if (!cur) return;
        containerExited(kctx, sys.docker, cur, 0);
        if (cur.autoRemove) removeContainer(kctx, sys.docker, cur, true);
      });
      return 0;
    }
  }
  // Real docker waits for Ctrl-C; a run nobody interrupts ends after ten simulated minutes.
  for (let i = 0; i < 600 && !io.signal.aborted; i++) await elapse(io, 1_000_000);
  io.os.mutate(({ sys, kctx }) => {
    const cur = sys.docker.containers[id];
    if (!cur) return;
    containerExited(kctx, sys.docker, cur, 130);
    if (cur.autoRemove) removeContainer(kctx, sys.docker, cur, true);
  });
  return 130;
}
