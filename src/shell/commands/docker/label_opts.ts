/**
 * `--label` and `--label-file` of docker run/create (cli/command/container/opts.go): each -l value is
 * checked as it is parsed (opts.ValidateLabel, a flag error), the files are read as key/value files
 * (kvfile.ts, with no lookup: a line without '=' omitted), and opts.ReadKVStrings puts the files' pairs first and the -l values after, so that
 * ConvertKVStringsToMap lets a -l value win; `-l k` is the label k with an empty value.
 */
import type { CommandIO } from '../../types';
import { flagList, type ParsedFlags } from './flags';
import { parseKvFile, readKvFiles, type KvFile } from './kvfile';

/** opts.ValidateLabel: the error pflag reports for a --label value, or null. */
export function labelFlagError(value: string): string | null {
  const key = (value.split('=')[0] as string).replace(/^[ \t]+/, '');
  if (key === '') return `invalid label '${value}': empty name`;
  if (/[ \t]/.test(key)) return `label '${key}' contains whitespaces`;
  return null;
}

/** A --label-file as read before parsing (kvfile.ts). */
export type LabelFile = KvFile;

/** Read the --label-file files (the CLI's os.Open, on the machine's file system, relative to the cwd). */
export function readLabelFiles(io: CommandIO, p: ParsedFlags): Promise<LabelFile[]> {
  return readKvFiles(io, flagList(p, 'label-file'));
}

/**
 * Config.Labels from the files and the -l values (opts.ReadKVStrings + ConvertKVStringsToMap). Throws
 * Error with the CLI's text when a file cannot be read or parsed.
 */
export function collectLabels(p: ParsedFlags, files: readonly LabelFile[]): Record<string, string> {
  const pairs = [...files.flatMap((f) => parseKvFile(f, null)), ...flagList(p, 'label')];
  const map = new Map<string, string>();
  for (const kv of pairs) {
    const eq = kv.indexOf('=');
    map.set(eq < 0 ? kv : kv.slice(0, eq), eq < 0 ? '' : kv.slice(eq + 1));
  }
  // fromEntries: a label named "__proto__" is an ordinary key.
  return Object.fromEntries(map);
}
