/** cat's help and version texts, as GNU coreutils 9.1 and BusyBox 1.35 (Debian 12) print them. */

import { coreutilsHelpFooter, coreutilsVersion } from '../gnu_coreutils';

export const GNU_CAT_HELP = `Usage: cat [OPTION]... [FILE]...
Concatenate FILE(s) to standard output.

With no FILE, or when FILE is -, read standard input.

  -A, --show-all           equivalent to -vET
  -b, --number-nonblank    number nonempty output lines, overrides -n
  -e                       equivalent to -vE
  -E, --show-ends          display $ at end of each line
  -n, --number             number all output lines
  -s, --squeeze-blank      suppress repeated empty output lines
  -t                       equivalent to -vT
  -T, --show-tabs          display TAB characters as ^I
  -u                       (ignored)
  -v, --show-nonprinting   use ^ and M- notation, except for LFD and TAB
      --help        display this help and exit
      --version     output version information and exit

Examples:
  cat f - g  Output f's contents, then standard input, then g's contents.
  cat        Copy standard input to standard output.

${coreutilsHelpFooter('cat')}`;

export const GNU_CAT_VERSION = coreutilsVersion('cat', 'Torbjorn Granlund and Richard M. Stallman');

/** BusyBox prints its usage to stderr (after an option error, and for --help with status 0). */
export const BUSYBOX_CAT_USAGE = `BusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1) multi-call binary.

Usage: cat [-nbvteA] [FILE]...

Print FILEs to stdout

	-n	Number output lines
	-b	Number nonempty lines
	-v	Show nonprinting characters as ^x or M-x
	-t	...and tabs as ^I
	-e	...and end lines with $
	-A	Same as -vte
`;
