/**
 * Whose small everyday tools (whoami, id, uname, env, which) a process runs, and how GNU's say what they
 * reject. BusyBox's applets on the BusyBox images (busybox, alpine, and netshoot, which is Alpine without
 * coreutils) and under `busybox APPLET`; GNU coreutils 9.1 / debianutils on the Debian-like machines.
 */
import type { CommandIO, Proc } from '../../types';

export function runsBusybox(proc: Proc): boolean {
  return proc.flavour === 'busybox' || proc.userland.image === 'nicolaka/netshoot';
}

/**
 * gettext's quotes around an operand (gnulib quote()): curly in a UTF-8 locale (the host's C.UTF-8), plain
 * ASCII in the C locale containers start in.
 */
export function gnuQuote(io: CommandIO, s: string): string {
  const lang = io.env.get('LC_ALL') || io.env.get('LC_MESSAGES') || io.env.get('LANG') || '';
  return /utf-?8/i.test(lang) ? `\u2018${s}\u2019` : `'${s}'`;
}

/** `PROG: extra operand ‘X’` and the `Try` line (coreutils' usage(EXIT_FAILURE)). */
export function gnuExtraOperand(io: CommandIO, prog: string, operand: string): number {
  io.err(`${prog}: extra operand ${gnuQuote(io, operand)}\nTry '${prog} --help' for more information.\n`);
  return 1;
}

/** getopt_long's complaint about an option, then coreutils' `Try` line. */
export function gnuBadOption(io: CommandIO, prog: string, arg: string, status = 1): number {
  const what = arg.startsWith('--')
    ? `unrecognized option '${arg}'`
    : `invalid option -- '${arg.slice(1, 2)}'`;
  io.err(`${prog}: ${what}\nTry '${prog} --help' for more information.\n`);
  return status;
}

/**
 * getopt_long's match of `--NAME` against a tool's long options (in its table's order): the exact name, or
 * the only one NAME starts; an ambiguous or unknown one is reported with coreutils' `Try` line (status 1).
 */
export function gnuLongOption(
  io: CommandIO,
  prog: string,
  arg: string,
  names: readonly string[],
): string | number {
  const name = arg.slice(2).split('=')[0] as string;
  if (names.includes(name)) return name;
  const hits = names.filter((k) => k.startsWith(name));
  if (hits.length === 1) return hits[0] as string;
  if (hits.length === 0) return gnuBadOption(io, prog, arg);
  const list = hits.map((h) => `'--${h}'`).join(' ');
  io.err(
    `${prog}: option '${arg}' is ambiguous; possibilities: ${list}\nTry '${prog} --help' for more information.\n`,
  );
  return 1;
}
