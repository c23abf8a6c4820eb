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
import { everywhere } from './path_table';
import { redirectGuard } from './redirect_guard';
import type { ExecOutcome, SimCommand } from './types';

export interface InterpreterHooks {
  /** One of our command modules, called from a script. */
  runCommand(cmd: SimCommand, args: string[], ctx: CommandContext): Promise<ExecOutcome>;
  /** A just-bash tool behind its guard: "command not found" where the machine lacks it. */
  runTool(name: string, args: string[], ctx: CommandContext): Promise<ExecOutcome>;
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
    if (ours.has(name) || everywhere(name)) continue;
    custom.push(defineCommand(name, (args, ctx) => hooks.runTool(name, args, ctx as CommandContext)));
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
  return bash;
}
