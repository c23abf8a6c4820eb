/**
 * `docker exec` (cli/command/container/exec.go): run a command as a new process in a running container:
 * `-it` with a shell opens the container's terminal; otherwise the command runs now and docker exec exits
 * with its code; with -d it runs in the background (servers keep listening). A command the image lacks
 * fails the way runc's exec does (exit 126). -e and --env-file add to the container's environment (env_opts.ts).
 */
import type { DockerContainer } from '../../../docker';
import { execPausedMessage, findContainer } from '../../../docker';
import type { CommandIO, Proc } from '../../types';
import type { Verb } from './cli';
import { collectEnv, readEnvInput } from './env_opts';
import { flagBool } from './flags';
import { KvFileError } from './kvfile';
import { execPlan, startServers } from './main_start';
import { commandExists, containerEnv, containerProc, mainKind } from './process';
import { EXEC_FLAGS } from './verb_flags';

const SHELLS = ['sh', 'ash', 'bash', 'zsh', 'dash', '/bin/sh', '/bin/bash', '/bin/ash', '/bin/zsh'];

export const execVerbSpec: Verb = {
  path: 'docker exec',
  use: 'docker exec [OPTIONS] CONTAINER COMMAND [ARG...]',
  short: 'Execute a command in a running container',
  flags: EXEC_FLAGS,
  interspersed: false,
  args: { min: 2 },
  async run(io, p) {
    // RunExec: parseExec reads the env files before the container is looked up; its error ends the CLI (1).
    let env: string[];
    try {
      env = collectEnv(p, await readEnvInput(io, p));
    } catch (e) {
      if (!(e instanceof KvFileError)) throw e;
      io.err(`${e.message}\n`);
      return 1;
    }
    const c = findContainer(io.os.state.docker, p.args[0] as string);
    if (c.status !== 'running') {
      io.err(`Error response from daemon: container ${c.id} is not running\n`);
      return 1;
    }
    if (c.paused) {
      io.err(`Error response from daemon: ${execPausedMessage(p.args[0] as string)}\n`);
      return 1;
    }
    const argv = p.args.slice(1);
    const cmd = argv[0] as string;
    if (!commandExists(c, cmd)) {
      io.err(
        `OCI runtime exec failed: exec failed: unable to start container process: exec: "${cmd}": executable file not found in $PATH: unknown\n`,
      );
      return 126;
    }
    const proc = containerProc(io.os.state.docker, c, flagBool(p, 'privileged'));
    if (flagBool(p, 'interactive') && flagBool(p, 'tty') && argv.length === 1 && SHELLS.includes(cmd)) {
      io.openShell({ ...proc, shell: cmd.slice(cmd.lastIndexOf('/') + 1) }, c.name);
      return 0;
    }
    const procEnv = containerEnv(io.os.state.docker, c, env, flagBool(p, 'tty'));
    if (flagBool(p, 'detach')) return execDetached(io, c, argv, proc, procEnv);
    // Without -t the process's stdout is a pipe to the CLI, not the terminal (curl then shows its meter).
    const r = await io.exec(argv, proc, {
      env: procEnv,
      cwd: '/',
      tty: flagBool(p, 'tty'),
    });
    io.out(r.stdout);
    io.err(r.stderr);
    return r.exitCode;
  },
};

/**
 * `docker exec -d`: the process runs in the background and the CLI returns at once (its output goes
 * nowhere). A server it starts stays in the container; a command that ends does its work now.
 */
async function execDetached(
  io: CommandIO,
  c: DockerContainer,
  argv: string[],
  proc: Proc,
  env: Record<string, string>,
): Promise<number> {
  const plan = execPlan(c, argv);
  const pid = io.os.mutate(({ sys }) => sys.docker.nextPid++);
  if (plan.servers.length > 0) {
    await startServers(io, c.id, plan, pid, false);
    return 0;
  }
  const kind = mainKind({ ...c, path: argv[0] as string, args: argv.slice(1), openStdin: false });
  if (kind === 'finite') {
    await io.exec(argv, proc, { capture: true, env, cwd: '/' });
  }
  return 0;
}
