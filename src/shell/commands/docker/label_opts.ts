/**
 * `--label` and `--label-file` of docker run/create (cli/command/container/opts.go): each -l value is
 * checked as it is parsed (opts.ValidateLabel, a flag error), the files are read as key/value files
 * (pkg/kvfile parseKeyValueFile: leading whitespace dropped, '#' comments and empty lines skipped, a line
 * without '=' omitted), and opts.ReadKVStrings puts the files' pairs first and the -l values after, so that
 * ConvertKVStringsToMap lets a -l value win; `-l k` is the label k with an empty value.
 */
import type { CommandIO } from '../../types';
import { flagList, type ParsedFlags } from './flags';

/** opts.ValidateLabel: the error pflag reports for a --label value, or null. */
export function labelFlagError(value: string): string | null {
  const key = (value.split('=')[0] as string).replace(/^[ \t]+/, '');
  if (key === '') return `invalid label '${value}': empty name`;
  if (/[ \t]/.test(key)) return `label '${key}' contains whitespaces`;
  return null;
}

/** A --label-file as read before parsing: its text, or the error opening or reading it gave. */
export interface LabelFile {
  path: string;
  text: string | null;
  error: string;
}

/** Read the --label-file files (the CLI's os.Open, on the machine's file system, relative to the cwd). */
export async function readLabelFiles(io: CommandIO, p: ParsedFlags): Promise<LabelFile[]> {
  const out: LabelFile[] = [];
  for (const path of flagList(p, 'label-file')) {
    const abs = path.startsWith('/') ? path : `${io.cwd.replace(/\/$/, '')}/${path}`;
    let text: string | null = null;
    let error = '';
    if (!(await io.fs.exists(abs))) error = `open ${path}: no such file or directory`;
    else if ((await io.fs.stat(abs)).isDirectory)
      // os.Open opens a directory; the scanner's first read fails (kvfile.Parse wraps it).
      error = `invalid env file (${path}): read ${path}: is a directory`;
    else text = await io.fs.readFile(abs);
    out.push({ path, text, error });
  }
  return out;
}

/** kvfile parseKeyValueFile without a lookup function: the file's "k=v" lines; throws its error text. */
function parseLabelFile(f: LabelFile): string[] {
  if (f.text === null) throw new Error(f.error);
  const lines: string[] = [];
  // bufio.ScanLines: split at \n, a final \r dropped; the first line loses a UTF-8 BOM.
  const raw = f.text.replace(/^\uFEFF/, '').split('\n');
  if (raw[raw.length - 1] === '') raw.pop();
  for (const r of raw) {
    const line = r.replace(/\r$/, '').replace(/^\s+/, '');
    if (line === '' || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    const key = eq < 0 ? line : line.slice(0, eq);
    if (key === '') throw new Error(`invalid env file (${f.path}): no variable name on line '${line}'`);
    if (/[ \t]/.test(key))
      throw new Error(`invalid env file (${f.path}): variable '${key}' contains whitespaces`);
    if (eq >= 0) lines.push(line);
  }
  return lines;
}

/**
 * Config.Labels from the files and the -l values (opts.ReadKVStrings + ConvertKVStringsToMap). Throws
 * Error with the CLI's text when a file cannot be read or parsed.
 */
export function collectLabels(p: ParsedFlags, files: readonly LabelFile[]): Record<string, string> {
  const pairs = [...files.flatMap(parseLabelFile), ...flagList(p, 'label')];
  const map = new Map<string, string>();
  for (const kv of pairs) {
    const eq = kv.indexOf('=');
    map.set(eq < 0 ? kv : kv.slice(0, eq), eq < 0 ? '' : kv.slice(eq + 1));
  }
  // fromEntries: a label named "__proto__" is an ordinary key.
  return Object.fromEntries(map);
}
