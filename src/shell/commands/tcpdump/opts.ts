/**
 * tcpdump 4.99.3's command line (tcpdump.c main: getopt_long over SHORTOPTS and longopts), as Debian 12 ships
 * it with libpcap 1.10.3. The options this simulator prints are -c -e -i -n -t (up to -ttttt) -# and the
 * no-ops -l -p -U --immediate-mode --print; the other real options are refused with a plain message rather
 * than printed wrongly. Messages and the usage text are the real ones (checked on the Debian 12 host).
 */
import { Getopt, getoptMessage, type LongOpt } from '../../getopt';

/** tcpdump.c SHORTOPTS for a Linux build with libpcap 1.10. */
const SHORTOPTS = 'aAb:B:c:C:dDeE:fF:G:hHi:I#j:JKlLm:M:nNOpqQ:r:s:StT:uUvV:w:W:xXy:Yz:Z:';

const LONGOPTS: readonly LongOpt[] = [
  { name: 'buffer-size', hasArg: 1, val: 'B' },
  { name: 'list-interfaces', hasArg: 0, val: 'D' },
  { name: 'direction', hasArg: 1, val: 'Q' },
  { name: 'help', hasArg: 0, val: 'h' },
  { name: 'interface', hasArg: 1, val: 'i' },
  { name: 'monitor-mode', hasArg: 0, val: 'I' },
  { name: 'time-stamp-type', hasArg: 1, val: 'j' },
  { name: 'list-time-stamp-types', hasArg: 0, val: 'J' },
  { name: 'micro', hasArg: 0, val: 'micro' },
  { name: 'nano', hasArg: 0, val: 'nano' },
  { name: 'time-stamp-precision', hasArg: 1, val: 'precision' },
  { name: 'dont-verify-checksums', hasArg: 0, val: 'K' },
  { name: 'list-data-link-types', hasArg: 0, val: 'L' },
  { name: 'no-optimize', hasArg: 0, val: 'O' },
  { name: 'no-promiscuous-mode', hasArg: 0, val: 'p' },
  { name: 'snapshot-length', hasArg: 1, val: 's' },
  { name: 'packet-buffered', hasArg: 0, val: 'U' },
  { name: 'linktype', hasArg: 1, val: 'y' },
  { name: 'immediate-mode', hasArg: 0, val: 'immediate' },
  { name: 'count', hasArg: 0, val: 'count' },
  { name: 'print', hasArg: 0, val: 'print' },
  { name: 'version', hasArg: 0, val: 'version' },
  { name: 'number', hasArg: 0, val: '#' },
  { name: 'fp-type', hasArg: 0, val: 'fptype' },
  { name: 'lengths', hasArg: 0, val: 'lengths' },
];

export const VERSION_TEXT =
  'tcpdump version 4.99.3\nlibpcap version 1.10.3 (with TPACKET_V3)\nOpenSSL 3.0.19 27 Jan 2026\n';

/** print_usage(): the version, then the usage, on stderr after an error and on stdout for -h. */
export const USAGE_TEXT = `${VERSION_TEXT}Usage: tcpdump [-AbdDefhHIJKlLnNOpqStuUvxX#] [ -B size ] [ -c count ] [--count]
\t\t[ -C file_size ] [ -E algo:secret ] [ -F file ] [ -G seconds ]
\t\t[ -i interface ] [ --immediate-mode ] [ -j tstamptype ]
\t\t[ -M secret ] [ --number ] [ --print ] [ -Q in|out|inout ]
\t\t[ -r file ] [ -s snaplen ] [ -T type ] [ --version ]
\t\t[ -V file ] [ -w file ] [ -W filecount ] [ -y datalinktype ]
\t\t[ --time-stamp-precision precision ] [ --micro ] [ --nano ]
\t\t[ -z postrotate-command ] [ -Z user ] [ expression ]
`;

/** Options that only change buffering or kernel-side behaviour the simulator does not show. */
const NO_OPS = new Set(['l', 'p', 'U', 'immediate', 'print', 'O', 'K']);

export interface TcpdumpOpts {
  iface: string | null;
  /** -c: stop after this many packets. */
  count: number | null;
  /** -e: print the link-level header. */
  link: boolean;
  /** -n: addresses and ports as numbers (the simulator never looks names up, so only ports differ). */
  numeric: boolean;
  /** How many -t were given: 0 time of day, 1 none, 2 epoch seconds, 3 delta, 4 date and time, 5 since first. */
  tflag: number;
  /** -#/--number: each line starts with its packet number. */
  number: boolean;
  /** The filter expression: the remaining words joined by spaces (tcpdump's copy_argv). */
  filter: string;
}

export type ParseOutcome =
  { kind: 'run'; opts: TcpdumpOpts } | { kind: 'print'; stdout: string } | { kind: 'error'; stderr: string };

export function parseTcpdump(argv: readonly string[]): ParseOutcome {
  const o: TcpdumpOpts = {
    iface: null,
    count: null,
    link: false,
    numeric: false,
    tflag: 0,
    number: false,
    filter: '',
  };
  const words: string[] = [];
  const g = new Getopt(argv, SHORTOPTS);
  for (;;) {
    const r = g.next(LONGOPTS);
    if (r.kind === 'end') break;
    if (r.kind === 'nonopt') {
      words.push(r.arg);
      continue;
    }
    if (r.kind === 'unknown' || r.kind === 'missing') {
      return { kind: 'error', stderr: getoptMessage('tcpdump', r) + USAGE_TEXT };
    }
    const arg = r.arg ?? '';
    switch (r.val) {
      case 'c': {
        // tcpdump.c: strtol, rejecting trailing junk and values <= 0.
        const n = /^\s*[+-]?\d+$/.test(arg) ? Number(arg) : NaN;
        if (!Number.isInteger(n) || n <= 0 || n > 0x7fffffff)
          return { kind: 'error', stderr: `tcpdump: invalid packet count ${arg}\n` };
        o.count = n;
        break;
      }
      case 'e':
        o.link = true;
        break;
      case 'i':
        o.iface = arg;
        break;
      case 'n':
        o.numeric = true;
        break;
      case 't':
        o.tflag++;
        break;
      case '#':
        o.number = true;
        break;
      case 'h':
        return { kind: 'print', stdout: USAGE_TEXT };
      case 'version':
        return { kind: 'print', stdout: VERSION_TEXT };
      default:
        if (NO_OPS.has(r.val)) break;
        return {
          kind: 'error',
          stderr: `tcpdump: ${r.text}: not available in this simulator (supported: -c -e -i -n -t -#)\n`,
        };
    }
  }
  o.filter = words.join(' ');
  return { kind: 'run', opts: o };
}
