/**
 * The shell builtins that say where a command is: `type`, `command -v`/`-V` and `hash`, as bash 5.2
 * (builtins/type.def describe_command, command.def, hash.def) and BusyBox 1.35 ash (shell/ash.c typecmd,
 * commandcmd, describe_command, hashcmd) print them on an interactive shell.
 *
 * just-bash's own builtins find programs as files of its in-memory tree (none: every tool says /usr/bin/X);
 * a program's place is the machine's PATH table (path_table.ts). What the interpreter alone knows is asked
 * of it: keywords and builtins (`builtin type -t NAME`), and the shell's aliases and functions, which the
 * transform (lookup_transform.ts) has the shell list where the builtin was called (`ShellOwn`).
 */
import { commandPaths } from './path_table';
import { machineHas } from './commands/userland/which';
import type { CommandHash } from './command_hash';
import type { ExecOutcome, Proc } from './types';
import { shellQuote } from './words';
import { builtinOptions } from './builtin_options';

export interface LookupEnv {
  proc: Proc;
  /** The shell's table of remembered locations. */
  table: CommandHash;
  /** What the interpreter calls the name (`type -t`): keyword, builtin, file, or ''. */
  kind(name: string): Promise<string>;
  /** The shell's aliases and functions where the builtin runs. */
  own: ShellOwn;
  /** Run a line in the interpreter (a user's executable file along PATH). */
  run(line: string): Promise<ExecOutcome>;
  /** Whether a file is there (just-bash names /usr/bin/X for a registered command that has no file). */
  exists(path: string): Promise<boolean>;
}

/** Aliases (name -> value) and functions (name -> bash's `type` text of it) of the calling shell. */
export interface ShellOwn {
  aliases: Map<string, string>;
  functions: Map<string, string>;
}

/**
 * What the transform's listing printed (`builtin alias`, then `builtin type` of every function):
 * `alias NAME='VALUE'` lines, then blocks starting `NAME is a function`.
 */
export function parseShellOwn(text: string): ShellOwn {
  const own: ShellOwn = { aliases: new Map(), functions: new Map() };
  let fn: string | null = null;
  for (const line of text.split('\n')) {
    const f = /^(\S+) is a function$/.exec(line);
    if (f) {
      fn = f[1] as string;
      own.functions.set(fn, `${line}\n`);
      continue;
    }
    if (fn !== null) {
      own.functions.set(fn, `${own.functions.get(fn) ?? ''}${line}\n`);
      continue;
    }
    const a = /^alias ([^=]+)='([\s\S]*)'$/.exec(line);
    if (a) own.aliases.set(a[1] as string, a[2] as string);
  }
  // The command substitution dropped the last newlines: each body ends with one.
  for (const [k, v] of own.functions) own.functions.set(k, v.replace(/\n+$/, '\n'));
  return own;
}

/** BusyBox 1.35 ash's builtins (`help`) and the POSIX special ones among them (IS_BUILTIN_SPECIAL). */
const ASH_BUILTINS = new Set(
  (
    '. : [ [[ alias bg break cd chdir command continue echo eval exec exit export false fg getopts hash ' +
    'help history jobs kill let local printf pwd read readonly return set shift source test times trap ' +
    'true type ulimit umask unalias unset wait'
  ).split(' '),
);
const ASH_SPECIAL = new Set(
  '. : break continue eval exec exit export local readonly return set shift source times trap unset'.split(
    ' ',
  ),
);
/** bash 5.2's builtins (`compgen -b`): never searched for along PATH, never hashed. */
const BASH_BUILTINS = new Set(
  (
    '. : [ alias bg bind break builtin caller cd command compgen complete compopt continue declare dirs ' +
    'disown echo enable eval exec exit export false fc fg getopts hash help history jobs kill let local ' +
    'logout mapfile popd printf pushd pwd read readarray readonly return set shift shopt source suspend ' +
    'test times trap true type typeset ulimit umask unalias unset wait'
  ).split(' '),
);

/** Whether the shell runs `name` itself (a builtin), not a program it finds along PATH. */
export function isShellBuiltin(shell: 'bash' | 'ash', name: string): boolean {
  return (shell === 'bash' ? BASH_BUILTINS : ASH_BUILTINS).has(name);
}

const ASH_KEYWORDS = new Set(
  '! case do done elif else esac fi for function if in then until while { }'.split(' '),
);

type Kind = 'alias' | 'keyword' | 'function' | 'builtin' | 'file' | '';

