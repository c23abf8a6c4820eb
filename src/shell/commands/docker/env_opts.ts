/**
 * `-e`/`--env` and `--env-file` of docker run/create/exec (cli/command/container/opts.go, exec.go parseExec):
 * each -e value passes opts.ValidateEnv as it is parsed (an empty name is a flag error; a bare KEY takes its
 * value from the CLI's environment when it has one, else goes as "KEY", which unsets it in the container),
 * and opts.ReadKVEnvStrings puts the files' lines first (kvfile.ts, a bare KEY looked up the same way,
 * dropped when unset) and the -e values after, so a later value of a key wins in the container.
 */
import type { CommandIO } from '../../types';
import { flagList, type ParsedFlags } from './flags';
import { parseKvFile, readKvFiles, type KvFile } from './kvfile';

/** opts.ValidateEnv's error for a -e value (pflag reports it as a flag error), or null. */
export function envFlagError(value: string): string | null {
  const eq = value.indexOf('=');
  return (eq < 0 ? value : value.slice(0, eq)) === '' ? `invalid environment variable: ${value}` : null;
}

/** What the environment of a run, create or exec needs from the CLI's side: the files, read, and its env. */
export interface EnvInput {
  files: readonly KvFile[];
  /** The CLI's own environment (os.LookupEnv). */
  cli: ReadonlyMap<string, string>;
}

export const NO_ENV: EnvInput = { files: [], cli: new Map() };

/** Read the --env-file files (os.Open on the machine's file system, relative to the cwd). */
export async function readEnvInput(io: CommandIO, p: ParsedFlags): Promise<EnvInput> {
  return { files: await readKvFiles(io, flagList(p, 'env-file')), cli: io.env };
}

/** ReadKVEnvStrings(--env-file files, -e values): Config.Env's user part; throws Error with the CLI's text. */
export function collectEnv(p: ParsedFlags, input: EnvInput): string[] {
  const fromFiles = input.files.flatMap((f) => parseKvFile(f, input.cli));
  const fromFlags = flagList(p, 'env').map((v) =>
    !v.includes('=') && input.cli.has(v) ? `${v}=${input.cli.get(v) as string}` : v,
  );
  return [...fromFiles, ...fromFlags];
}
