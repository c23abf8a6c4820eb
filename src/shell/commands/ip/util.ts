/**
 * iproute2's argument conventions (lib/utils.c): `matches()` accepts any prefix of a keyword, NEXT_ARG
 * complains when a keyword's value is missing, and errors go to stderr with iproute2's exact words.
 */
import type { Errno, KernelError } from '../../../kernel';
import { strerror } from '../../../kernel';
import type { CommandIO } from '../../types';

/** matches(prefix, keyword): true when `word` is a non-empty prefix of `keyword`. */
export function matches(word: string | undefined, keyword: string): boolean {
  return word !== undefined && word.length > 0 && keyword.startsWith(word);
}

/** An iproute2 error that ends the command with an exit code. */
export class IpError extends Error {
  readonly code: number;
  /** The kernel's errno when the error is the kernel's answer (BusyBox prints it its own way). */
  readonly errno: Errno | null;
  constructor(message: string, code: number, errno: Errno | null = null) {
    super(message);
    this.code = code;
    this.errno = errno;
  }
}

/** incomplete_command(): "Command line is not complete. Try option "help"" and exit -1. */
export function incomplete(): IpError {
  return new IpError('Command line is not complete. Try option "help"\n', 255);
}

/** A cursor over the remaining arguments with iproute2's NEXT_ARG semantics. */
export class Args {
  private i = 0;
  constructor(
    private readonly argv: readonly string[],
    private readonly onIncomplete: () => Error = incomplete,
  ) {}
  get done(): boolean {
    return this.i >= this.argv.length;
  }
  peek(): string | undefined {
    return this.argv[this.i];
  }
  next(): string | undefined {
    return this.argv[this.i++];
  }
  /** NEXT_ARG(): the value after a keyword, or "Command line is not complete". */
  value(): string {
    const v = this.argv[this.i++];
    if (v === undefined) throw this.onIncomplete();
    return v;
  }
  rest(): string[] {
    const r = this.argv.slice(this.i);
    this.i = this.argv.length;
    return r;
  }
}

/** What iproute2 prints when the kernel refuses a request: the extack message if any, else strerror. */
export function rtnlError(e: KernelError): IpError {
  if (e.extack) return new IpError(`Error: ${e.extack}.\n`, 2, e.errno);
  return new IpError(`RTNETLINK answers: ${strerror(e.errno)}\n`, 2, e.errno);
}

export function invalidArg(what: string, value: string): IpError {
  return new IpError(`Error: argument "${value}" is wrong: ${what}\n`, 255);
}

export function deviceNotExist(name: string): IpError {
  return new IpError(`Device "${name}" does not exist.\n`, 1);
}

export function cannotFindDevice(name: string): IpError {
  return new IpError(`Cannot find device "${name}"\n`, 1);
}

/** Run an ip subcommand body, turning IpError into stderr + exit code. */
export async function guarded(io: CommandIO, body: () => number | Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (e) {
    if (e instanceof IpError) {
      io.err(e.message);
      return e.code;
    }
    throw e;
  }
}