/** Where the machine's program `name` is along PATH (every place with `all`), or a user's file the interpreter found. */
function programPaths(proc: Proc, name: string): string[] {
  if (name.includes('/')) {
    const base = name.slice(name.lastIndexOf('/') + 1);
    return machineHas(proc, base) && commandPaths(proc.userland, base).includes(name) ? [name] : [];
  }
  return machineHas(proc, name) ? commandPaths(proc.userland, name) : [];
}

/** A value in single quotes, as both shells print an alias. */
const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

function aliasValue(env: LookupEnv, name: string): string {
  return env.own.aliases.get(name) ?? '';
}

/** Every kind of the name that is the shell's own, in bash's order: alias, keyword, function, builtin. */
async function ownKinds(env: LookupEnv, name: string): Promise<Kind[]> {
  const k = await env.kind(name);
  const kinds: Kind[] = [];
  if (env.own.aliases.has(name)) kinds.push('alias');
  if (k === 'keyword') kinds.push('keyword');
  if (env.own.functions.has(name)) kinds.push('function');
  if (k === 'builtin') kinds.push('builtin');
  return kinds;
}

/** How the shell sees `name`: the interpreter's kinds, ash's own builtin and keyword lists, the PATH table. */
async function kindOf(env: LookupEnv, name: string): Promise<Kind> {
  if (env.table.shell === 'ash') {
    if (ASH_KEYWORDS.has(name)) return 'keyword';
    if (env.own.aliases.has(name)) return 'alias';
    if (env.own.functions.has(name)) return 'function';
    if (ASH_BUILTINS.has(name)) return 'builtin';
  } else {
    const own = (await ownKinds(env, name))[0];
    if (own) return own;
  }
  if (programPaths(env.proc, name).length > 0) return 'file';
  return (await userFiles(env, name, false)).length > 0 ? 'file' : '';
}

/**
 * The program's path as a lookup finds it: a machine program by the PATH table (bash: from the table first,
 * counting a hit; ash: remembered by the search), else a file of the user's that the interpreter finds.
 */
async function findProgram(env: LookupEnv, name: string): Promise<{ path: string; hashed: boolean } | null> {
  const hashed = name.includes('/') ? null : env.table.lookup(name);
  if (hashed !== null) return { path: hashed, hashed: env.table.shell === 'bash' };
  const path = programPaths(env.proc, name)[0];
  if (path !== undefined) {
    if (env.table.shell === 'ash' && !name.includes('/')) env.table.remember(name, path);
    return { path, hashed: false };
  }
  const p = (await userFiles(env, name, false))[0];
  return p ? { path: p, hashed: false } : null;
}

/** Executable files of the user's the interpreter finds along PATH (that are there: see `exists`). */
async function userFiles(env: LookupEnv, name: string, all: boolean): Promise<string[]> {
  const r = await env.run(`builtin type -${all ? 'a' : ''}P ${shellQuote([name])}`);
  const found: string[] = [];
  for (const p of r.stdout.split('\n').filter(Boolean)) if (await env.exists(p)) found.push(p);
  return found;
}

/** Every file `type -a` lists: the machine's program along PATH, or the interpreter's files. */
async function allPrograms(env: LookupEnv, name: string): Promise<string[]> {
  const mine = programPaths(env.proc, name);
  if (mine.length > 0) return mine;
  return userFiles(env, name, true);
}

interface Out {
  out: string;
  err: string;
}

/** bash's describe_command for one name; false when nothing was found. */
async function bashDescribe(env: LookupEnv, name: string, f: Set<string>, o: Out): Promise<boolean> {
  const all = f.has('a');
  const pathOnly = f.has('p') || f.has('P');
  const typeOnly = f.has('t');
  let found = false;
  if (!f.has('P')) {
    const kinds: string[] = await ownKinds(env, name);
    for (const kind of ['alias', 'keyword', 'function', 'builtin']) {
      if (!kinds.includes(kind) || (kind === 'function' && f.has('f'))) continue;
      found = true;
      if (typeOnly) o.out += `${kind}\n`;
      else if (pathOnly) {
        /* describe_command prints nothing but a file's path */
      } else if (kind === 'alias') o.out += `${name} is aliased to \`${aliasValue(env, name)}'\n`;
      else if (kind === 'keyword') o.out += `${name} is a shell keyword\n`;
      else if (kind === 'builtin') o.out += `${name} is a shell builtin\n`;
      else o.out += env.own.functions.get(name) ?? '';
      if (!all) return true;
    }
    if (found && pathOnly && !all) return true;
  }
  if (all) {
    for (const p of await allPrograms(env, name)) {
      found = true;
      o.out += typeOnly ? 'file\n' : pathOnly ? `${p}\n` : `${name} is ${p}\n`;
    }
  } else {
    const hit = await findProgram(env, name);
    if (hit) {
      found = true;
      if (typeOnly) o.out += 'file\n';
      else if (pathOnly) o.out += `${hit.path}\n`;
      else o.out += hit.hashed ? `${name} is hashed (${hit.path})\n` : `${name} is ${hit.path}\n`;
    }
  }
  if (!found && !typeOnly && !pathOnly) o.err += `bash: type: ${name}: not found\n`;
  return found;
}

