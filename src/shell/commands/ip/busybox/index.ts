/**
 * BusyBox 1.35's `ip` applet (networking/ip.c, libiproute/): its own option parser (-f/-4/-6/-0/-o only),
 * objects matched with index_in_substrings (a unique prefix or an exact word), and its own output formats
 * (no `state`/`group`, M-DOWN whenever the peer index is not an up link here, `eth0@eth0`, "scope link  src").
 * Listings print from the same kernel messages as iproute2; changes (add/del/set) go through the same
 * kernel operations as iproute2's.
 */
import type { CommandIO } from '../../../types';
import type { IpOpts } from '../opts';
import { guarded } from '../util';
import { doIpAddr } from '../addr';
import { doIpLink } from '../link';
import { doIpRoute } from '../route';
import { bbListAddrs } from './addr';
import { bbGetRoute, bbListRoutes } from './route';
import { bbNeigh } from './neigh';
import { asBusybox, bbLinkSet } from './modify';
import { bbDie, bbUsage, indexInSubstrings } from './util';

/** ip_parse_common_args(). */
function parseCommon(io: CommandIO, argv: string[]): { opts: IpOpts; rest: string[] } {
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
  while (i < argv.length) {
    let opt = argv[i] as string;
    if (!opt.startsWith('-')) break;
    opt = opt.slice(1);
    if (opt.startsWith('-')) {
      opt = opt.slice(1);
      if (opt === '') {
        i++;
        break;
      }
    }
    const arg = indexInSubstrings(['oneline', 'family', '4', '6', '0'], opt);
    if (arg < 0) throw bbUsage();
    if (arg === 0) {
      opts.oneline = true;
      i++;
      continue;
    }
    let fam: number;
    if (arg === 1) {
      const f = argv[++i];
      if (f === undefined) throw bbUsage();
      fam = ['inet', 'inet6', 'link'].indexOf(f);
      if (fam < 0) throw bbDie(`invalid argument '${f}' to 'family'`);
    } else fam = arg - 2;
    opts.family = (['inet', 'inet6', 'link'] as const)[fam] ?? 'unspec';
    i++;
  }
  return { opts, rest: argv.slice(i) };
}

function doAddr(io: CommandIO, opts: IpOpts, argv: string[]): number {
  const cmds = ['add', 'change', 'chg', 'replace', 'delete', 'list', 'show', 'lst', 'flush'];
  if (argv.length === 0) return bbListAddrs(io, opts, [], false);
  const cmd = indexInSubstrings(cmds, argv[0] as string);
  if (cmd < 0) throw bbDie(`invalid argument '${argv[0]}' to 'ip'`);
  if (cmd <= 4)
    return asBusybox(1, () =>
      doIpAddr(io, opts, [['add', 'change', 'change', 'replace', 'delete'][cmd] as string, ...argv.slice(1)]),
    );
  if (cmd === 8 && argv.length === 1) throw bbDie('flush requires an argument');
  if (cmd === 8) return asBusybox(1, () => doIpAddr(io, opts, ['flush', ...argv.slice(1)]));
  return bbListAddrs(io, opts, argv.slice(1), false);
}

function doLink(io: CommandIO, opts: IpOpts, argv: string[]): number {
  if (argv.length === 0) return bbListAddrs(io, { ...opts, family: 'link' }, [], true);
  const key = indexInSubstrings(['add', 'delete', 'set', 'show', 'lst', 'list'], argv[0] as string);
  // do_iplink() sets xfunc_error_retval = 2 for everything it does.
  if (key < 0) throw bbDie(`invalid argument '${argv[0]}' to 'ip'`, 2);
  if (key === 2) return bbLinkSet(io, opts, argv.slice(1));
  if (key <= 1)
    return asBusybox(2, () => doIpLink(io, opts, [['add', 'delete'][key] as string, ...argv.slice(1)]));
  return bbListAddrs(io, { ...opts, family: 'link' }, argv.slice(1), true);
}

function doRoute(io: CommandIO, opts: IpOpts, argv: string[]): number {
  if (argv.length === 0) return bbListRoutes(io, opts, [], false);
  const cmds = [
    'a',
    'add',
    'append',
    'change',
    'chg',
    'delete',
    'get',
    'list',
    'show',
    'prepend',
    'replace',
    'test',
    'flush',
  ];
  const cmd = indexInSubstrings(cmds, argv[0] as string);
  const rest = argv.slice(1);
  switch (cmds[cmd]) {
    case 'a':
    case 'add':
      return asBusybox(1, () => doIpRoute(io, opts, ['add', ...rest]));
    case 'append':
    case 'change':
    case 'prepend':
    case 'replace':
    case 'delete':
    case 'test':
      return asBusybox(1, () => doIpRoute(io, opts, [cmds[cmd] as string, ...rest]));
    case 'chg':
      return asBusybox(1, () => doIpRoute(io, opts, ['change', ...rest]));
    case 'get':
      return bbGetRoute(io, opts, rest);
    case 'list':
    case 'show':
      return bbListRoutes(io, opts, rest, false);
    case 'flush':
      return bbListRoutes(io, opts, rest, true);
    default:
      throw bbDie(`invalid argument '${argv[0]}' to 'ip'`);
  }
}

/** ip_main(): the object word, then its handler; no object (or an unknown one) prints the usage. */
export async function busyboxIp(io: CommandIO): Promise<number> {
  return guarded(io, () => {
    const { opts, rest } = parseCommon(io, io.argv.slice(1));
    const objects = ['address', 'route', 'r', 'link', 'tunnel', 'tunl', 'rule', 'neigh'];
    const key = rest.length > 0 ? indexInSubstrings(objects, rest[0] as string) : -1;
    const argv = rest.slice(1);
    switch (objects[key]) {
      case 'address':
        return doAddr(io, opts, argv);
      case 'route':
      case 'r':
        return doRoute(io, opts, argv);
      case 'link':
        return doLink(io, opts, argv);
      case 'neigh':
        return bbNeigh(io, opts, argv);
      case 'tunnel':
      case 'tunl':
      case 'rule':
        throw bbDie(`${objects[key]}: not simulated here`);
      default:
        throw bbUsage();
    }
  });
}
