/**
 * BusyBox 1.35 `httpd` (networking/httpd.c): binds [IP:]PORT (default *:80), serves the files under -h HOME
 * (default the current directory) as they are when it starts (the kernel's `httpd` socket application
 * answers each connection). Without -f it forks into the background and the command returns at once; with
 * -f it serves until Ctrl-C. A listener started inside a container belongs to it and goes when it stops.
 * Errors: "httpd: bind: Address already in use" (xbind), exit 1.
 */
import type { Ip4 } from '../../../lib';
import { runUntil, sockClose, sockOpen, xaGet } from '../../../kernel';
import type { CommandIO, Proc, SimCommand } from '../../types';
import { parseServer, resolvePath, type ServerSpec } from '../docker/main_servers';
import { newPid } from '../inet/socket';
import { procNsPid } from '../../pid_ns';
import type { SocketNsPid } from '../../../kernel';

type HttpdSpec = Extract<ServerSpec, { kind: 'httpd' }>;

/** A TCP listener on that port already (bind()'s EADDRINUSE). */
export function tcpPortTaken(io: CommandIO, ns: string, addr: Ip4, port: number): boolean {
  const n = xaGet(io.os.state.kernel.netns, ns);
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

/** The regular files under `home` (path as requested -> body), read through the machine's file system. */
async function homeFiles(io: CommandIO, proc: Proc, home: string): Promise<Record<string, string>> {
  const run = (script: string) => io.exec(['sh', '-c', script], proc, { capture: true, cwd: '/' });
  const r = await run(`find ${home} -type f`);
  const files: Record<string, string> = {};
  if (r.exitCode !== 0) return files;
  const paths = r.stdout
    .split('\n')
    .filter((p) => p.startsWith(home))
    .slice(0, 32);
  for (const p of paths) {
    const f = await run(`cat ${p}`);
    if (f.exitCode === 0) files[home === '/' ? p : p.slice(home.length)] = f.stdout;
  }
  return files;
}

/**
 * Bind and listen as httpd does, in `proc`'s namespace, for process `pid`; the socket id, or null when the
 * port is taken. A container's listener is recorded with it (closed when it stops).
 */
export async function startHttpd(
  io: CommandIO,
  proc: Proc,
  spec: HttpdSpec,
  cwd: string,
  pid: number,
  nsPid: SocketNsPid | null,
): Promise<number | null> {
  if (tcpPortTaken(io, proc.ns, spec.addr, spec.port)) return null;
  const bodies = await homeFiles(io, proc, resolvePath(cwd, spec.home));
  const epochMs = io.os.state.docker.epochMs;
  const nowS = Math.floor((epochMs * 1000 + io.os.state.clock.nowUs) / 1_000_000);
  const files: Record<string, { body: string; mtimeS: number }> = {};
  for (const [p, body] of Object.entries(bodies)) files[p] = { body, mtimeS: nowS };
  return io.os.mutate(({ sys, kctx }) => {
    const id = sockOpen(kctx, proc.ns, {
      proto: 'tcp',
      program: 'httpd',
      pid,
      nsPid,
      app: { kind: 'httpd', epochMs, files },
      localAddr: spec.addr,
      localPort: spec.port,
      state: 'LISTEN',
      // httpd.c: xlisten(fd, 9).
      backlog: 9,
    });
    sys.docker.containers[proc.machine]?.sockets.push({ ns: proc.ns, id });
    return id;
  });
}

export const httpdCommand: SimCommand = {
  name: 'httpd',
  async run(io: CommandIO) {
    const spec = parseServer(io.argv, true);
    if (!spec || spec.kind !== 'httpd') {
      io.err('httpd: invalid arguments\n');
      return 1;
    }
    const pid = newPid(io);
    const sock = await startHttpd(io, io.proc, spec, '/', pid, procNsPid(io.proc, pid));
    if (sock === null) {
      io.err('httpd: bind: Address already in use\n');
      return 1;
    }
    if (!spec.foreground) return 0;
    // -f: serve until Ctrl-C, then the listener goes with the process.
    while (!io.signal.aborted) {
      const start = io.os.state.clock.nowUs;
      io.os.mutate(({ kctx }) => runUntil(kctx, start + 1_000_000));
      await io.pace(io.os.state.clock.nowUs - start);
    }
    io.os.mutate(({ kctx }) => sockClose(kctx, io.proc.ns, sock));
    return 130;
  },
};
