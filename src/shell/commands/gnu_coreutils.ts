/**
 * What every GNU coreutils 9.1 program prints around its own text (src/system.h emit_ancillary_info and
 * version_etc from gnulib): the help's closing lines and the --version text.
 */

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
