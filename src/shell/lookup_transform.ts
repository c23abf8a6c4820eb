/**
 * Two things the shell must know of a line before just-bash runs it, read from its syntax tree (a transform
 * plugin, like redirect_guard.ts):
 *
 * - `type`, `hash` and `command -v`/`-V` are sent to our builtins (lookup_builtins.ts, command_hash.ts):
 *   just-bash dispatches its own builtins before any command we register, so the command's name is
 *   changed to one of ours (a name nobody types: it starts with a control character). Its first argument
 *   becomes a listing of the shell's aliases and functions made where it is called (`$(...)` of
 *   LISTING_SCRIPT: a command substitution sees the calling shell's), which a registered command
 *   cannot ask the interpreter for.
 * - Which commands the shell itself runs, not a subshell: only those are remembered in its hash table
 *   (bash forks a pipeline's commands, `( )` and `$( )` before it searches PATH, so the parent never learns
 *   where they are: `ip a | head; hash` is "hash table empty").
 */
import type { TransformPlugin } from 'just-bash';

export const LOOKUP_NAMES = { type: '\u0001type', hash: '\u0001hash', command: '\u0001command' } as const;

/** The aliases, then bash's `type` of every function (lookup_builtins.ts parseShellOwn reads it). */
export const LISTING_SCRIPT =
  'builtin alias; for __f in $(builtin declare -F); do case $__f in declare|-f) ;; ' +
  '*) builtin type -- "$__f" ;; esac; done';

interface Part {
  type?: string;
  value?: string;
}
interface WordLike {
  type?: string;
  parts?: Part[];
}

/** The word's text when it is one plain literal. */
function literal(w: unknown): string | null {
  const parts = (w as WordLike | null)?.parts;
  const p = parts?.length === 1 ? parts[0] : undefined;
  return p?.type === 'Literal' && typeof p.value === 'string' ? p.value : null;
}

/** `command` asked to describe (`-v`, `-V`, `-pv`...), not to run a program. */
function describes(args: unknown[]): boolean {
  const first = literal(args[0]);
  return first !== null && /^-[pvV]*[vV][pvV]*$/.test(first);
}

function rename(cmd: Record<string, unknown>, listing: () => unknown): void {
  const name = literal(cmd['name']);
  const args = (cmd['args'] as unknown[] | undefined) ?? [];
  const to =
    name === 'type' || name === 'hash'
      ? LOOKUP_NAMES[name]
      : name === 'command' && describes(args)
        ? LOOKUP_NAMES.command
        : null;
  const part = (cmd['name'] as WordLike).parts?.[0];
  if (to === null || !part) return;
  part.value = to;
  cmd['args'] = [listing(), ...args];
}

/** Every simple command of the tree (renamed where needed), collecting those the shell itself runs. */
interface Walk {
  names: Set<string>;
  seen: WeakSet<object>;
  listing: () => unknown;
}

function visit(node: unknown, parent: boolean, w: Walk): void {
  if (typeof node !== 'object' || node === null || w.seen.has(node)) return;
  w.seen.add(node);
  if (Array.isArray(node)) {
    for (const n of node) visit(n, parent, w);
    return;
  }
  const o = node as Record<string, unknown>;
  let inParent = parent;
  if (o['type'] === 'SimpleCommand') {
    const name = literal(o['name']);
    if (parent && name !== null) w.names.add(name);
    if (name !== null) rename(o, w.listing);
  } else if (o['type'] === 'Subshell' || o['type'] === 'Word' || o['type'] === 'ProcessSubstitution') {
    inParent = false;
  } else if (o['type'] === 'Pipeline' && Array.isArray(o['commands']) && o['commands'].length > 1) {
    inParent = false;
  } else if (o['type'] === 'Statement' && o['background'] === true) {
    inParent = false;
  }
  for (const v of Object.values(o)) visit(v, inParent, w);
}

/**
 * The plugin; `onParentNames` gets the names of the commands each parsed script runs in the shell itself;
 * `parse` is the interpreter's parser (for LISTING_SCRIPT, parsed once).
 */
export function lookupTransform(
  onParentNames: (names: ReadonlySet<string>) => void,
  parse: (script: string) => { statements: unknown[] },
): TransformPlugin {
  let body: unknown = null;
  // The listing is parsed by the same interpreter, through this plugin too: that parse runs nothing.
  let parsingListing = false;
  const listing = () => {
    if (body === null) {
      parsingListing = true;
      try {
        body = parse(LISTING_SCRIPT);
      } finally {
        parsingListing = false;
      }
    }
    const sub = { type: 'CommandSubstitution', body: structuredClone(body), legacy: false };
    return { type: 'Word', parts: [{ type: 'DoubleQuoted', parts: [sub] }] };
  };
  return {
    name: 'lookup-builtins',
    transform({ ast }) {
      const names = new Set<string>();
      visit(ast, true, { names, seen: new WeakSet(), listing });
      if (!parsingListing) onParentNames(names);
      return { ast };
    },
  };
}
