/**
 * A shell on one machine (the Docker host or a container), line after line.
 *
 * just-bash gives us the bash language and the text tools, but every `exec()` starts from fresh shell state;
 * this session carries the working directory, variables, `$?` and history from one line to the next. Our own
 * commands (ip, ping, docker, ...) are registered with just-bash as closures over this session, so they see
 * the process they run as (which can change inside a line: `ip netns exec NS cmd`).
 *
 * A line made of plain words that names one of our commands runs directly, without just-bash, so that its
 * output can stream (ping prints a line per second) and Ctrl-C can stop it with its summary.
 */
import type { Bash, CommandContext } from 'just-bash/browser';
import { hasShellTool } from './path_table';
import { makeInterpreter } from './interpreter';
import { hideOwnTrace } from './xtrace_hide';
import { shellCommands } from './runtime';
import { ShellWriteError, type SimFs } from './fs';
import type { ExecOutcome, Proc, SimCommand } from './types';
import { plainWords, shellQuote } from './words';
import { Invocation, type ExecOptions, type LineEnv } from './invocation';
import { ShellLookups } from './lookup_state';
import { shellOf } from './environ';

export { plainWords, shellQuote };

export type { LineEnv } from './invocation';

export interface LineOutcome extends ExecOutcome {
  /** Output already delivered through LineEnv.out/err while the line ran (not repeated in stdout/stderr). */
  streamed: boolean;
}

/** An error inside the simulator itself (not a user error): the transcript runner exits 70 on it. */
export class InternalError extends Error {
  override readonly cause: unknown;
  constructor(cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.cause = cause;
  }
}

const LIMIT_HINT = /, increase executionLimits\.\w+/g;

/** just-bash hands stdin over as a latin1-shaped string of UTF-8 bytes. */
function utf8FromByteString(b: string): string {
  if (typeof b !== 'string') return '';
  const bytes = new Uint8Array(b.length);
  for (let i = 0; i < b.length; i++) bytes[i] = b.charCodeAt(i) & 255;
  return new TextDecoder().decode(bytes);
}

export interface SessionOptions {
  proc: Proc;
  /** The commands this shell runs as ours; absent: every command module (shell/runtime.ts, loaded by then). */
  commands?: readonly SimCommand[];
  /** The machine's file system (shared by every terminal on that machine). */
  fs: SimFs;
  cwd: string;
  /** The environment the shell starts with (exported to what it runs). */
  env: Record<string, string>;
  /** Variables the shell sets for itself without exporting them (bash's HOSTNAME). */
  shellVars?: Record<string, string>;
  /**
   * The file system of another machine's processes (`docker exec` from this terminal): they see their own
   * mount namespace, not this terminal's. Absent: every process uses this session's.
   */
  fsFor?: (proc: Proc) => SimFs;
}

export class ShellSession {
  readonly proc: Proc;
  readonly fs: SimFs;
  cwd: string;
  lastExit = 0;
  readonly history: string[] = [];
  private vars: Record<string, string>;
  private readonly exportedAtStart: Record<string, string>;
  private bashShell: Bash | null = null;
  /** Interpreters for processes of other machines (`docker exec`), on their file systems, made on first use. */
  private readonly machineShells = new Map<string, Bash>();
  private readonly fsFor: ((proc: Proc) => SimFs) | null;
  private commandMap: ReadonlyMap<string, SimCommand> | null = null;
  private readonly givenCommands: readonly SimCommand[] | null;
  private procStack: Proc[] = [];
  /** The environments of the processes started with their own (docker exec) that are running now, innermost last. */
  private envStack: Record<string, string>[] = [];
  private line: LineEnv | null = null;
  private internalError: unknown = null;
  /** The hash tables of the shells this session runs, and the lookup builtins (lookup_state.ts). */
  private readonly lookups: ShellLookups;

  constructor(opts: SessionOptions) {
    this.proc = opts.proc;
    this.cwd = opts.cwd;
    this.vars = { ...opts.env, ...opts.shellVars };
    this.exportedAtStart = { ...opts.env };
    this.givenCommands = opts.commands ?? null;
    this.fs = opts.fs;
    this.fsFor = opts.fsFor ?? null;
    this.lookups = new ShellLookups(opts.proc);
  }

  /**
   * just-bash's interpreter, made on first use: a session (and its prompt) exists before the shell runtime
   * has loaded, so the first screen does not wait for it; lines that need it wait for it (Simulation.run).
   */
  /** The command modules, looked up when the first line runs: a session exists before they have loaded. */
  private get commandList(): readonly SimCommand[] {
    return this.givenCommands ?? shellCommands();
  }

