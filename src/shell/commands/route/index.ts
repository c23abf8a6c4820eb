/**
 * `route`: net-tools 2.10 (route.c: getopt "A:eCFhnN64Vv?", then show, add, del or flush) or, with flavour
 * busybox, the BusyBox 1.35 applet ("ne" and -A). Listing is display.ts; changes are edit_*.ts.
 */
import type { CommandIO, SimCommand } from '../../types';
import { own } from '../../../lib';
import { displayRoutes, type RouteFormat } from './display';
import { editRouteBusybox } from './edit_busybox';
import { editRouteGnu } from './edit_gnu';
import { BUSYBOX_ROUTE_USAGE, INET_ROUTE_USAGE, ROUTE_AF_LIST, ROUTE_USAGE, ROUTE_VERSION } from './usage';

function usage(io: CommandIO, rc: number): number {
  (rc ? io.err.bind(io) : io.out.bind(io))(ROUTE_USAGE);
  io.err(ROUTE_AF_LIST);
  return rc;
}

const LONG: Record<string, string> = {
  extend: 'e',
  verbose: 'v',
  version: 'V',
  numeric: 'n',
  symbolic: 'N',
  cache: 'C',
  fib: 'F',
  help: 'h',
  inet: '4',
  inet6: '6',
};

async function gnu(io: CommandIO, argv: string[]): Promise<number> {
  let numeric = false;
  let extend = 0;
  let help = false;
  let cache = false;
  let inet6 = false;
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    // route.c rewrites -net/-host before getopt sees them.
    if (a === '-net' || a === '-host' || !a.startsWith('-') || a === '-') {
      rest.push(a);
      continue;
    }
    if (a === '--') {
      rest.push(...argv.slice(i + 1));
      break;
    }
    const opts = a.startsWith('--') ? [own(LONG, a.slice(2)) ?? `?${a}`] : a.slice(1).split('');
    for (let j = 0; j < opts.length; j++) {
      const o = opts[j] as string;
      if (o === 'n') numeric = true;
      else if (o === 'e') extend++;
      else if (o === 'v' || o === 'N' || o === 'F' || o === '4') continue;
      else if (o === 'C') cache = true;
      else if (o === '6') inet6 = true;
      else if (o === 'V') {
        io.out(ROUTE_VERSION);
        return 0;
      } else if (o === 'h') help = true;
      else if (o === 'A') {
        const af = a.slice(2 + j) || argv[++i];
        if (af === undefined) {
          io.err("route: option requires an argument -- 'A'\n");
          help = true;
        } else if (af === 'inet6') inet6 = true;
        break;
      } else {
        io.err(
          o.startsWith('?--')
            ? `route: unrecognized option '${o.slice(1)}'\n`
            : `route: invalid option -- '${o}'\n`,
        );
        help = true;
        break;
      }
    }
  }
  if (help) return usage(io, 0);
  if (inet6) {
    io.err('route: IPv6 routing tables are not simulated here; use ip -6 route\n');
    return 1;
  }
  const verb = rest[0];
  if (verb === undefined) {
    if (cache) {
      io.out('Kernel IP routing cache\n');
      io.out('Source          Destination     Gateway         Flags Metric Ref    Use Iface\n');
      return 0;
    }
    return displayRoutes(io, numeric, (extend >= 2 ? 3 : extend === 1 ? 2 : 1) as RouteFormat);
  }
  if (verb === 'add') return editRouteGnu(io, 'add', rest.slice(1));
  if (verb === 'del' || verb === 'delete') return editRouteGnu(io, 'del', rest.slice(1));
  if (verb === 'flush') {
    io.err("Flushing `inet' routing table not supported\n");
    io.err(INET_ROUTE_USAGE);
    return 3;
  }
  return usage(io, 3);
}

async function busybox(io: CommandIO, argv: string[]): Promise<number> {
  let numeric = false;
  let extend = false;
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (rest.length || !a.startsWith('-') || a === '-') {
      rest.push(a);
      continue;
    }
    for (const o of a.slice(1)) {
      if (o === 'n') numeric = true;
      else if (o === 'e') extend = true;
      else if (o === 'A') {
        i++;
        break;
      } else {
        io.err(`route: invalid option -- '${o}'\n${BUSYBOX_ROUTE_USAGE}`);
        return 1;
      }
    }
  }
  if (rest.length === 0) return displayRoutes(io, numeric, extend ? 2 : 1);
  const verb = rest[0];
  if (verb === 'add' || verb === 'del' || verb === 'delete') {
    if (rest.length === 1) {
      io.err(BUSYBOX_ROUTE_USAGE);
      return 1;
    }
    return editRouteBusybox(io, verb === 'add' ? 'add' : 'del', rest.slice(1));
  }
  io.err(BUSYBOX_ROUTE_USAGE);
  return 1;
}

export const routeCommand: SimCommand = {
  name: 'route',
  async run(io: CommandIO) {
    const argv = io.argv.slice(1);
    return io.proc.flavour === 'busybox' ? busybox(io, argv) : gnu(io, argv);
  },
};
