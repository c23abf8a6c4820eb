/**
 * The contract between the shell runtime, the command modules, and the layer above (sim) that owns the
 * World. Commands never hold the World: they read `os.state` and change it through `os.mutate`, which the
 * sim layer runs inside the current line's transaction.
 */
import type { IFileSystem } from 'just-bash/browser';
import type { System } from '../docker';
import type { KernelCtx, NsId, TraceEvent } from '../kernel';

/** Which userland a machine's image ships: it decides which output format `ip`, `ping`, ... print. */
export type Flavour = 'gnu' | 'busybox';

/** The process a command runs as: which machine, which network namespace, which userland. */
export interface Proc {
  /** Machine id: 'host' or a container id. */
  machine: string;
  ns: NsId;
  hostname: string;
  flavour: Flavour;
  /** Commands that exist on this machine (an image without iproute2 has no `ip`, busybox has applets). */
  userland: Userland;
  /** This shell is a container's main process (`docker run -it`): the container stops when it exits. */
  pid1?: boolean;
  /** The interactive shell this process is (its binary's name: sh, ash, bash, dash, zsh): it decides the prompt. */
  shell?: string;
  /**
   * Effective capabilities ("CAP_NET_ADMIN", ...; docker/caps.ts decides a container's). Absent: all of them
   * (root on the host, `ip netns exec`). Read through `capable()` (shell/capability.ts).
   */
  caps?: readonly string[];
  /** A --privileged container's process: /sys and /proc/sys are mounted read-write (readonly_mounts.ts). */
  privilegedMounts?: boolean;
}

export interface Userland {
  /** The image's name, for messages. */
  image: string;
  /** Command names that resolve on this machine besides the shell's own text tools. */
  commands: readonly string[];
  /** Whether the `busybox` multi-call binary is present (`busybox ip a`). */
  busybox: boolean;
  /** The shell's name in its error messages ("bash" or "sh"). */
  shellName: string;
}

/** What a mutation receives: the draft System and a kernel context bound to it. */
export interface Draft {
  sys: System;
  kctx: KernelCtx;
}

export interface OsAccess {
  /** The current System (read-only snapshot; do not mutate). */
  readonly state: System;
  /**
   * Run `fn` against a draft of the System as part of the current line's transaction. Every trace event the
   * kernel emits inside is collected for the line. Returns what `fn` returns.
   */
  mutate<T>(fn: (d: Draft) => T): T;
  /** A read-only kernel context on the current state (for lookups that take a KernelCtx). */
  view(): KernelCtx;
  /** Trace events collected so far for the current line. */
  readonly traceSoFar: readonly TraceEvent[];
}

export interface ExecOutcome {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** Everything one invocation of a command module gets. */
export interface CommandIO {
  /** argv[0] is the name the command was invoked as. */
  argv: string[];
  stdin: string;
  env: ReadonlyMap<string, string>;
  cwd: string;
  proc: Proc;
  os: OsAccess;
  fs: IFileSystem;
  /** Write to stdout / stderr. Output may stream to the terminal as it is written. */
  out(text: string): void;
  err(text: string): void;
  /**
   * stdin and stdout are the terminal (isatty): a line typed as a plain command, or run through
   * `ip netns exec`/`docker exec -t` from one. Pipes, redirections and captured runs are not. curl's
   * progress meter and the clients' wait for terminal input depend on it. Absent means false.
   */
  isatty?: boolean;
  /**
   * The terminal's width in columns (TIOCGWINSZ on stdout) when `isatty`; absent when not a terminal or not
   * known (the transcript runner): ls lays names out in columns this wide, 80 without it.
   */
  columns?: number;
  /** Aborted by Ctrl-C (or a deadline in non-interactive runs). */
  signal: AbortSignal;
  /**
   * Let the wall clock catch up with `us` microseconds of simulated time: the browser waits (so `ping`
   * prints a line a second), the transcript runner returns at once.
   */
  pace(us: number): Promise<void>;
  /** Run another command line (argv words, not re-parsed) as a different process, e.g. `ip netns exec`. */
  /**
   * `capture`: keep the output in the outcome instead of streaming it to the terminal (a detached container's
   * main process writes to its log, not to the user's screen). `env` and `cwd`: the process's own environment
   * and working directory (a container's, for `docker exec`).
   */
  exec(
    argv: string[],
    proc: Proc,
    opts?: { capture?: boolean; env?: Record<string, string>; cwd?: string; tty?: boolean },
  ): Promise<ExecOutcome>;
  /** Ask the session to open an interactive shell of another process (`docker exec -it`, `docker run -it`). */
  openShell(proc: Proc, banner?: string): void;
  /**
   * The process's environment as `env` prints it, in environ order: exactly what it was started with
   * (`docker exec c env`), or what the shell that ran it exports, laid out as that shell does.
   */
  environ?(): [string, string][];
}

/** A command module: one per command or sub-verb (DESIGN.md section 6). */
export interface SimCommand {
  name: string;
  /** Always run through the shell, even typed alone: it reads what only the shell knows (its exports). */
  viaShell?: boolean;
  /** Returns the exit code; writes output through io.out / io.err. */
  run(io: CommandIO): Promise<number> | number;
}
