/**
 * One command module's view of its process (CommandIO), made by the shell session for every invocation, and
 * what the session needs from whoever runs a line (LineEnv).
 */
import type { CommandContext } from 'just-bash/browser';
import type { SimFs } from './fs';
import { shellEnviron, shellOf } from './environ';
import { commandPaths } from './path_table';
import type { CommandIO, ExecOutcome, OsAccess, Proc } from './types';

/** What the session needs from whoever runs a line (the sim layer): the transaction and the terminal. */
export interface LineEnv {
  os: OsAccess;
  signal: AbortSignal;
  /** Streamed output of directly-run commands; buffered output is delivered through the result instead. */
  out(text: string): void;
  err(text: string): void;
  pace(us: number): Promise<void>;
  openShell(proc: Proc, banner?: string): void;
  /** The width of the terminal the line was typed at (absent: not known). */
  readonly columns?: number | undefined;
}

export type ExecOptions = Parameters<CommandIO['exec']>[2];

/** What an invocation needs of the session that runs it (session.ts ShellSession). */
export interface InvocationHost {
  readonly cwd: string;
  readonly variables: Record<string, string>;
  fsOf(proc: Proc): SimFs;
  processEnv(): Record<string, string> | null;
  execFor(inv: Invocation, sub: string[], proc: Proc, o: ExecOptions | undefined): Promise<ExecOutcome>;
}

/**
 * One invocation of a command module (its CommandIO). A class, not an object literal of closures: every
 * command a line runs (and every `ip netns exec` inside it) made eight closures and a copy of the environment
 * as a Map that few commands read; the Map is now made on first read.
 */
export class Invocation implements CommandIO {
  readonly argv: string[];
  readonly stdin: string;
  readonly cwd: string;
  readonly proc: Proc;
  readonly os: OsAccess;
  readonly fs: SimFs;
  readonly isatty: boolean;
  readonly columns: number | undefined;
  readonly signal: AbortSignal;
  /** Output kept for the outcome (when not streamed to the terminal). */
  stdout = '';
  stderr = '';
  readonly stream: boolean;
  readonly bashCtx: CommandContext | null;
  private readonly session: InvocationHost;
  private readonly line: LineEnv;
  /** The session's variables as they were when the command started (the session replaces, never edits, them). */
  private readonly vars: Record<string, string>;
  private envMap: ReadonlyMap<string, string> | null = null;
  /** The environment this process was started with, when it was not started by the shell (docker exec). */
  private readonly procEnv: Record<string, string> | null;

  constructor(
    session: InvocationHost,
    line: LineEnv,
    argv: string[],
    stdin: string,
    proc: Proc,
    stream: boolean,
    bashCtx: CommandContext | null,
    tty: boolean,
    procEnv: Record<string, string> | null,
  ) {
    this.session = session;
    this.line = line;
    this.argv = argv;
    this.stdin = stdin;
    this.proc = proc;
    this.stream = stream;
    this.bashCtx = bashCtx;
    this.isatty = tty;
    this.columns = tty ? line.columns : undefined;
    this.cwd = bashCtx?.cwd ?? session.cwd;
    this.os = line.os;
    // A process sees its own machine's files (a `docker exec`'d cat reads the container's, not the host's).
    this.fs = session.fsOf(proc);
    this.signal = line.signal;
    this.vars = session.variables;
    this.procEnv = procEnv;
  }

  get env(): ReadonlyMap<string, string> {
    return (this.envMap ??= this.bashCtx?.env ?? new Map(Object.entries(this.vars)));
  }

  out(t: string): void {
    if (this.stream) this.line.out(t);
    else this.stdout += t;
  }

  err(t: string): void {
    if (this.stream) this.line.err(t);
    else this.stderr += t;
  }

  pace(us: number): Promise<void> {
    return this.line.pace(us);
  }

  exec(sub: string[], proc: Proc, o?: ExecOptions): Promise<ExecOutcome> {
    return this.session.execFor(this, sub, proc, o);
  }

  openShell(proc: Proc, banner?: string): void {
    this.line.openShell(proc, banner);
  }

  environ(): [string, string][] {
    if (this.procEnv) return Object.entries(this.procEnv);
    const shell = shellOf(this.proc);
    const started = this.session.processEnv();
    const vars = new Map(Object.entries(started ?? this.bashCtx?.exportedEnv ?? this.vars));
    if (started) {
      // A shell Docker started (`docker exec c sh -c env`): its environment plus what a shell adds.
      vars.set('SHLVL', String(Number(vars.get('SHLVL') ?? '0') + 1));
      vars.set('PWD', this.cwd);
    } else {
      // bash exports OLDPWD only once `cd` has given it a value.
      if (vars.get('OLDPWD') === vars.get('PWD')) vars.delete('OLDPWD');
    }
    const out = shellEnviron(shell, vars);
    // bash puts the command's full path in `_` of the child's environment.
    const path = commandPaths(this.proc.userland, this.argv[0] ?? '')[0];
    if (shell === 'bash' && path) out.push(['_', path]);
    return out;
  }
}
