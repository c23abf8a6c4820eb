/**
 * A shell's table of remembered program locations (`hash`), as bash 5.2 and BusyBox 1.35 ash keep it.
 *
 * - bash (hashcmd.c, hashlib.c): a command found by a PATH search in the shell itself is remembered with one
 *   hit; every later run and every lookup that consults the table (`type`, `command -v`, `hash -t`) counts
 *   a hit. `hash NAME` remembers with no hit. The table is 256 FNV-1 buckets (FILENAME_HASH_BUCKETS), a
 *   bucket's newest entry first, and `hash` prints it bucket by bucket (`hits\tcommand`, `%4d\t%s`).
 * - ash (shell/ash.c cmdtable): 31 buckets of ash's name hash, a bucket's oldest entry first; a PATH search
 *   by running a command or by `type`/`command -v` (find_command) adds the entry; `hash` prints the paths.
 *
 * Checked with bash 5.2 and BusyBox 1.35 on the development machine (`ip -V; hash; type ip`).
 */
import { ashHash, bashHash } from './environ';
import { builtinOptions } from './builtin_options';

interface Entry {
  name: string;
  path: string;
  hits: number;
  /** When the entry was made (bucket order). */
  seq: number;
}

export class CommandHash {
  private readonly entries = new Map<string, Entry>();
  private seq = 0;

  constructor(readonly shell: 'bash' | 'ash') {}

  private insert(name: string, path: string, hits: number): void {
    const e = this.entries.get(name);
    if (e && this.shell === 'bash') {
      // bash's hash_insert keeps the item (and its place in the bucket), replacing its path and count.
      e.path = path;
      e.hits = hits;
      return;
    }
    if (e) this.entries.delete(name);
    this.entries.set(name, { name, path, hits, seq: this.seq++ });
  }

  /** The shell itself ran `name`, found at `path` by a PATH search or in the table. */
  ran(name: string, path: string): void {
    const e = this.entries.get(name);
    if (e) e.hits++;
    else this.insert(name, path, 1);
  }

  /** A lookup that consults the table (bash's phash_search): the remembered path, counting a hit. */
  lookup(name: string): string | null {
    const e = this.entries.get(name);
    if (!e) return null;
    e.hits++;
    return e.path;
  }

  /** `hash NAME` (bash: no hit yet), or ash's find_command remembering what it found. */
  remember(name: string, path: string): void {
    if (this.shell === 'ash' && this.entries.has(name)) return;
    this.insert(name, path, 0);
  }

  /** `hash -d NAME`, and ash's `hash NAME` dropping the old entry first. */
  forget(name: string): boolean {
    return this.entries.delete(name);
  }

  clear(): void {
    this.entries.clear();
  }

  /** The entries in the order `hash` prints them. */
  listed(): { name: string; path: string; hits: number }[] {
    const bucket = (n: string) => (this.shell === 'bash' ? bashHash(n) & 255 : ashHash(n) % 31);
    const newestFirst = this.shell === 'bash';
    return [...this.entries.values()]
      .map((e) => ({ e, b: bucket(e.name) }))
      .sort((x, y) => x.b - y.b || (newestFirst ? y.e.seq - x.e.seq : x.e.seq - y.e.seq))
      .map(({ e }) => ({ name: e.name, path: e.path, hits: e.hits }));
  }
}

/** How `hash` finds a program to remember: its path along PATH, '' for the shell's own (a builtin), or null. */
export type ProgramSearch = (name: string) => string | null;

/** bash's `hash [-lr] [-p pathname] [-dt] [name ...]` (hash.def) and ash's `hash [-r] [name ...]`. */
export function hashBuiltin(
  table: CommandHash,
  args: string[],
  search: ProgramSearch,
): { stdout: string; stderr: string; exitCode: number } {
  let out = '';
  let err = '';
  if (table.shell === 'ash') {
    if (args[0] === '-r') {
      table.clear();
      return { stdout: '', stderr: '', exitCode: 0 };
    }
    if (args.length === 0) {
      for (const e of table.listed()) out += `${e.path}\n`;
      return { stdout: out, stderr: '', exitCode: 0 };
    }
    let status = 0;
    for (const name of args) {
      table.forget(name);
      const p = search(name);
      if (p === null) {
        err += `sh: hash: ${name}: not found\n`;
        status = 1;
      } else if (p !== '') table.remember(name, p);
    }
    return { stdout: '', stderr: err, exitCode: status };
  }
  const opts = builtinOptions('hash', 'hash [-lr] [-p pathname] [-dt] [name ...]', args, 'lrp:dt');
  if (!('flags' in opts)) return opts;
  const { flags, operands: names } = opts;
  const pathname = opts.values.get('p') ?? null;
  if (flags.has('r')) table.clear();
  if (names.length === 0) {
    for (const c of ['d', 't']) {
      if (flags.has(c)) {
        return { stdout: '', stderr: `bash: hash: -${c}: option requires an argument\n`, exitCode: 1 };
      }
    }
    if (flags.has('r') || pathname !== null) return { stdout: '', stderr: '', exitCode: 0 };
    const rows = table.listed();
    if (rows.length === 0) return { stdout: 'hash: hash table empty\n', stderr: '', exitCode: 0 };
    if (flags.has('l')) {
      for (const e of rows) out += `builtin hash -p ${e.path} ${e.name}\n`;
    } else {
      out = 'hits\tcommand\n';
      for (const e of rows) out += `${String(e.hits).padStart(4)}\t${e.path}\n`;
    }
    return { stdout: out, stderr: '', exitCode: 0 };
  }
  let status = 0;
  for (const name of names) {
    if (flags.has('d')) {
      if (!table.forget(name)) {
        err += `bash: hash: ${name}: not found\n`;
        status = 1;
      }
    } else if (flags.has('t')) {
      const p = table.lookup(name);
      if (p === null) {
        err += `bash: hash: ${name}: not found\n`;
        status = 1;
      } else out += names.length > 1 ? `${name}\t${p}\n` : `${p}\n`;
    } else if (pathname !== null) table.remember(name, pathname);
    else if (!name.includes('/')) {
      // hash.def skips the shell's builtins and functions without a word.
      const p = search(name);
      if (p === null) {
        err += `bash: hash: ${name}: not found\n`;
        status = 1;
      } else if (p !== '') table.remember(name, p);
    }
  }
  return { stdout: out, stderr: err, exitCode: status };
}
