/**
 * `ip` from iproute2 6.1 (ip/ip.c): global options, then an object (matched by prefix in the order of ip.c's
 * command table) and its subcommand. The BusyBox `ip` applet is a different program: see busybox/index.ts.
 */
import type { CommandIO, SimCommand } from '../../types';
import type { IpOpts } from './opts';
import { IpError, guarded, matches } from './util';
import { doIpNetns, resolveNetns } from './netns';
import { doIpLink } from './link';
import { doIpAddr } from './addr';
import { doIpRoute } from './route';
import { doIpNeigh } from './neigh';
import { doIpRule } from './rule';
import { busyboxIp } from './busybox';

type Handler = (io: CommandIO, opts: IpOpts, argv: string[]) => number | Promise<number>;

const unsupported =
  (name: string): Handler =>
  (io) => {
    io.err(`ip ${name}: this object is not simulated here\n`);
    return 1;
  };

/** ip.c's cmds[] in order: the first keyword the word is a prefix of wins ("a" is address, "n" neighbor). */
const OBJECTS: readonly [string, Handler][] = [
  ['address', doIpAddr],
  ['addrlabel', unsupported('addrlabel')],
  ['maddress', unsupported('maddress')],
  ['route', doIpRoute],
  ['rule', doIpRule],
  ['neighbor', doIpNeigh],
  ['neighbour', doIpNeigh],
  ['ntable', unsupported('ntable')],
  ['ntbl', unsupported('ntbl')],
  ['link', doIpLink],
  ['l2tp', unsupported('l2tp')],
  ['fou', unsupported('fou')],
  ['ila', unsupported('ila')],
  ['macsec', unsupported('macsec')],
  ['tunnel', unsupported('tunnel')],
  ['tunl', unsupported('tunl')],
  ['tuntap', unsupported('tuntap')],
  ['tap', unsupported('tap')],
  ['token', unsupported('token')],
  ['tcpmetrics', unsupported('tcpmetrics')],
  ['tcp_metrics', unsupported('tcp_metrics')],
  ['monitor', unsupported('monitor')],
  ['xfrm', unsupported('xfrm')],
  ['mroute', unsupported('mroute')],
  ['mrule', unsupported('mrule')],
  ['netns', doIpNetns],
  ['netconf', unsupported('netconf')],
  ['vrf', unsupported('vrf')],
  ['sr', unsupported('sr')],
  ['nexthop', unsupported('nexthop')],
  ['mptcp', unsupported('mptcp')],
  ['ioam', unsupported('ioam')],
  ['help', (io) => usage(io)],
  ['stats', unsupported('stats')],
];

const USAGE = `Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }
       ip [ -force ] -batch filename
where  OBJECT := { address | addrlabel | amt | fou | help | ila | ioam | l2tp |
                   link | macsec | maddress | monitor | mptcp | mroute | mrule |
                   neighbor | neighbour | netconf | netns | nexthop | ntable |
                   ntbl | route | rule | sr | tap | tcpmetrics |
                   token | tunnel | tuntap | vrf | xfrm }
       OPTIONS := { -V[ersion] | -s[tatistics] | -d[etails] | -r[esolve] |
                    -h[uman-readable] | -iec | -j[son] | -p[retty] |
                    -f[amily] { inet | inet6 | mpls | bridge | link } |
                    -4 | -6 | -M | -B | -0 |
                    -l[oops] { maximum-addr-flush-attempts } | -br[ief] |
                    -o[neline] | -t[imestamp] | -ts[hort] | -b[atch] [filename] |
                    -rc[vbuf] [size] | -n[etns] name | -N[umeric] | -a[ll] |
                    -c[olor]}
`;

function usage(io: CommandIO): number {
  io.err(USAGE);
  return 255;
}

/** matches_color() (lib/color.c): `-color[=always|auto|never]`, abbreviated down to `-c`. */
function matchesColor(opt: string): 'always' | 'auto' | 'never' | null {
  const eq = opt.indexOf('=');
  const key = eq < 0 ? opt : opt.slice(0, eq);
  const v = eq < 0 ? '' : opt.slice(eq + 1);
  if (!matches(key, '-color')) return null;
  if (v === '' || v === 'always') return 'always';
  if (v === 'auto' || v === 'never') return v;
  return null;
}

