/**
 * A redirection the file system refuses fails that one command, as in bash and BusyBox ash: `echo 1 >
 * /proc/sys/net/ipv4/ip_forward; echo next` in a container prints the error, `echo 1` has status 1, and
 * `echo next` runs (`&&`, `||`, `set -e`, pipelines and `$( )` then go by that status).
 *
 * just-bash 3.4.2 does so for descriptors from 3 up ("bash: F: cannot open redirect target", status 1), but
 * rethrows the file system's error when it opens the file of a redirection of fd 0, 1 or 2
 * (interpreter/redirections.ts: openOutputEntry(..., handleWriteError = false)), which ends the whole exec()
 * and loses what the line printed before. So every line's syntax tree is rewritten (a transform plugin) to
 * open the file on a spare descriptor first: `N> F` becomes `K> F N>&K K>&-` (and the same for >>, >|; `&> F`
 * dups both 1 and 2). The file gets the same output in the same order (a descriptor's writes append to what
 * the open truncated), a refusal fails the command before it runs, and K is closed again for the command.
 * `exec N> F` is left alone: its descriptors outlive the command.
 *
 * The words of the refusal are then just-bash's generic ones; SimFs records the real ones as it refuses
 * (RefusalLog) and the session puts them back into the line's output.
 *
 * A write() the kernel refuses after the open succeeded (`echo abc > /proc/sys/net/ipv4/ip_forward`: the
 * sysctl handler's EINVAL) fails the command that wrote, with the writer's message (bash: `bash: echo:
 * write error: Invalid argument`, status 1), and the line goes on. just-bash writes a command's output to
 * its redirection after the command returned, where a file system error ends the whole exec. So a simple
 * command with an output redirection becomes `{ WRITE_CHECK.begin; CMD; WRITE_CHECK.end $? NAME; }`: SimFs
 * keeps a refused write for the check (WriteChecks) instead of throwing, and the check prints the message
 * and gives the command status 1 (or the command's own status when every write went through). A group's
 * or a loop's redirection is left as it was.
 */
import type { TransformPlugin } from 'just-bash';

/**
 * The spare descriptor: above the ones scripts use (3-9), the {var} ones (10 up) and process substitution's
 * (63 down to 10).
 */
const SPARE_FD = 255;

interface Redirection {
  type: 'Redirection';
  fd: number | null;
  fdVariable?: string;
  operator: string;
  target: { type: string };
}

const literal = (value: string) => ({ type: 'Word', parts: [{ type: 'Literal', value }] });

const redirection = (fd: number, operator: string, target: { type: string }): Redirection => ({
  type: 'Redirection',
  fd,
  operator,
  target,
});

function isRedirection(r: unknown): r is Redirection {
  return typeof r === 'object' && r !== null && (r as { type?: unknown }).type === 'Redirection';
}

/** One redirection as the guarded form, or as it was when it opens no file for fds 0-2. */
function guard(r: unknown): unknown[] {
  if (!isRedirection(r) || r.fdVariable !== undefined || r.target.type !== 'Word') return [r];
  if (!['>', '>>', '>|', '&>', '&>>'].includes(r.operator) || (r.fd !== null && r.fd > 2)) return [r];
  const both = r.operator === '&>' || r.operator === '&>>';
  const open = r.operator === '&>' ? '>' : r.operator === '&>>' ? '>>' : r.operator;
  const fds = both ? [1, 2] : [r.fd ?? 1];
  const spare = literal(String(SPARE_FD));
  return [
    redirection(SPARE_FD, open, r.target),
    ...fds.map((fd) => redirection(fd, '>&', spare)),
    redirection(SPARE_FD, '>&', literal('-')),
  ];
}

/** The commands that bracket a checked write (interpreter.ts defines them; nobody types these names). */
export const WRITE_CHECK = { begin: '\u0001wrbegin', end: '\u0001wrend' } as const;

const statement = (command: unknown) => ({
  type: 'Statement',
  pipelines: [{ type: 'Pipeline', commands: [command], negated: false }],
  operators: [],
  background: false,
});

const simple = (name: string, args: unknown[]) => ({
  type: 'SimpleCommand',
  assignments: [],
  name: literal(name),
  args,
  redirections: [],
});

/** A redirection that writes the command's output to a file or a descriptor (not /dev/null, not a close). */
function writes(r: unknown): boolean {
  if (!isRedirection(r) || !['>', '>>', '>|', '&>', '&>>', '>&'].includes(r.operator)) return false;
  const target = (r.target as { parts?: { type?: string; value?: string }[] }).parts;
  const word = target?.length === 1 && target[0]?.type === 'Literal' ? target[0].value : null;
  return word !== '/dev/null' && word !== '-' && !(r.operator === '>&' && (r.fd ?? 1) === 0);
}

