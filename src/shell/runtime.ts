/**
 * The shell runtime: just-bash, our command modules and the regexp engine the daemon's filters use, loaded
 * together on demand. None of them is needed to draw the first screen (a World, its graph and a prompt), and
 * together they are most of the simulator's code: the command modules alone were 440 KB of the 1 MB chunk
 * the first screen waited for. A line waits for them (Simulation.run, QueryRunner.run); the app asks for them
 * once the first screen is up (Simulation.preloadShell).
 */
import type { SimCommand } from './types';
import { loadGoRegexp } from '../docker';
import { loadJustBash } from './just_bash';

/** The command modules, set once all three parts have loaded (the runtime is ready then, not before). */
let commands: readonly SimCommand[] | null = null;
let loading: Promise<void> | null = null;

export function loadShellRuntime(): Promise<void> {
  loading ??= Promise.all([loadJustBash(), loadGoRegexp(), import('./registry')]).then(([, , m]) => {
    commands = m.COMMANDS;
  });
  return loading;
}

/**
 * Whether a line can run without waiting: every part is loaded. Set together, not per part: a line run when
 * the command modules were in but re2js was not would fail on the first `--filter name=`.
 */
export function shellRuntimeLoaded(): boolean {
  return commands !== null;
}

/** Every command module (once loaded). */
export function shellCommands(): readonly SimCommand[] {
  if (!commands) throw new Error('shell: the command modules are not loaded yet (await loadShellRuntime())');
  return commands;
}
