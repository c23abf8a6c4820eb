/**
 * Errors of a machine's file system, shaped like the errno a Linux system call fails with, and how the shells
 * word a redirection the file system refused.
 */
import { strerror, type Errno } from '../kernel';
import { DynamicReadError } from './fs_types';

/** The errnos this file system fails with (the kernel's table has no use for ENOTDIR; glibc's text). */
export type FsErrno = Errno | 'ENOTDIR';

export function fsStrerror(code: FsErrno): string {
  return code === 'ENOTDIR' ? 'Not a directory' : strerror(code);
}

/**
 * A refused file system call. Its message is the strerror text alone, as tools print it after the name
 * (just-bash's touch and mkdir print the message they catch: "touch: cannot touch '/x/y': No such file or
 * directory", as coreutils does).
 */
export class FsError extends Error {
  readonly code: FsErrno;
  readonly syscall: string;
  readonly path: string;
  constructor(code: FsErrno, syscall: string, path: string) {
    super(fsStrerror(code));
    this.code = code;
    this.syscall = syscall;
    this.path = path;
  }
}

/** The errno of a file system error: ours carry it, just-bash's in-memory ones start with its name. */
export function fsErrnoOf(e: unknown): FsErrno | undefined {
  if (e instanceof FsError) return e.code;
  // "ENOENT: no such file or directory, open '/x'"
  return e instanceof Error ? (/^(E[A-Z]+)\b/.exec(e.message)?.[1] as FsErrno | undefined) : undefined;
}

/** Whether the errno comes from open() (or else from read()). */
const OPEN_FAILS: Partial<Record<FsErrno, boolean>> = {
  ENOENT: true,
  ENOTDIR: true,
  EACCES: true,
  // open(O_RDONLY) of a directory succeeds; read() fails.
  EISDIR: false,
};

/**
 * What a failed readFile of this file system was, for tools whose message depends on it (BusyBox's
 * "can't open" vs "read error"): the failing call and its strerror text.
 */
export function fsErrorOf(e: unknown): { atOpen: boolean; message: string } {
  if (e instanceof DynamicReadError) return { atOpen: false, message: e.message };
  const code = fsErrnoOf(e);
  if (code === undefined) return { atOpen: true, message: 'No such file or directory' };
  const atOpen = OPEN_FAILS[code];
  if (atOpen !== undefined) return { atOpen, message: fsStrerror(code) };
  return { atOpen: true, message: e instanceof FsError ? e.message : 'No such file or directory' };
}

/**
 * A redirection the file system refused, worded as the shell that ran it reports it (without the shell's
 * name, which the caller puts first). An open() refusal fails the command (redirect_guard.ts); a write()
 * refusal comes after the command ran, where just-bash lets it end the line: the session, or the `sh -c`
 * that ran the script, prints `NAME: shellMessage` with status 1.
 */
export class ShellWriteError extends Error {
  readonly shellMessage: string;
  constructor(shellMessage: string) {
    super(shellMessage);
    this.shellMessage = shellMessage;
  }
}

/**
 * An open() for a redirection the kernel refused. bash names the file and the strerror (redir.c
 * redirection_error); BusyBox ash says "can't create" for > and >>, "can't open" for <, and words ENOENT and
 * ENOTDIR its own way (shell/ash.c openredirect, errmsg: "nonexistent directory", "no such file").
 */
export function redirectRefusal(
  ash: boolean,
  typed: string,
  code: FsErrno,
  create: boolean,
): ShellWriteError {
  if (!ash) return new ShellWriteError(`${typed}: ${fsStrerror(code)}`);
  const missing = code === 'ENOENT' || code === 'ENOTDIR';
  const why = missing ? (create ? 'nonexistent directory' : 'no such file') : fsStrerror(code);
  return new ShellWriteError(`can't ${create ? 'create' : 'open'} ${typed}: ${why}`);
}

/**
 * A write() the kernel refused (a value a sysctl handler rejects): bash names the builtin that wrote
 * (builtins/common.c sh_wrerror), BusyBox ash does not.
 */
export function writeRefusal(ash: boolean, message: string): ShellWriteError {
  return new ShellWriteError(`${ash ? '' : 'echo: '}write error: ${message}`);
}
