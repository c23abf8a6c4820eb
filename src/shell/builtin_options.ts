/**
 * bash's option parsing for its builtins (builtins/bashgetopt.c internal_getopt): options come first, in
 * clusters (`-at`), `--` ends them, a lone `-` or the first other word is an operand; an unknown letter is
 * "invalid option" and a missing argument "option requires an argument", each with the builtin's usage
 * line, status 2.
 */
import type { ExecOutcome } from './types';

export interface BuiltinOptions {
  flags: Set<string>;
  /** The arguments of options that take one (`hash -p PATH`). */
  values: Map<string, string>;
  operands: string[];
}

/** `letters`: the options; a letter followed by ':' takes an argument (getopt syntax). */
export function builtinOptions(
  builtin: string,
  usage: string,
  args: readonly string[],
  letters: string,
): BuiltinOptions | ExecOutcome {
  const o: BuiltinOptions = { flags: new Set(), values: new Map(), operands: [] };
  const fail = (msg: string): ExecOutcome => ({
    stdout: '',
    stderr: `bash: ${builtin}: ${msg}\n${builtin}: usage: ${usage}\n`,
    exitCode: 2,
  });
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--') {
      i++;
      break;
    }
    if (!a.startsWith('-') || a === '-') break;
    for (let j = 1; j < a.length; j++) {
      const c = a[j] as string;
      const at = letters.indexOf(c);
      if (at < 0 || c === ':') return fail(`-${c}: invalid option`);
      if (letters[at + 1] !== ':') {
        o.flags.add(c);
        continue;
      }
      const value = a.slice(j + 1) || args[++i];
      if (value === undefined) return fail(`-${c}: option requires an argument`);
      o.values.set(c, value);
      break;
    }
  }
  o.operands = args.slice(i);
  return o;
}
