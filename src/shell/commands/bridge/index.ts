/**
 * `bridge` from iproute2 6.1 (bridge/bridge.c): global options, then an object matched by prefix in the
 * order of bridge.c's command table (link, fdb, mdb, vlan, vni, monitor, help).
 */
import type { CommandIO, SimCommand } from '../../types';
import { IpError, guarded, matches } from '../ip/util';
import { resolveNetns } from '../ip/netns';
import type { BridgeOpts } from './opts';
import { doLink } from './link';
import { doFdb } from './fdb';
import { doVlan } from './vlan';

type Handler = (io: CommandIO, opts: BridgeOpts, argv: string[]) => number | Promise<number>;

const USAGE = `Usage: bridge [ OPTIONS ] OBJECT { COMMAND | help }
       bridge [ -force ] -batch filename
where  OBJECT := { link | fdb | mdb | vlan | monitor }
       OPTIONS := { -V[ersion] | -s[tatistics] | -d[etails] |
                    -o[neline] | -t[imestamp] | -n[etns] name |
                    -c[ompressvlans] -color -p[retty] -j[son] }
`;

function usage(): never {
  throw new IpError(USAGE, 255);
}

const notSimulated =
  (name: string): Handler =>
  (io) => {
    io.err(`bridge ${name}: this object is not simulated here\n`);
    return 1;
  };

const OBJECTS: readonly [string, Handler][] = [
  ['link', doLink],
  ['fdb', doFdb],
  ['mdb', notSimulated('mdb')],
  ['vlan', doVlan],
  ['vni', notSimulated('vni')],
  ['monitor', notSimulated('monitor')],
  ['help', () => usage()],
];

/** bridge.c main(): options first, with one or two dashes, abbreviated as matches() allows. */
function parseGlobal(io: CommandIO, argv: string[]): { opts: BridgeOpts; rest: string[] } {
  const opts: BridgeOpts = {
    json: false,
    pretty: false,
    details: 0,
    stats: 0,
    oneline: false,
    compressVlans: false,
    ns: io.proc.ns,
  };
  let i = 0;
  while (i < argv.length) {
    let opt = argv[i] as string;
    if (opt === '--') {
      i++;
      break;
    }
    if (!opt.startsWith('-')) break;
    if (opt.startsWith('--')) opt = opt.slice(1);
    if (matches(opt, '-help')) usage();
    else if (matches(opt, '-Version')) {
      io.out('bridge utility, 6.1.0\n');
      throw new IpError('', 0);
    } else if (matches(opt, '-stats') || matches(opt, '-statistics')) opts.stats++;
    else if (matches(opt, '-details')) opts.details++;
    else if (matches(opt, '-oneline')) opts.oneline = true;
    else if (matches(opt, '-timestamp')) {
      /* only for monitor */
    } else if (matches(opt, '-family')) {
      const f = argv[++i];
      if (f === undefined || f === 'help') usage();
      if (f !== 'inet' && f !== 'inet6')
        throw new IpError(`Error: argument "${f}" is wrong: invalid protocol family\n`, 255);
    } else if (opt === '-4' || opt === '-6') {
      /* preferred_family: only fdb dst addresses use it */
    } else if (matches(opt, '-netns')) {
      const name = argv[++i];
      if (name === undefined) throw new IpError('Command line is not complete. Try option "help"\n', 255);
      const ns = resolveNetns(io, name);
      if (ns === null)
        throw new IpError(`Cannot open network namespace "${name}": No such file or directory\n`, 255);
      opts.ns = ns;
    } else if (matches(opt, '-color') || opt.startsWith('-color=')) {
      /* stdout is never a terminal iproute2 would colour */
    } else if (matches(opt, '-compressvlans')) opts.compressVlans = true;
    else if (matches(opt, '-force')) {
      /* batch only */
    } else if (matches(opt, '-json')) opts.json = true;
    else if (matches(opt, '-pretty')) opts.pretty = true;
    else if (matches(opt, '-batch')) throw new IpError('bridge: -batch is not simulated here\n', 1);
    else throw new IpError(`Option "${opt}" is unknown, try "bridge help".\n`, 255);
    i++;
  }
  return { opts, rest: argv.slice(i) };
}

export const bridgeCommand: SimCommand = {
  name: 'bridge',
  run(io) {
    return guarded(io, async () => {
      const { opts, rest } = parseGlobal(io, io.argv.slice(1));
      const obj = rest[0];
      if (obj === undefined) usage();
      const entry = OBJECTS.find(([kw]) => matches(obj, kw));
      if (!entry) throw new IpError(`Object "${obj}" is unknown, try "bridge help".\n`, 255);
      return entry[1](io, opts, rest.slice(1));
    });
  },
};
