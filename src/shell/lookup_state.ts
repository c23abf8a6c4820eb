/**
 * The hash tables of the shells a session runs and the glue between just-bash and the lookup builtins.
 * The terminal's shell keeps one table for its life (every line typed there); a shell of another machine
 * started for one `docker exec` gets an empty one that ends with it.
 */
import type { CommandContext } from 'just-bash/browser';
import { CommandHash } from './command_hash';
import { hashBuiltin } from './command_hash';
import { commandLookup, isShellBuiltin, parseShellOwn, typeBuiltin, type LookupEnv } from './lookup_builtins';
import type { LookupBuiltin } from './interpreter';
import { commandPaths } from './path_table';
import { machineHas } from './commands/userland/which';
import { shellOf } from './environ';
import type { ExecOutcome, Proc } from './types';
import { shellQuote } from './words';

export class ShellLookups {
  private readonly own: CommandHash;
  /** The names the current line runs in the terminal's shell itself (its first parsed script). */
  private names: ReadonlySet<string> | null = null;
  /** The tables of other machines' shells, with the program Docker started there (found by runc, not the shell). */
  private readonly others: { table: CommandHash; started: string }[] = [];

  constructor(proc: Proc) {
    this.own = new CommandHash(shellOf(proc));
  }

  startLine(): void {
    this.names = null;
  }

  parentNames(names: ReadonlySet<string>): void {
    this.names ??= names;
  }

  /** A process of another machine starts (`docker exec c sh -c ...`): a shell there has a table of its own. */
  enter(proc: Proc, program: string): void {
    this.others.push({ table: new CommandHash(shellOf(proc)), started: program });
  }

  leave(): void {
    this.others.pop();
  }

  private get table(): CommandHash {
    return this.others[this.others.length - 1]?.table ?? this.own;
  }

  /**
   * A shell ran `name` as `proc` (`typed`: the line was that one command). The terminal's shell remembers
   * it only when it ran it itself (not in a pipeline or subshell).
   */
  ran(proc: Proc, name: string, typed = false): void {
    if (name.includes('/') || isShellBuiltin(this.table.shell, name)) return;
    const path = machineHas(proc, name) ? commandPaths(proc.userland, name)[0] : undefined;
    if (path === undefined) return;
    const other = this.others[this.others.length - 1];
    if (other) {
      if (other.started === name) other.started = '';
      else other.table.ran(name, path);
    } else if (typed || this.names?.has(name)) this.own.ran(name, path);
  }

  /**
   * One of the lookup builtins, run in the interpreter that reached it; its first argument is the
   * listing of the calling shell's aliases and functions (lookup_transform.ts).
   */
  run(which: LookupBuiltin, argv: string[], ctx: CommandContext, proc: Proc): Promise<ExecOutcome> {
    const [listing = '', ...args] = argv;
    const exec = ctx.exec;
    const runLine = async (line: string): Promise<ExecOutcome> => {
      if (!exec) return { stdout: '', stderr: '', exitCode: 1 };
      const r = await exec(line, { cwd: ctx.cwd });
      return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode };
    };
    const env: LookupEnv = {
      proc,
      table: this.table,
      kind: async (name) =>
        (await runLine(`builtin type -t ${shellQuote([name])}`)).stdout.split('\n')[0] ?? '',
      own: parseShellOwn(listing),
      exists: (path) => ctx.fs.exists(path),
      run: runLine,
    };
    if (which === 'type') return typeBuiltin(env, args);
    if (which === 'command') return commandLookup(env, args);
    return this.hash(env, args);
  }

  private async hash(env: LookupEnv, args: string[]): Promise<ExecOutcome> {
    // Which names are the shell's own (hash skips them), asked before the table changes.
    const own = new Set<string>();
    for (const a of args) {
      if (a.startsWith('-')) continue;
      const k = await env.kind(a);
      if (k === 'builtin' || env.own.functions.has(a)) own.add(a);
    }
    return hashBuiltin(env.table, args, (name) => {
      if (own.has(name)) return '';
      return machineHas(env.proc, name) ? (commandPaths(env.proc.userland, name)[0] ?? null) : null;
    });
  }
}
