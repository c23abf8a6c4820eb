/**
 * A main process that serves (main_servers.ts says which servers): what runs before them goes first (its
 * output is the log), then each server binds its port in the container's namespace and stays there, as a
 * socket application, until the container stops. httpd serves the files its home holds now; `echo ... | nc
 * -l` sends what echo printed. A port already taken fails the bind as the programs report it.
 */
import type { Ip4 } from '../../../lib';
import { sockOpen } from '../../../kernel';
import type { DockerContainer } from '../../../docker';
import type { CommandIO } from '../../types';
import { containerEnv, containerProc } from './process';
import { planMain, resolvePath, type ServerSpec } from './main_servers';

/** Whether a main command's netcat is BusyBox's (busybox, alpine) rather than netcat-openbsd. */
function busyboxNc(c: DockerContainer): boolean {
  return c.userland === 'busybox' || c.userland === 'alpine';
}

export function mainPlan(c: DockerContainer) {
  return planMain([c.path, ...c.args], busyboxNc(c));
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

/** The files under httpd's home (path as requested -> body), read through the container's file system. */
async function homeFiles(io: CommandIO, id: string, home: string): Promise<Record<string, string>> {
  const r = await runIn(io, id, `find ${home} -type f`, '/');
  const files: Record<string, string> = {};
  if (!r || r.exitCode !== 0) return files;
  const paths = r.stdout
    .split('\n')
    .filter((p) => p.startsWith(home))
    .slice(0, 32);
  for (const p of paths) {
    const f = await runIn(io, id, `cat ${p}`, '/');
    if (f && f.exitCode === 0) files[home === '/' ? p : p.slice(home.length)] = f.stdout;
  }
  return files;
}

function portTaken(io: CommandIO, ns: string, addr: Ip4, port: number): boolean {
  const n = io.os.state.kernel.netns[ns];
  return (
    n?.sockets.some(
      (s) =>
        s.proto === 'tcp' &&
        s.state === 'LISTEN' &&
        s.localPort === port &&
        (s.localAddr === 0 || addr === 0 || s.localAddr === addr),
    ) ?? false
  );
}

function appendLog(io: CommandIO, id: string, text: string): void {
  if (text === '') return;
  io.os.mutate(({ sys }) => {
    const c = sys.docker.containers[id];
    if (c) c.logs += text;
  });
}

/**
 * Start the servers of a running container's main process. Returns false when its only server could not
 * bind (the process exits 1 with the program's message in the log).
 */
export async function startMainServers(io: CommandIO, id: string): Promise<boolean> {
  const c0 = io.os.state.docker.containers[id];
  if (!c0 || !c0.ns) return true;
  const plan = mainPlan(c0);
  if (plan.servers.length === 0) return true;
  if (plan.prelude !== null) {
    const r = await runIn(io, id, plan.prelude, '/');
    if (r) appendLog(io, id, r.stdout + r.stderr);
  }
  let bound = 0;
  for (const s of plan.servers) {
    const c = io.os.state.docker.containers[id];
    if (!c?.ns) return true;
    const ns = c.ns;
    if (portTaken(io, ns, s.addr, s.port)) {
      appendLog(
        io,
        id,
        s.kind === 'httpd' ? 'httpd: bind: Address already in use\n' : 'nc: bind: Address already in use\n',
      );
      continue;
    }
    const app = await serverApp(io, id, c, s, plan.cwd);
    io.os.mutate(({ sys, kctx }) => {
      const cur = sys.docker.containers[id];
      if (!cur) return;
      const sock = sockOpen(kctx, ns, {
        proto: 'tcp',
        program: s.kind === 'httpd' ? 'httpd' : 'nc',
        pid: cur.pid,
        app,
        localAddr: s.addr,
        localPort: s.port,
        state: 'LISTEN',
        // httpd.c xlisten(fd, 9); nc.c listen(fd, 1) per -l, netcat-openbsd listen(s, 1).
        backlog: s.kind === 'httpd' ? 9 : 1,
      });
      cur.sockets.push({ ns, id: sock });
    });
    bound++;
  }
  return bound > 0;
}

async function serverApp(io: CommandIO, id: string, c: DockerContainer, s: ServerSpec, cwd: string) {
  const epochMs = io.os.state.docker.epochMs;
  const nowS = Math.floor((epochMs * 1000 + io.os.state.clock.nowUs) / 1_000_000);
  if (s.kind === 'httpd') {
    const bodies = await homeFiles(io, id, resolvePath(cwd, s.home));
    const files: Record<string, { body: string; mtimeS: number }> = {};
    for (const [p, body] of Object.entries(bodies)) files[p] = { body, mtimeS: nowS };
    return { kind: 'httpd' as const, epochMs, files };
  }
  let reply = '';
  if (s.feed !== null) {
    const r = await runIn(io, id, s.feed, cwd);
    reply = r?.stdout ?? '';
  }
  // stdin: the pipe (EOF after what it sent), /dev/null without -i, the open terminal with -i.
  const stdinEof = s.feed !== null || !c.openStdin;
  return { kind: 'nc' as const, stdinEof: busyboxNc(c) ? stdinEof : false, keep: s.keep, reply };
}
