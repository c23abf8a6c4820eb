/**
 * Run a command against a World without changing it: the inspector's "show as the real command prints it"
 * (`route -n`, `ip -d link`, `bridge fdb`, `iptables -L -n -v`, `docker inspect`). The same command modules as
 * the terminals run it, in a throwaway transaction whose result is discarded, so the text is exactly what the
 * terminal would print and nothing the user sees (World, history, undo) moves.
 */
import type { KernelHooks } from '../kernel';
import type { ExecOutcome, Proc } from '../shell';
import { DYNAMIC_FILES, HOST_USERLAND, ShellSession, SimFs, loadShellRuntime } from '../shell';
import { HOST_HOSTNAME } from './default_world';
import { Txn } from './transact';
import type { World } from './world';

/** A host process in namespace `ns` (what `ip netns exec` / `nsenter --net` gives): host tools, gnu output. */
export function hostProcIn(world: World, ns: string): Proc {
  return {
    machine: 'host',
    ns: ns || world.kernel.rootNs,
    hostname: HOST_HOSTNAME,
    flavour: 'gnu',
    userland: HOST_USERLAND,
  };
}

/** Runs lines read-only; keeps one shell session per namespace (building one costs a just-bash instance). */
export class QueryRunner {
  private readonly sessions = new Map<string, { session: ShellSession; fs: SimFs }>();
  private current: { session: ShellSession; txn: Txn } | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly hooks: KernelHooks = {}) {}

  private sessionFor(proc: Proc): ShellSession {
    const key = `${proc.machine}|${proc.ns}`;
    let s = this.sessions.get(key);
    if (!s) {
      const fs = new SimFs({ '/tmp/.keep': '' }, DYNAMIC_FILES, () => {
        const c = this.current;
        if (!c) throw new Error('sim: file access outside a query');
        return { proc: c.session.currentProc(), os: c.txn };
      });
      const session = new ShellSession({
        proc,
        fs,
        cwd: '/',
        env: { HOME: '/root', USER: 'root' },
      });
      s = { session, fs };
      this.sessions.set(key, s);
    }
    return s.session;
  }

  /** Run `line` as `proc` on `world`; the World is not changed (the transaction is dropped). */
  run(world: World, proc: Proc, line: string): Promise<ExecOutcome> {
    const job = this.queue.then(async () => {
      await loadShellRuntime();
      const session = this.sessionFor(proc);
      const txn = new Txn(world, this.hooks);
      let out = '';
      let err = '';
      this.current = { session, txn };
      try {
        const r = await session.run(line, {
          os: txn,
          signal: new AbortController().signal,
          out: (s) => (out += s),
          err: (s) => (err += s),
          pace: () => Promise.resolve(),
          openShell: () => undefined,
        });
        return r.streamed
          ? { stdout: out, stderr: err, exitCode: r.exitCode }
          : { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode };
      } finally {
        this.current = null;
      }
    });
    this.queue = job.catch(() => undefined);
    return job;
  }
}