/** `type [-afptP] name...` (bash) or `type [-p] name...` (ash: any first option means "paths only"). */
export async function typeBuiltin(env: LookupEnv, args: string[]): Promise<ExecOutcome> {
  const o: Out = { out: '', err: '' };
  if (env.table.shell === 'ash') {
    let i = 0;
    let verbose = true;
    if (args[0]?.startsWith('-')) {
      i = 1;
      verbose = false;
    }
    let status = 0;
    for (const name of args.slice(i)) status |= await ashDescribe(env, name, verbose, o);
    return { stdout: o.out, stderr: o.err, exitCode: status };
  }
  const opts = builtinOptions('type', 'type [-afptP] name [name ...]', args, 'afptP');
  if (!('flags' in opts)) return opts;
  let failed = false;
  for (const name of opts.operands) if (!(await bashDescribe(env, name, opts.flags, o))) failed = true;
  return { stdout: o.out, stderr: o.err, exitCode: failed ? 1 : 0 };
}

/** BusyBox ash's describe_command: keywords, aliases, then find_command (functions, builtins, PATH). */
async function ashDescribe(env: LookupEnv, name: string, verbose: boolean, o: Out): Promise<number> {
  const k = await kindOf(env, name);
  if (k === 'keyword') o.out += verbose ? `${name} is a shell keyword\n` : `${name}\n`;
  else if (k === 'alias') {
    const v = aliasValue(env, name);
    o.out += verbose ? `${name} is an alias for ${v}\n` : `alias ${name}=${quote(v)}\n`;
  } else if (k === 'function') o.out += verbose ? `${name} is a function\n` : `${name}\n`;
  else if (k === 'builtin') {
    const special = ASH_SPECIAL.has(name) ? 'special ' : '';
    o.out += verbose ? `${name} is a ${special}shell builtin\n` : `${name}\n`;
  } else {
    const hit = k === 'file' ? await findProgram(env, name) : null;
    if (!hit) {
      if (verbose) o.out += `${name}: not found\n`;
      return 127;
    }
    o.out += verbose ? `${name} is ${hit.path}\n` : `${hit.path}\n`;
  }
  return 0;
}

/** `command -v`/`-V name...` (only reached with one of those options; the transform sends it here). */
export async function commandLookup(env: LookupEnv, args: string[]): Promise<ExecOutcome> {
  const opts = builtinOptions('command', 'command [-pVv] command [arg ...]', args, 'pvV');
  if (!('flags' in opts)) return opts;
  const verbose = opts.flags.has('V');
  const names = opts.operands;
  const o: Out = { out: '', err: '' };
  if (env.table.shell === 'ash') {
    // commandcmd describes its first name only.
    const name = names[0];
    const status = name === undefined ? 0 : await ashDescribe(env, name, verbose, o);
    return { stdout: o.out, stderr: o.err, exitCode: status };
  }
  let any = false;
  for (const name of names) {
    if (verbose) {
      const found = await bashDescribe(env, name, new Set(), o);
      if (!found)
        o.err = o.err.replace(`bash: type: ${name}: not found\n`, `bash: command: ${name}: not found\n`);
      any ||= found;
      continue;
    }
    const k = await kindOf(env, name);
    if (k === 'alias') o.out += `alias ${name}=${quote(aliasValue(env, name))}\n`;
    else if (k === 'keyword' || k === 'function' || k === 'builtin') o.out += `${name}\n`;
    else {
      const hit = k === 'file' ? await findProgram(env, name) : null;
      if (!hit) continue;
      o.out += `${hit.path}\n`;
    }
    any = true;
  }
  return { stdout: o.out, stderr: o.err, exitCode: any ? 0 : 1 };
}
