/**
 * A just-bash interpreter as the shell session uses it: on one machine's file system, exporting the
 * environment its process started with, with our command modules in front of just-bash's own, a guard in
 * front of each just-bash tool some machine lacks (path_table.ts), the runaway-loop limits, and the
 * redirection guard. A session has one for its own machine and one per other machine its lines reach
 * (`docker exec`), so every process sees its own files and environment.
 */
import type { Bash, Command, CommandContext } from 'just-bash/browser';
import type { SimFs } from './fs';
import { justBash } from './just_bash';
import { redirectGuard, WRITE_CHECK, writeCheck } from './redirect_guard';
import { isShellBuiltin } from './lookup_builtins';
import { LOOKUP_NAMES, lookupTransform } from './lookup_transform';
import type { ExecOutcome, SimCommand } from './types';

export type LookupBuiltin = keyof typeof LOOKUP_NAMES;

export interface InterpreterHooks {
  /** One of our command modules, called from a script. */
  runCommand(cmd: SimCommand, args: string[], ctx: CommandContext): Promise<ExecOutcome>;
  /** A just-bash tool behind its guard: "command not found" where the machine lacks it. */
  runTool(name: string, args: string[], ctx: CommandContext): Promise<ExecOutcome>;
  /** `type`, `hash`, `command -v`/`-V`: where a command is, from the machine's PATH table (lookup_builtins.ts). */
  lookup(which: LookupBuiltin, args: string[], ctx: CommandContext): Promise<ExecOutcome>;
  /** The commands a parsed script runs in the shell itself, not in a subshell (their paths are hashed). */
  parentNames(names: ReadonlySet<string>): void;
  /** The shell running the script now (the words of a write error). */
  shell(): 'bash' | 'ash';
}

/**
 * A refused write's message as the writer prints it: a builtin's through the shell (bash's sh_wrerror names
 * it, ash's does not), a program's with its own name (coreutils' and BusyBox's "write error").
 */
function writeError(shell: 'bash' | 'ash', name: string, message: string): string {
  if (!isShellBuiltin(shell, name)) return `${name}: write error: ${message}\n`;
  return shell === 'bash' ? `bash: ${name}: write error: ${message}\n` : `sh: write error: ${message}\n`;
}

export function makeInterpreter(
  fs: SimFs,
  cwd: string,
  env: Record<string, string>,
  commands: readonly SimCommand[],
  hooks: InterpreterHooks,
): Bash {
  const { Bash: BashClass, defineCommand, getCommandNames } = justBash();
  const ours = new Set(commands.map((c) => c.name));
  const custom: Command[] = commands.map((c) =>
    defineCommand(c.name, (args, ctx) => hooks.runCommand(c, args, ctx as CommandContext)),
  );
  for (const name of getCommandNames()) {
    if (ours.has(name)) continue;
    // Every tool goes through the session (the shell remembers where it found it), guarded where some
    // machine lacks it.
    custom.push(defineCommand(name, (args, ctx) => hooks.runTool(name, args, ctx as CommandContext)));
  }
  // The brackets of a checked write (redirect_guard.ts): `end STATUS NAME`.
  custom.push(
    defineCommand(WRITE_CHECK.begin, () => {
      fs.writeChecks.begin();
      return Promise.resolve({ stdout: '', stderr: '', exitCode: 0 });
    }),
    defineCommand(WRITE_CHECK.end, ([status = '0', name = ''] = []) => {
      const refused = fs.writeChecks.end();
      if (refused === null) return Promise.resolve({ stdout: '', stderr: '', exitCode: Number(status) });
      return Promise.resolve({ stdout: '', stderr: writeError(hooks.shell(), name, refused), exitCode: 1 });
    }),
  );
  for (const [which, name] of Object.entries(LOOKUP_NAMES) as [LookupBuiltin, string][]) {
    custom.push(defineCommand(name, (args, ctx) => hooks.lookup(which, args, ctx as CommandContext)));
  }
  const bash = new BashClass({
    fs,
    cwd,
    env,
    customCommands: custom,
    // A runaway loop ends in a second or two even when each pass runs a simulated command (~0.2 ms):
    // `for i in $(seq 1000); do docker run -d busybox; done` is well inside.
    executionLimits: { maxCommandCount: 10_000, maxLoopIterations: 10_000 },
  });
  // A refused redirection fails its command instead of ending the line (redirect_guard.ts).
  bash.registerTransformPlugin(redirectGuard);
  // A write() the kernel refuses fails the command that wrote, not the line (redirect_guard.ts).
  bash.registerTransformPlugin(writeCheck);
  bash.registerTransformPlugin(
    lookupTransform(
      (names) => hooks.parentNames(names),
      (script) => bash.transform(script).ast,
    ),
  );
  return bash;
}