  private get commands(): ReadonlyMap<string, SimCommand> {
    this.commandMap ??= new Map(this.commandList.map((c) => [c.name, c]));
    return this.commandMap;
  }

  private get bash(): Bash {
    this.bashShell ??= this.makeBash(this.fs, this.exportedAtStart);
    return this.bashShell;
  }

  /** An interpreter on `fs` exporting `env`, whose commands run as the process on top of this session's stack. */
  private makeBash(fs: SimFs, env: Record<string, string>): Bash {
    return makeInterpreter(fs, this.cwd, env, this.commandList, {
      runCommand: (c, args, ctx) => this.runFromBash(c, args, ctx),
      runTool: (name, args, ctx) => this.runShellTool(name, args, ctx),
      lookup: (which, args, ctx) => this.lookups.run(which, args, ctx, this.currentProc()),
      parentNames: (names) => this.lookups.parentNames(names),
      shell: () => shellOf(this.currentProc()),
    });
  }

  /**
   * The file system `proc` sees: its machine's (the simulation keeps one per machine). Our commands need only
   * this; an interpreter is made only when a just-bash tool or a shell runs there.
   */
  fsOf(proc: Proc): SimFs {
    return this.fsFor && proc.machine !== this.proc.machine ? this.fsFor(proc) : this.fs;
  }

  /**
   * The interpreter a process of another machine runs in: that machine's file system, and nothing exported at
   * its start, so a shell it starts (`sh -c`) sees only the environment Docker gave the process.
   */
  private machineShell(proc: Proc): { bash: Bash; fs: SimFs } | null {
    const fs = this.fsOf(proc);
    if (fs === this.fs) return null;
    let bash = this.machineShells.get(proc.machine);
    if (!bash) {
      bash = this.makeBash(fs, {});
      this.machineShells.set(proc.machine, bash);
    }
    return { bash, fs };
  }

  private requireLine(): LineEnv {
    if (!this.line) throw new Error('shell: no line is running');
    return this.line;
  }

  /** The shell's variables (replaced after each line that ran through bash, never edited in place). */
  get variables(): Record<string, string> {
    return this.vars;
  }

  currentProc(): Proc {
    return this.procStack[this.procStack.length - 1] ?? this.proc;
  }

  /** Whether `name` is a command this machine has (our modules or the shell's own tools). */
  hasCommand(proc: Proc, name: string): boolean {
    return this.commands.has(name) && proc.userland.commands.includes(name);
  }

  /** Run one line typed at this session's prompt. */
  async run(text: string, env: LineEnv): Promise<LineOutcome> {
    this.line = env;
    this.internalError = null;
    this.fs.refusals.clear();
    this.lookups.startLine();
    this.fs.writeChecks.reset();
    try {
      if (text.trim() !== '') this.history.push(text);
      const words = plainWords(text);
      const cmd = words && words.length > 0 ? this.commands.get(words[0] as string) : undefined;
      let outcome: LineOutcome;
      if (words && cmd && !cmd.viaShell && this.hasCommand(this.proc, cmd.name)) {
        this.lookups.ran(this.proc, cmd.name, true);
        const r = await this.invoke(cmd, words, '', this.proc, true, null);
        outcome = { ...r, streamed: true };
      } else {
        const script = this.lastExit !== 0 ? `(exit ${this.lastExit}); ${text}` : text;
        let r;
        try {
          r = await this.bash.exec(script, { cwd: this.cwd, env: this.vars, signal: env.signal });
        } catch (e) {
          if (!(e instanceof ShellWriteError)) throw e;
          r = {
            stdout: '',
            stderr: `${this.proc.userland.shellName}: ${e.shellMessage}\n`,
            exitCode: 1,
            env: null,
          };
        }
        if (r.env) {
          const { PWD, ...rest } = r.env;
          if (PWD) this.cwd = PWD;
          delete rest['?'];
          this.vars = rest;
        }
        // just-bash's limit messages tell a programmer to raise executionLimits; a student cannot.
        const stderr = this.fs.refusals
          .reword(hideOwnTrace(r.stderr))
          .replace(LIMIT_HINT, '; the playground stops a line there');
        outcome = {
          stdout: this.fs.refusals.reword(r.stdout),
          stderr,
          exitCode: r.exitCode,
          streamed: false,
        };
      }
      if (this.internalError !== null) throw new InternalError(this.internalError);
      this.lastExit = outcome.exitCode;
      return outcome;
    } finally {
      this.line = null;
      this.procStack = [];
      this.envStack = [];
    }
  }

