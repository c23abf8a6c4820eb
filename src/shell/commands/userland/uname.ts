/**
 * `uname`: the kernel's utsname fields in a fixed order (sysname, nodename, release, version, machine,
 * processor, hardware platform, operating system), whatever the order of the flags; none means -s.
 * GNU coreutils 9.1 (src/uname.c: -p and -i say "unknown" on Linux and -a leaves them out) and BusyBox 1.35
 * (coreutils/uname.c: -a prints every field but the unknown ones; its OS name is the build's
 * CONFIG_UNAME_OSNAME: "GNU/Linux" by default, "Linux" in Alpine's build).
 */
import { UTS_MACHINE, UTS_RELEASE, UTS_SYSNAME, UTS_VERSION } from '../../../kernel';
import type { CommandIO, Proc, SimCommand } from '../../types';
import { gnuBadOption, gnuExtraOperand, gnuLongOption } from '../gnu_coreutils';
import { coreutilsFlavour } from '../../userlands';
import { BUSYBOX_UNAME_USAGE, GNU_UNAME_HELP } from './usage';

/** The fields, in print order, with their short and long option names. */
const FIELDS = [
  ['s', 'kernel-name'],
  ['n', 'nodename'],
  ['r', 'kernel-release'],
  ['v', 'kernel-version'],
  ['m', 'machine'],
  ['p', 'processor'],
  ['i', 'hardware-platform'],
  ['o', 'operating-system'],
] as const;

const LONG_NAMES = ['all', ...FIELDS.map(([, l]) => l), 'help', 'version'];

/** The field values, `null` where the system does not know (processor, hardware platform). */
function fieldValues(proc: Proc, busybox: boolean): (string | null)[] {
  const alpine = proc.userland.image === 'alpine' || proc.userland.image === 'nicolaka/netshoot';
  const osName = busybox && alpine ? 'Linux' : 'GNU/Linux';
  return [UTS_SYSNAME, proc.hostname, UTS_RELEASE, UTS_VERSION, UTS_MACHINE, null, null, osName];
}

/** Which fields to print from the parsed letters (`a` is all). */
function render(proc: Proc, busybox: boolean, letters: Set<string>): string {
  const all = letters.has('a');
  const values = fieldValues(proc, busybox);
  const out: string[] = [];
  FIELDS.forEach(([c], i) => {
    const v = values[i] ?? null;
    const wanted = letters.has(c) || all || (letters.size === 0 && c === 's');
    // -a skips the unknown fields; asked for by name they print "unknown".
    if (wanted && (v !== null || !all)) out.push(v ?? 'unknown');
  });
  return `${out.join(' ')}\n`;
}

function parse(io: CommandIO, busybox: boolean): Set<string> | number {
  const letters = new Set<string>();
  const args = io.argv.slice(1);
  let i = 0;
  const usage = (status: number) => {
    io.err(BUSYBOX_UNAME_USAGE);
    return status;
  };
  for (; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--') {
      i++;
      break;
    }
    if (a.startsWith('--')) {
      if (busybox && a === '--help') return usage(0);
      const long = busybox
        ? LONG_NAMES.includes(a.slice(2))
          ? a.slice(2)
          : null
        : gnuLongOption(io, 'uname', a, LONG_NAMES);
      if (long === null) {
        io.err(`uname: unrecognized option '${a}'\n`);
        return usage(1);
      }
      if (typeof long === 'number') return long;
      if (long === 'help') {
        io.out(GNU_UNAME_HELP);
        return 0;
      }
      if (long === 'version') {
        io.out('uname (GNU coreutils) 9.1\n');
        return 0;
      }
      letters.add(long === 'all' ? 'a' : (FIELDS.find(([, l]) => l === long)?.[0] ?? 's'));
    } else if (a.startsWith('-') && a.length > 1) {
      for (const c of a.slice(1)) {
        if (c !== 'a' && !FIELDS.some(([f]) => f === c)) {
          if (!busybox) return gnuBadOption(io, 'uname', `-${c}`);
          io.err(`uname: invalid option -- '${c}'\n`);
          return usage(1);
        }
        letters.add(c);
      }
    } else break;
  }
  if (i < args.length) return busybox ? usage(1) : gnuExtraOperand(io, 'uname', args[i] as string);
  return letters;
}

export const unameCommand: SimCommand = {
  name: 'uname',
  run(io: CommandIO) {
    const busybox = coreutilsFlavour(io.proc) === 'busybox';
    const letters = parse(io, busybox);
    if (typeof letters === 'number') return letters;
    io.out(render(io.proc, busybox, letters));
    return 0;
  },
};
