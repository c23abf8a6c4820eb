/**
 * Starting a container and its main process, shared by run, start and restart: the daemon's start (network
 * first), then what the process does: a daemon keeps running, an interactive shell opens a terminal, anything
 * else runs to completion now (its output is the container's log, its exit code the container's, and the
 * sandbox goes when it ends).
 */
import type { DockerContainer } from '../../../docker';
import {
  DockerError,
  containerExited,
  findContainer,
  openNginx,
  removeContainer,
  rfc3339Nano,
  startContainer,
} from '../../../docker';
import type { CommandIO } from '../../types';
import { OP_US, elapse } from './timing';
import {
  commandExists,
  containerEnv,
  containerProc,
  mainKind,
  nginxStartLog,
  notFoundStartError,
  sleepSeconds,
} from './process';
import { mainPlan, startMainServers } from './main_start';
import { UTS_RELEASE, UTS_SYSNAME, xaGet } from '../../../kernel';

export interface StartOutcome {
  /** The daemon refused to start it (message as the daemon says it). */
  error: string | null;
  /** The main process already ended with this code. */
  exited: number | null;
}

function snapshot(io: CommandIO, id: string): DockerContainer {
  const c = io.os.state.docker.containers[id];
  if (!c) throw new Error(`docker: container ${id} vanished`);
  return c;
}

/**
 * ContainerStart and the main process. `attachShell`: -it in the foreground (the shell becomes a terminal).
 */
export async function startWithMain(
  io: CommandIO,
  id: string,
  attachShell: boolean,
  attached = false,
): Promise<StartOutcome> {
  const out: StartOutcome = { error: null, exited: null };
  try {
    io.os.mutate(({ sys, kctx }) => {
      const c = findContainer(sys.docker, id);
      if (c.status === 'running') return;
      if (!commandExists(c, c.path)) throw new DockerError('system', notFoundStartError(c.path));
      startContainer(kctx, sys.docker, c);
      if (mainKind(c) === 'daemon' && c.path.endsWith('docker-entrypoint.sh')) c.logs += nginxStartLog();
    });
  } catch (e) {
    if (!(e instanceof DockerError)) throw e;
    const msg = e.message;
    io.os.mutate(({ sys }) => {
      const c = sys.docker.containers[id];
      if (!c) return;
      c.error = msg;
      c.exitCode = msg.includes('executable file not found') ? 127 : 128;
    });
    out.error = msg;
    return out;
  }
  await elapse(io, OP_US.containerStart);
  const c = snapshot(io, id);
  // In the foreground a ping without a count runs until Ctrl-C (sig-proxy), printing as it goes.
  const kind = attached && c.path.slice(c.path.lastIndexOf('/') + 1) === 'ping' ? 'finite' : mainKind(c);
  if (kind === 'daemon') {
    if (c.userland === 'nginx' && c.path.endsWith('docker-entrypoint.sh')) {
      if (!(await startNginx(io, id))) {
        // nginx gave up binding and exited 1: a foreground run shows what it printed and returns.
        out.exited = 1;
        if (attached) io.out(io.os.state.docker.containers[id]?.logs ?? '');
        io.os.mutate(({ sys, kctx }) => {
          const cur = sys.docker.containers[id];
          if (cur?.autoRemove) removeContainer(kctx, sys.docker, cur, true);
        });
      }
    } else if (!(await startMainServers(io, id)) && mainPlan(c).prelude === null) {
      // The program could not bind its port: it exits 1 (its message is in the log).
      out.exited = 1;
      io.os.mutate(({ sys, kctx }) => {
        const cur = sys.docker.containers[id];
        if (cur) containerExited(kctx, sys.docker, cur, 1);
      });
    }
    return out;
  }
  if (c.path.slice(c.path.lastIndexOf('/') + 1) === 'httpd') {
    // httpd without -f forks into the background and returns 0; PID 1 is gone, so the container stops.
    out.exited = 0;
    io.os.mutate(({ sys, kctx }) => {
      const cur = sys.docker.containers[id];
      if (!cur) return;
      containerExited(kctx, sys.docker, cur, 0);
      if (cur.autoRemove) removeContainer(kctx, sys.docker, cur, true);
    });
    return out;
  }
  if (kind === 'shell') {
    if (attachShell) {
      const shell = c.path.slice(c.path.lastIndexOf('/') + 1);
      io.openShell({ ...containerProc(io.os.state.docker, c), pid1: true, shell }, c.name);
    }
    return out;
  }
  // The output is the container's log; `docker run` in the foreground also shows it.
  const st = io.os.state.docker;
  const r = await io.exec([c.path, ...c.args], containerProc(st, c), {
    capture: true,
    env: containerEnv(st, c),
    cwd: '/',
  });
  if (attached) {
    io.out(r.stdout);
    io.err(r.stderr);
  }
  out.exited = r.exitCode;
  io.os.mutate(({ sys, kctx }) => {
    const cur = sys.docker.containers[id];
    if (!cur) return;
    cur.logs += r.stdout + r.stderr;
    containerExited(kctx, sys.docker, cur, r.exitCode);
    if (cur.autoRemove) removeContainer(kctx, sys.docker, cur, true);
  });
  return out;
}

