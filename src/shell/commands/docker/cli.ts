/**
 * What every docker verb shares: cobra's flag and argument errors (cli/cobra.go FlagErrorFunc,
 * cli/required.go), `--help`, and how daemon errors are printed ("Error response from daemon: ...", exit 1;
 * cmd/docker/docker.go).
 */
import type { DockerState } from '../../../docker';
import { DockerError, NotSimulatedError } from '../../../docker';
import type { CommandIO } from '../../types';
import { FlagError, parseFlags, type FlagSpec, type ParsedFlags } from './flags';
import { HELP } from './help_texts';
import { reapFinished } from './lifecycle';
import { TemplateError } from './template';

export interface Verb {
  /** "docker network create" */
  path: string;
  /** "docker network create [OPTIONS] NETWORK" */
  use: string;
  short: string;
  flags: FlagSpec[];
  /** false for run, create, exec: flags end at the first positional word. */
  interspersed?: boolean;
  args?: { exact?: number; min?: number; max?: number };
  /** --help text when it is not HELP[path] (a command reached by another path, commandAt). */
  help?: string;
  run(io: CommandIO, p: ParsedFlags): Promise<number> | number;
}

const HELP_FLAG: FlagSpec = { long: 'help', kind: 'bool' };

function argsError(v: Verb, n: number): string | null {
  const a = v.args;
  if (!a) return null;
  const plural = (k: number) => (k === 1 ? 'argument' : 'arguments');
  let what: string | null = null;
  if (a.exact !== undefined && n !== a.exact) {
    what = a.exact === 0 ? 'accepts no arguments' : `requires exactly ${a.exact} ${plural(a.exact)}`;
  } else if (a.min !== undefined && a.max !== undefined && (n < a.min || n > a.max)) {
    what = `requires at least ${a.min} and at most ${a.max} ${plural(a.max)}`;
  } else if (a.min !== undefined && n < a.min) {
    what = `requires at least ${a.min} ${plural(a.min)}`;
  } else if (a.max !== undefined && n > a.max) {
    what = `requires at most ${a.max} ${plural(a.max)}`;
  }
  if (what === null) return null;
  return `"${v.path}" ${what}.\nSee '${v.path} --help'.\n\nUsage:  ${v.use}\n\n${v.short}\n`;
}

export function helpText(v: Verb): string {
  return v.help ?? HELP[v.path] ?? `\nUsage:  ${v.use}\n\n${v.short}\n`;
}

/**
 * The command `v` under another path: cobra's CommandPath and UseLine name a command by its parents and the
 * first word of its Use, whichever alias was typed, so `docker container ps --bogus` says "See 'docker
 * container ls --help'." and its help's Usage line is "docker container ls [OPTIONS]" (the rest of the help,
 * the aliases included, is the same command's).
 */
export function commandAt(v: Verb, path: string): Verb {
  const use = v.use.replace(v.path, path);
  return { ...v, path, use, help: helpText(v).replace(`Usage:  ${v.use}`, `Usage:  ${use}`) };
}

export async function runVerb(io: CommandIO, v: Verb, argv: string[]): Promise<number> {
  reapFinished(io);
  const specs = [...v.flags];
  if (!specs.some((s) => s.long === 'help')) {
    specs.push(specs.some((s) => s.short === 'h') ? HELP_FLAG : { ...HELP_FLAG, short: 'h' });
  }
  let p: ParsedFlags;
  try {
    p = parseFlags(argv, specs, v.interspersed ?? true);
  } catch (e) {
    if (!(e instanceof FlagError)) throw e;
    io.err(`${e.message}\nSee '${v.path} --help'.\n`);
    return 125;
  }
  if (p.values.has('help') && p.values.get('help')?.at(-1) === 'true') {
    io.out(helpText(v));
    return 0;
  }
  const ae = argsError(v, p.args.length);
  if (ae) {
    io.err(ae);
    return 1;
  }
  try {
    return await v.run(io, p);
  } catch (e) {
    if (e instanceof DockerError) {
      io.err(`Error response from daemon: ${e.message}\n`);
      return 1;
    }
    if (e instanceof NotSimulatedError) {
      io.err(`playground: ${e.message}\n`);
      return 1;
    }
    // --format of ps, images, network ls...: the error the command returns, printed by main (exit 1).
    if (e instanceof TemplateError) {
      io.err(`${e.cliText()}\n`);
      return 1;
    }
    throw e;
  }
}

/** Run an engine operation as one change of the World; a DockerError rolls it back (immer discards the draft). */
export function engine<T>(
  io: CommandIO,
  fn: (st: DockerState, d: Parameters<Parameters<CommandIO['os']['mutate']>[0]>[0]) => T,
): T {
  return io.os.mutate((d) => fn(d.sys.docker, d));
}

export function daemonMessage(e: unknown): string {
  if (e instanceof DockerError) return e.message;
  throw e;
}

/** docker run/create's framing: "docker: Error response from daemon: <msg>." (a final '.' added once). */
export function runErrorLine(msg: string): string {
  return `docker: Error response from daemon: ${msg.endsWith('.') ? msg : `${msg}.`}\n`;
}
