/** readlink's help and version texts, as GNU coreutils 9.1 and BusyBox 1.35 (Debian 12) print them. */

import { coreutilsHelpFooter, coreutilsVersion } from '../gnu_coreutils';

export const GNU_READLINK_HELP = `Usage: readlink [OPTION]... FILE...
Print value of a symbolic link or canonical file name

  -f, --canonicalize            canonicalize by following every symlink in
                                every component of the given name recursively;
                                all but the last component must exist
  -e, --canonicalize-existing   canonicalize by following every symlink in
                                every component of the given name recursively,
                                all components must exist
  -m, --canonicalize-missing    canonicalize by following every symlink in
                                every component of the given name recursively,
                                without requirements on components existence
  -n, --no-newline              do not output the trailing delimiter
  -q, --quiet
  -s, --silent                  suppress most error messages (on by default)
  -v, --verbose                 report error messages
  -z, --zero                    end each output line with NUL, not newline
      --help        display this help and exit
      --version     output version information and exit

${coreutilsHelpFooter('readlink')}`;

export const GNU_READLINK_VERSION = coreutilsVersion('readlink', 'Dmitry V. Levin');

/** BusyBox prints its usage to stderr (after a bad option or operand count, and for --help with status 0). */
export const BUSYBOX_READLINK_USAGE = `BusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1) multi-call binary.

Usage: readlink [-fnv] FILE

Display the value of a symlink

	-f	Canonicalize by following all symlinks
	-n	Don't add newline
	-v	Verbose
`;