/**
 * nginx binds 0.0.0.0:80; in a namespace where something already listens there (a second nginx joined with
 * --network container:) it retries five times, half a second apart, and exits 1.
 */
async function startNginx(io: CommandIO, id: string): Promise<boolean> {
  const ok = io.os.mutate(({ sys, kctx }) => {
    const c = sys.docker.containers[id];
    return c?.ns ? openNginx(kctx, c.ns, c, sys.docker.epochMs) : true;
  });
  const stamp = () => nginxTime(io.os.state.docker.epochMs, io.os.state.clock.nowUs);
  if (ok) {
    const t = stamp();
    const notices = [
      'using the "epoll" event method',
      'nginx/1.27.3',
      'built by gcc 12.2.0 (Debian 12.2.0-14)',
      // ngx_os_init: "OS: %s %s" with uname's sysname and release.
      `OS: ${UTS_SYSNAME} ${UTS_RELEASE}`,
      'getrlimit(RLIMIT_NOFILE): 1048576:1048576',
      'start worker processes',
      // PIDs in the container's PID namespace: the entrypoint's scripts used the ones before.
      'start worker process 29',
      'start worker process 30',
    ];
    appendLog(io, id, notices.map((n) => `${t} [notice] 1#1: ${n}\n`).join(''));
    return true;
  }
  for (let i = 0; i < 5; i++) {
    const t = stamp();
    appendLog(
      io,
      id,
      ['0.0.0.0:80', '[::]:80']
        .map(
          (a) =>
            `${t} [emerg] 1#1: bind() to ${a} failed (98: Address already in use)\nnginx: [emerg] bind() to ${a} failed (98: Address already in use)\n`,
        )
        .join(''),
    );
    await elapse(io, 500_000);
  }
  appendLog(
    io,
    id,
    `${stamp()} [emerg] 1#1: still could not bind()\nnginx: [emerg] still could not bind()\n`,
  );
  io.os.mutate(({ sys, kctx }) => {
    const c = sys.docker.containers[id];
    if (c) containerExited(kctx, sys.docker, c, 1);
  });
  return false;
}

function appendLog(io: CommandIO, id: string, text: string): void {
  io.os.mutate(({ sys }) => {
    const c = sys.docker.containers[id];
    if (c) c.logs += text;
  });
}

/** nginx's error_log time stamp: "2026/11/28 00:00:03" (the container's clock is UTC). */
function nginxTime(epochMs: number, us: number): string {
  return rfc3339Nano(epochMs, us - ((epochMs * 1000 + us) % 1_000_000))
    .replace(/-/g, '/')
    .replace('T', ' ')
    .replace('Z', '');
}

/**
 * Main processes that have ended by now (a `sleep N` whose time is up) exit as they would have: the daemon
 * notices, tears the sandbox down, and --rm removes the container. Run before every docker command.
 */