/** ip.c main(): options come first, each may be written with one or two dashes and abbreviated. */
function parseGlobal(io: CommandIO, argv: string[]): { opts: IpOpts; rest: string[] } {
  const opts: IpOpts = {
    family: 'unspec',
    brief: false,
    json: false,
    pretty: false,
    details: 0,
    stats: 0,
    oneline: false,
    resolve: false,
    all: false,
    ns: io.proc.ns,
  };
  let i = 0;
  while (i < argv.length && (argv[i] as string).startsWith('-')) {
    let opt = argv[i] as string;
    if (opt === '--') {
      i++;
      break;
    }
    if (opt.startsWith('--')) opt = opt.slice(1);
    const next = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new IpError('Command line is not complete. Try option "help"\n', 255);
      return v;
    };
    if (matches(opt, '-loops')) next();
    else if (matches(opt, '-family')) {
      const f = next();
      if (f === 'inet') opts.family = 'inet';
      else if (f === 'inet6') opts.family = 'inet6';
      else if (f === 'link') opts.family = 'link';
      else if (f === 'help') throw new IpError(USAGE, 255);
      else throw new IpError(`Error: argument "${f}" is wrong: invalid address family\n`, 255);
    } else if (opt === '-4') opts.family = 'inet';
    else if (opt === '-6') opts.family = 'inet6';
    else if (opt === '-0') opts.family = 'link';
    else if (opt === '-M' || opt === '-B') {
      /* mpls / bridge families: not simulated, accepted */
    } else if (matches(opt, '-human') || matches(opt, '-human-readable') || matches(opt, '-iec')) {
      /* affects only -s output scaling */
    } else if (matches(opt, '-stats') || matches(opt, '-statistics')) opts.stats++;
    else if (matches(opt, '-details')) opts.details++;
    else if (matches(opt, '-resolve')) opts.resolve = true;
    else if (matches(opt, '-oneline')) opts.oneline = true;
    else if (matches(opt, '-timestamp') || matches(opt, '-tshort')) {
      /* only for monitor */
    } else if (matches(opt, '-Version')) {
      io.out('ip utility, iproute2-6.1.0, libbpf 1.1.2\n');
      throw new IpError('', 0);
    } else if (matches(opt, '-force')) {
      /* batch only */
    } else if (matches(opt, '-batch')) {
      throw new IpError('ip: -batch is not simulated here\n', 1);
    } else if (matches(opt, '-brief')) opts.brief = true;
    else if (matches(opt, '-json')) opts.json = true;
    else if (matches(opt, '-pretty')) opts.pretty = true;
    else if (matches(opt, '-rcvbuf')) next();
    else if (matchesColor(opt) !== null) opts.color = matchesColor(opt) ?? 'never';
    else if (matches(opt, '-help')) throw new IpError(USAGE, 255);
    else if (matches(opt, '-netns')) {
      const name = next();
      const ns = resolveNetns(io, name);
      if (ns === null)
        throw new IpError(`Cannot open network namespace "${name}": No such file or directory\n`, 255);
      opts.ns = ns;
    } else if (matches(opt, '-Numeric') || matches(opt, '-all') || opt === '-echo') {
      if (matches(opt, '-all')) opts.all = true;
    } else {
      throw new IpError(`Option "${opt}" is unknown, try "ip -help".\n`, 255);
    }
    i++;
  }
  return { opts, rest: argv.slice(i) };
}

export const ipCommand: SimCommand = {
  name: 'ip',
  run(io) {
    // `busybox ip ...` and `ip` in a BusyBox image run BusyBox's applet, a different program.
    if (io.proc.flavour === 'busybox') return busyboxIp(io);
    return guarded(io, async () => {
      const { opts, rest } = parseGlobal(io, io.argv.slice(1));
      const obj = rest[0];
      if (obj === undefined) return usage(io);
      const entry = OBJECTS.find(([kw]) => matches(obj, kw));
      if (!entry) throw new IpError(`Object "${obj}" is unknown, try "ip help".\n`, 1);
      return entry[1](io, opts, rest.slice(1));
    });
  },
};