/** The command in its write check, or as it was (nothing written, `exec`, a name that is not plain). */
function checked(cmd: unknown): unknown {
  if (typeof cmd !== 'object' || cmd === null) return cmd;
  const o = cmd as Record<string, unknown>;
  if (o['type'] !== 'SimpleCommand' || isExec(o)) return cmd;
  const parts = (o['name'] as { parts?: { type?: string; value?: string }[] } | null)?.parts;
  const name = parts?.length === 1 && parts[0]?.type === 'Literal' ? parts[0].value : undefined;
  const redirections = o['redirections'];
  if (name === undefined || !Array.isArray(redirections) || !redirections.some(writes)) return cmd;
  const status = { type: 'Word', parts: [{ type: 'ParameterExpansion', parameter: '?', operation: null }] };
  return {
    type: 'Group',
    body: [
      statement(simple(WRITE_CHECK.begin, [])),
      statement(cmd),
      statement(simple(WRITE_CHECK.end, [status, literal(name)])),
    ],
    redirections: [],
  };
}

/** `exec` with redirections only changes the shell's own descriptors for good. */
function isExec(node: Record<string, unknown>): boolean {
  const name = node['name'] as { parts?: { type?: string; value?: string }[] } | null | undefined;
  const part = name?.parts?.length === 1 ? name.parts[0] : undefined;
  return node['type'] === 'SimpleCommand' && part?.type === 'Literal' && part.value === 'exec';
}

/** Every node's redirections, command substitutions' and function bodies' included (each node once). */
function visit(node: unknown, seen: WeakSet<object>): void {
  if (typeof node !== 'object' || node === null || seen.has(node)) return;
  seen.add(node);
  if (Array.isArray(node)) {
    for (const n of node) visit(n, seen);
    return;
  }
  const o = node as Record<string, unknown>;
  const redirections = o['redirections'];
  if (Array.isArray(redirections) && !isExec(o)) o['redirections'] = redirections.flatMap(guard);
  for (const v of Object.values(o)) visit(v, seen);
}

/** Every pipeline's simple commands that write put in their write check (each node once). */
function wrap(node: unknown, seen: WeakSet<object>): void {
  if (typeof node !== 'object' || node === null || seen.has(node)) return;
  seen.add(node);
  for (const v of Object.values(node)) wrap(v, seen);
  const o = node as Record<string, unknown>;
  if (o['type'] === 'Pipeline' && Array.isArray(o['commands'])) o['commands'] = o['commands'].map(checked);
}

export const redirectGuard: TransformPlugin = {
  name: 'redirect-guard',
  transform({ ast }) {
    visit(ast, new WeakSet());
    return { ast };
  },
};

/** The write checks (see the header); the interpreter defines WRITE_CHECK's commands. */
export const writeCheck: TransformPlugin = {
  name: 'write-check',
  transform({ ast }) {
    wrap(ast, new WeakSet());
    return { ast };
  },
};

/**
 * The real words of the redirections the file system refused during a line, by just-bash's words for them
 * (whole lines of output, so nothing else is touched).
 */
export class RefusalLog {
  private readonly words = new Map<string, string>();

  /** just-bash will print `generic` (a whole line) where the shell prints `real`. */
  record(generic: string, real: string): void {
    if (generic !== real) this.words.set(generic, real);
  }

  /** `text` with the refusals' words put back, line by line. */
  reword(text: string): string {
    if (this.words.size === 0 || text === '') return text;
    return text.replace(/[^\n]*\n/g, (line) => this.words.get(line) ?? line);
  }

  clear(): void {
    this.words.clear();
  }
}

/** The write() refusals of the commands in a write check (see the header), for their check to report. */
export class WriteChecks {
  private depth = 0;
  private pending: string | null = null;

  begin(): void {
    this.depth++;
  }

  /** A refused write's strerror text: kept for the check (true), or false outside one (the caller throws). */
  defer(message: string): boolean {
    if (this.depth === 0) return false;
    this.pending ??= message;
    return true;
  }

  /** The check after the command: the first refusal since its begin, if any. */
  end(): string | null {
    this.depth = Math.max(0, this.depth - 1);
    const p = this.pending;
    this.pending = null;
    return p;
  }

  /** A new line (a check that `exit` or `return` skipped is over). */
  reset(): void {
    this.depth = 0;
    this.pending = null;
  }
}