export function reapFinished(io: CommandIO): void {
  const now = io.os.state.clock.nowUs;
  const done = ncFinished(io);
  if (done.length > 0)
    io.os.mutate(({ sys, kctx }) => {
      for (const id of done) {
        const c = sys.docker.containers[id];
        if (!c) continue;
        containerExited(kctx, sys.docker, c, 0);
        if (c.autoRemove) removeContainer(kctx, sys.docker, c, true);
      }
    });
  const plan = reapPlan(io.os.state.docker.containers);
  if (plan.firstDueUs > now) return;
  const due = plan.sleepers.filter((s) => s.dueUs <= now).map((s) => s.c);
  if (due.length === 0) return;
  io.os.mutate(({ sys, kctx }) => {
    for (const d of due) {
      const c = sys.docker.containers[d.id];
      if (!c) continue;
      containerExited(kctx, sys.docker, c, 0);
      c.finishedUs = (c.startedUs ?? 0) + (sleepSeconds(c) ?? 0) * 1_000_000;
      if (c.autoRemove) removeContainer(kctx, sys.docker, c, true);
    }
  });
}

/**
 * What reaping has to look at in a containers table: the running lone `nc -l` containers, and the running
 * `sleep N` ones with the time they are due (in table order), plus the first of those times. Every docker line
 * reaps; a table that did not change (the World's tables are immutable) is not walked again: at a thousand
 * containers the walk was half of `docker ps -q`.
 */
interface ReapPlan {
  ncs: DockerContainer[];
  sleepers: { c: DockerContainer; dueUs: number }[];
  firstDueUs: number;
}

const reapPlans = new WeakMap<object, ReapPlan>();

function reapPlan(containers: Record<string, DockerContainer>): ReapPlan {
  let plan = reapPlans.get(containers);
  if (plan) return plan;
  plan = { ncs: [], sleepers: [], firstDueUs: Infinity };
  for (const c of Object.values(containers)) {
    if (c.status !== 'running') continue;
    if (c.ns && loneNc(c)) plan.ncs.push(c);
    const s = sleepOf(c);
    if (s === null) continue;
    // Started: due s seconds later; never started (no clock to count from): due at once only for `sleep 0`.
    const dueUs = c.startedUs !== null ? c.startedUs + s * 1_000_000 : s === 0 ? -Infinity : Infinity;
    plan.sleepers.push({ c, dueUs });
    plan.firstDueUs = Math.min(plan.firstDueUs, dueUs);
  }
  reapPlans.set(containers, plan);
  return plan;
}

/**
 * Containers whose main process is a one-connection `nc -l` that has finished: its listener went at
 * accept() and its connection has seen the peer's FIN (TIME-WAIT or gone), so nc returned 0.
 */
/**
 * Whether a container's main process is a lone `nc -l` (it ends with its one connection), per container object:
 * every docker line reaps, and planning the command of each of a thousand running containers cost more than
 * the line. The World's containers are immutable, so the answer holds while the object is the same.
 */
const loneNcMemo = new WeakMap<DockerContainer, boolean>();

function loneNc(c: DockerContainer): boolean {
  let v = loneNcMemo.get(c);
  if (v === undefined) {
    const plan = mainPlan(c);
    const only = plan.servers[0];
    v = plan.servers.length === 1 && plan.prelude === null && only?.kind === 'nc' && !only.keep;
    loneNcMemo.set(c, v);
  }
  return v;
}

/** sleepSeconds per container object, for the same reason (a regex per argument of every container). */
const sleepMemo = new WeakMap<DockerContainer, number | null>();

function sleepOf(c: DockerContainer): number | null {
  let v = sleepMemo.get(c);
  if (v === undefined) {
    v = sleepSeconds(c);
    sleepMemo.set(c, v);
  }
  return v;
}

function ncFinished(io: CommandIO): string[] {
  const out: string[] = [];
  for (const c of reapPlan(io.os.state.docker.containers).ncs) {
    const socks = xaGet(io.os.state.kernel.netns, c.ns as string)?.sockets ?? [];
    const live = socks.some(
      (s) => s.pid === c.pid && s.program === 'nc' && s.state !== 'TIME-WAIT' && s.state !== 'CLOSED',
    );
    if (!live) out.push(c.id);
  }
  return out;
}
