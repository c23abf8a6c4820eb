/**
 * `set -x` traces every simple command just-bash runs, our hidden ones too: the write check around a command
 * with an output redirection (redirect_guard.ts WRITE_CHECK), the lookup builtins' renamed names and the
 * listing of aliases and functions handed to them (lookup_transform.ts). bash shows none of these: its trace
 * of `echo x > F` is `+ echo x`, of `type ip` is `+ type ip`. Their names start with a control character no
 * typed line has (share/text.ts strips them), so their trace lines are known for sure; the listing's own
 * commands (`builtin alias`, `builtin type -- f`, `builtin declare -F`) are those just before a lookup's.
 */
import { WRITE_CHECK } from './redirect_guard';
import { LOOKUP_NAMES } from './lookup_transform';

const LOOKUPS = Object.values(LOOKUP_NAMES);
const LISTING_LINE = /^builtin (alias|declare -F|type -- \S+)$/;

/** The end of the shell word that starts `s` as just-bash's trace quotes it ('...', $'...' or bare). */
function wordEnd(s: string): number {
  if (s.startsWith("$'")) {
    for (let i = 2; i < s.length; i++) {
      if (s[i] === '\\') i++;
      else if (s[i] === "'") return i + 1;
    }
    return s.length;
  }
  if (s.startsWith("'")) {
    const j = s.indexOf("'", 1);
    return j < 0 ? s.length : j + 1;
  }
  const j = s.indexOf(' ');
  return j < 0 ? s.length : j;
}

export function hideOwnTrace(stderr: string): string {
  if (!stderr.includes('\u0001')) return stderr;
  const lines = stderr.split('\n');
  const out: string[] = [];
  for (const line of lines) {
    const at = line.indexOf('\u0001');
    if (at < 0) {
      out.push(line);
      continue;
    }
    const prefix = line.slice(0, at);
    const cmd = line.slice(at);
    if (cmd.startsWith(WRITE_CHECK.begin) || cmd.startsWith(WRITE_CHECK.end)) continue;
    const name = LOOKUPS.find((n) => cmd.startsWith(`${n} `));
    if (!name) {
      out.push(line);
      continue;
    }
    // The listing's commands ran just before, in a command substitution of the same line.
    while (out.length > 0) {
      const prev = out[out.length - 1] as string;
      if (!prev.startsWith(prefix) || !LISTING_LINE.test(prev.slice(prefix.length))) break;
      out.pop();
    }
    const rest = cmd.slice(name.length + 1);
    const after = rest.slice(wordEnd(rest)).replace(/^ /, '');
    out.push(`${prefix}${name.slice(1)}${after === '' ? '' : ` ${after}`}`);
  }
  return out.join('\n');
}
