/**
 * The CLI's key/value files, --label-file and --env-file (pkg/kvfile Parse, parseKeyValueFile): read from the
 * machine's file system relative to the cwd (os.Open), split into lines (bufio.ScanLines: at '\n', a final
 * '\r' dropped; a UTF-8 BOM dropped from the first line), leading white space dropped (trailing kept, it is
 * part of the value), empty lines and '#' comments skipped. A "KEY=value" line is kept as it is; a line with
 * no '=' takes the value from the lookup (the CLI's environment for --env-file), is dropped when the lookup
 * has no such key or there is no lookup (--label-file). A line with no name or a name with blanks is an error.
 */
import type { CommandIO } from '../../types';

/** A file that cannot be read or parsed: the CLI's text. */
export class KvFileError extends Error {}

/** A file as read before parsing: its text, or the error opening or reading it gave. */
export interface KvFile {
  path: string;
  text: string | null;
  error: string;
}

/** os.Open and read each path (as given, relative to the cwd); a failure is kept for Parse to report. */
export async function readKvFiles(io: CommandIO, paths: readonly string[]): Promise<KvFile[]> {
  const out: KvFile[] = [];
  for (const path of paths) {
    const abs = path.startsWith('/') ? path : `${io.cwd.replace(/\/$/, '')}/${path}`;
    let text: string | null = null;
    let error = '';
    if (!(await io.fs.exists(abs))) error = `open ${path}: no such file or directory`;
    else if ((await io.fs.stat(abs)).isDirectory)
      // os.Open opens a directory; the scanner's first read fails (Parse wraps it).
      error = `invalid env file (${path}): read ${path}: is a directory`;
    else text = await io.fs.readFile(abs);
    out.push({ path, text, error });
  }
  return out;
}

/** unicode.IsSpace over Latin-1 and the Unicode White_Space set (JavaScript's \s adds U+FEFF, Go's does not). */
const LEADING_SPACE = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/;

/**
 * parseKeyValueFile: the file's "KEY=value" lines in order. `lookup`: the value of a bare KEY (null: none,
 * the line is dropped). Throws KvFileError with the CLI's text.
 */
export function parseKvFile(f: KvFile, lookup: ReadonlyMap<string, string> | null): string[] {
  if (f.text === null) throw new KvFileError(f.error);
  const lines: string[] = [];
  const raw = f.text.replace(/^\uFEFF/, '').split('\n');
  if (raw[raw.length - 1] === '') raw.pop();
  for (const r of raw) {
    const line = r.replace(/\r$/, '').replace(LEADING_SPACE, '');
    if (line === '' || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    const key = eq < 0 ? line : line.slice(0, eq);
    if (key === '') throw new KvFileError(`invalid env file (${f.path}): no variable name on line '${line}'`);
    if (/[ \t]/.test(key))
      throw new KvFileError(`invalid env file (${f.path}): variable '${key}' contains whitespaces`);
    if (eq >= 0) lines.push(line);
    else if (lookup?.has(line)) lines.push(`${line}=${lookup.get(line) as string}`);
  }
  return lines;
}
