/**
 * A main process that serves (main_servers.ts says which servers): what runs before them goes first (its
 * output is the log), then each server binds its port in the container's namespace and stays there, as a
 * socket application, until the container stops. httpd (commands/httpd) serves the files its home holds
 * now; `echo ... | nc -l` sends what echo printed. A port already taken fails the bind as the programs
 * report it.
 */
import { sockOpen } from '../../../kernel';
import type { DockerContainer } from '../../../docker';
import type { CommandIO } from '../../types';
import { containerEnv, containerProc } from './process';
import { startHttpd, tcpPortTaken } from '../httpd';
import { planMain, type MainPlan, type ServerSpec } from './main_servers';

/** Whether a main command's netcat is BusyBox's (busybox, alpine) rather than netcat-openbsd. */
function busyboxNc(c: DockerContainer): boolean {
  return c.userland === 'busybox' || c.userland === 'alpine';
}

export function mainPlan(c: DockerContainer): MainPlan {
  return planMain([c.path, ...c.args], busyboxNc(c));
}

/** What a command run in the container starts (docker exec -d). */
export function execPlan(c: DockerContainer, argv: string[]): MainPlan {
  return planMain(argv, busyboxNc(c));
}

async function runIn(io: CommandIO, id: string, script: string, cwd: string) {
  const st = io.os.state.docker;
  const c = st.containers[id];
  if (!c) return null;
  return io.exec(['sh', '-c', script], containerProc(st, c), {
    capture: true,
    env: containerEnv(st, c),
    cwd,
  });
}

function appendLog(io: CommandIO, id: string, text: string): void {
  if (text === '') return;
  io.os.mutate(({ sys }) => {
    const c = sys.docker.containers[id];
    if (c) c.logs += text;
  });
}

/**
 * Start the servers of a process in a running container (its main process, or `docker exec -d`): the
 * prelude first, then each server. Returns false when none could bind (the program's message is in the log
 * for a main process).
 */
export async function startServers(
  io: CommandIO,
  id: string,
  plan: MainPlan,
  pid: number,
  main: boolean,
): Promise<boolean> {
  if (plan.servers.length === 0) return true;
  // The main process is pid 1 of the container's PID namespace; an exec'd one is numbered here as on the host.
  const nsPid = { ns: id, pid: main ? 1 : pid };
  if (plan.prelude !== null) {
    const r = await runIn(io, id, plan.prelude, '/');
    if (r && main) appendLog(io, id, r.stdout + r.stderr);
  }
  let bound = 0;
  for (const s of plan.servers) {
    const c = io.os.state.docker.containers[id];
    if (!c?.ns) return true;
    const proc = containerProc(io.os.state.docker, c);
    if (s.kind === 'httpd') {
      if ((await startHttpd(io, proc, s, plan.cwd, pid, nsPid)) === null) {
        if (main) appendLog(io, id, 'httpd: bind: Address already in use\n');
      } else bound++;
      continue;
    }
    const ns = c.ns;
    if (tcpPortTaken(io, ns, s.addr, s.port)) {
      if (main) appendLog(io, id, 'nc: bind: Address already in use\n');
      continue;
    }
    const app = await ncApp(io, id, c, s, plan.cwd);
    io.os.mutate(({ sys, kctx }) => {
      const sock = sockOpen(kctx, ns, {
        proto: 'tcp',
        program: 'nc',
        pid,
        nsPid,
        app,
        localAddr: s.addr,
        localPort: s.port,
        state: 'LISTEN',
        // nc.c listen(fd, 1) per -l; netcat-openbsd listen(s, 1).
        backlog: 1,
      });
      sys.docker.containers[id]?.sockets.push({ ns, id: sock });
    });
    bound++;
  }
  return bound > 0;
}

/** The servers of a container's main process, started with it. */
export function startMainServers(io: CommandIO, id: string): Promise<boolean> {
  const c = io.os.state.docker.containers[id];
  if (!c?.ns) return Promise.resolve(true);
  return startServers(io, id, mainPlan(c), c.pid, true);
}

async function ncApp(
  io: CommandIO,
  id: string,
  c: DockerContainer,
  s: Extract<ServerSpec, { kind: 'nc' }>,
  cwd: string,
) {
  let reply = '';
  if (s.feed !== null) {
    const r = await runIn(io, id, s.feed, cwd);
    reply = r?.stdout ?? '';
  }
  // stdin: the pipe (EOF after what it sent), /dev/null without -i, the open terminal with -i.
  const stdinEof = s.feed !== null || !c.openStdin;
  return { kind: 'nc' as const, stdinEof: busyboxNc(c) ? stdinEof : false, keep: s.keep, reply };
}
