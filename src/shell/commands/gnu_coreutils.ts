/**
 * What every GNU coreutils 9.1 program prints around its own text (src/system.h emit_ancillary_info and
 * version_etc from gnulib): the help's closing lines and the --version text, gnulib quote()'s quotes, and the
 * usage(EXIT_FAILURE) complaints about operands and options.
 */
import type { CommandIO } from '../types';

/** The lines that end `PROG --help` (emit_ancillary_info). */
export function coreutilsHelpFooter(prog: string): string {
  return `GNU coreutils online help: <https://www.gnu.org/software/coreutils/>
Report any translation bugs to <https://translationproject.org/team/>
Full documentation <https://www.gnu.org/software/coreutils/${prog}>
or available locally via: info '(coreutils) ${prog} invocation'
`;
}

/** `PROG --version` (version_etc), `authors` as the program names them ("A and B"). */
export function coreutilsVersion(prog: string, authors: string): string {
  return `${prog} (GNU coreutils) 9.1
Copyright (C) 2022 Free Software Foundation, Inc.
License GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.
This is free software: you are free to change and redistribute it.
There is NO WARRANTY, to the extent permitted by law.

Written by ${authors}.
`;
}

/**
 * gettext's quotes around an operand (gnulib quote()): curly in a UTF-8 locale (the host's C.UTF-8), plain
 * ASCII in the C locale containers start in.
 */
export function gnuQuote(io: CommandIO, s: string): string {
  // The locale is the process's environment's (a container's main process or `docker exec` has its own,
  // without the host shell's LANG), else the shell's.
  const env = io.environ ? new Map(io.environ()) : io.env;
  const lang = env.get('LC_ALL') || env.get('LC_MESSAGES') || env.get('LANG') || '';
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
