/** realpath's help and version texts, as GNU coreutils 9.1 and BusyBox 1.35 (Debian 12) print them. */

import { coreutilsHelpFooter, coreutilsVersion } from '../gnu_coreutils';

export const GNU_REALPATH_HELP = `Usage: realpath [OPTION]... FILE...
Print the resolved absolute file name;
all but the last component must exist

  -e, --canonicalize-existing  all components of the path must exist
  -m, --canonicalize-missing   no path components need exist or be a directory
  -L, --logical                resolve '..' components before symlinks
  -P, --physical               resolve symlinks as encountered (default)
  -q, --quiet                  suppress most error messages
      --relative-to=DIR        print the resolved path relative to DIR
      --relative-base=DIR      print absolute paths unless paths below DIR
  -s, --strip, --no-symlinks   don't expand symlinks
  -z, --zero                   end each output line with NUL, not newline
      --help        display this help and exit
      --version     output version information and exit

${coreutilsHelpFooter('realpath')}`;

export const GNU_REALPATH_VERSION = coreutilsVersion('realpath', 'Padraig Brady');

/** BusyBox prints its usage to stderr (no operand: status 1; --help: 0). */
export const BUSYBOX_REALPATH_USAGE = `BusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1) multi-call binary.

Usage: realpath FILE...

Print absolute pathnames of FILEs
`;