  private notFound(proc: Proc, name: string): ExecOutcome {
    const msg =
      proc.userland.shellName === 'sh'
        ? `sh: ${name}: not found\n`
        : `${proc.userland.shellName}: ${name}: command not found\n`;
    return { stdout: '', stderr: msg, exitCode: 127 };
  }

  private async runShellTool(name: string, args: string[], ctx: CommandContext): Promise<ExecOutcome> {
    const proc = this.currentProc();
    if (!hasShellTool(proc.userland, name) || !ctx.origCommand) return this.notFound(proc, name);
    this.lookups.ran(proc, name);
    return ctx.origCommand(args);
  }

  /** The environment of the innermost process started with its own (a `docker exec`), if a line is in one. */
  processEnv(): Record<string, string> | null {
    return this.envStack[this.envStack.length - 1] ?? null;
  }

  private async runFromBash(cmd: SimCommand, args: string[], ctx: CommandContext) {
    const proc = this.currentProc();
    if (!this.hasCommand(proc, cmd.name)) return this.notFound(proc, cmd.name);
    this.lookups.ran(proc, cmd.name);
    const stdin = utf8FromByteString(ctx.stdin as unknown as string);
    return this.invoke(cmd, [cmd.name, ...args], stdin, proc, false, ctx);
  }

  /** Run a command module as `proc`, streaming its output only when it writes straight to the terminal. */
  private async invoke(
    cmd: SimCommand,
    argv: string[],
    stdin: string,
    proc: Proc,
    stream: boolean,
    bashCtx: CommandContext | null,
    tty = stream && bashCtx === null,
    procEnv: Record<string, string> | null = null,
  ): Promise<ExecOutcome> {
    const io = new Invocation(this, this.requireLine(), argv, stdin, proc, stream, bashCtx, tty, procEnv);
    this.procStack.push(proc);
    try {
      const exitCode = await cmd.run(io);
      return { stdout: io.stdout, stderr: io.stderr, exitCode };
    } catch (e) {
      this.internalError ??= e;
      return {
        stdout: io.stdout,
        stderr: `${io.stderr}${argv[0]}: internal error: ${String(e)}\n`,
        exitCode: 70,
      };
    } finally {
      this.procStack.pop();
    }
  }

  /** `io.exec` of an invocation: `sub` as `proc`, streaming and reading stdin as the invocation allows. */
  execFor(inv: Invocation, sub: string[], proc: Proc, o: ExecOptions | undefined): Promise<ExecOutcome> {
    return this.execAs(
      sub,
      proc,
      inv.stream && !o?.capture,
      inv.bashCtx,
      o?.env,
      o?.cwd,
      inv.isatty && !o?.capture && o?.tty !== false,
      o?.capture ? '' : inv.stdin,
    );
  }

  /** `ip netns exec NS cmd args`: run a word list as another process. */
  private async execAs(
    argv: string[],
    proc: Proc,
    stream: boolean,
    bashCtx: CommandContext | null,
    env?: Record<string, string>,
    cwd?: string,
    tty = false,
    stdin = '',
  ): Promise<ExecOutcome> {
    const name = argv[0] ?? '';
    const cmd = this.commands.get(name);
    if (cmd) {
      if (!this.hasCommand(proc, name)) return this.notFound(proc, name);
      // The child inherits stdin (`ip netns exec`, `busybox APPLET` read what the parent was given).
      return this.invoke(cmd, argv, stdin, proc, stream, bashCtx, tty, env ?? null);
    }
    this.procStack.push(proc);
    if (env) this.envStack.push(env);
    try {
      // A process's own environment: assignments before the command put them in its (exported) environment.
      const assign = Object.entries(env ?? {}).map(([k, v]) => `${k}=${shellQuote([v])} `);
      const line = `${assign.join('')}${shellQuote(argv)}`;
      const other = this.machineShell(proc);
      if (other) this.lookups.enter(proc, name);
      const r = other
        ? await other.bash.exec(line, { cwd: cwd ?? '/' }).finally(() => this.lookups.leave())
        : bashCtx?.exec
          ? await bashCtx.exec(line, { cwd: cwd ?? bashCtx.cwd })
          : await this.bash.exec(line, { cwd: cwd ?? this.cwd, env: this.vars });
      // Buffered either way: the caller writes it out (through its own, possibly streaming, io.out).
      const { refusals } = other?.fs ?? this.fs;
      return { stdout: refusals.reword(r.stdout), stderr: refusals.reword(r.stderr), exitCode: r.exitCode };
    } finally {
      this.procStack.pop();
      if (env) this.envStack.pop();
    }
  }
}
