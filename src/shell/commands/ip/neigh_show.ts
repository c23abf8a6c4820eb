/**
 * `ip neigh show|list|flush` (iproute2 6.1 ip/ipneigh.c do_show_or_flush and print_neigh): state filters
 * (`nud STATE`, NOARP hidden unless asked, PERMANENT and NOARP never flushed), `dev`, `to PREFIX`,
 * `unused`; `-s` adds ref/used/probes. A flush dumps and deletes what matched (RTM_DELNEIGH per entry).
 */
import type { CommandIO } from '../../types';
import type { IpOpts } from './opts';
import type { InetPrefix } from './prefix';
import { addrInPrefix, parseInetAddr, parseInetPrefix } from './prefix';
import { flushRounds } from './flush';
import { Printer, familyColor } from './printer';
import { colorEnabled } from './opts';
import { LlMap } from './rtnl/ll_map';
import type { NeighMsg } from './rtnl/neigh';
import { NUD, NUD_NAMES, USER_HZ, dumpNeigh, parseNud } from './rtnl/neigh';
import { neighDeleteMsg } from './neigh_modify';
import { Args, IpError, invalidArg, matches } from './util';

export interface NeighFilter {
  state: number;
  index: number;
  pfx: InetPrefix | null;
  unusedOnly: boolean;
  family: 'inet' | 'inet6' | 'unspec';
}

/** nud_state_a2n(): a state name (any case, without "NUD_") or a number. */
function parseFilter(opts: IpOpts, argv: readonly string[], flush: boolean, ll: LlMap): NeighFilter {
  const f: NeighFilter = {
    state: flush ? ~(NUD.PERMANENT | NUD.NOARP) : 0xff & ~NUD.NOARP,
    index: 0,
    pfx: null,
    unusedOnly: false,
    family: opts.family === 'inet' || opts.family === 'inet6' ? opts.family : 'unspec',
  };
  let dev: string | null = null;
  let stateGiven = false;
  const cursor = new Args(argv);
  while (!cursor.done) {
    const w = cursor.next() as string;
    const next = (): string => cursor.value();
    if (w === 'dev') {
      const v = next();
      if (dev !== null) throw new IpError(`Error: duplicate "dev": "${v}" is the second value.\n`, 255);
      dev = v;
    } else if (w === 'unused') f.unusedOnly = true;
    else if (w === 'nud') {
      const v = next();
      if (!stateGiven) {
        stateGiven = true;
        f.state = 0;
      }
      let st: number;
      if (v === 'all') {
        st = ~0;
        if (flush) st &= ~NUD.NOARP;
      } else {
        const n = parseNud(v);
        if (n === null) throw invalidArg('nud state is bad', v);
        st = n;
      }
      if (st === 0) st = 0x100;
      f.state |= st;
    } else if (w === 'proxy' || w === 'master' || w === 'vrf' || matches(w, 'protocol')) {
      if (w !== 'proxy') next();
    } else {
      let v = w;
      if (v === 'to') v = next();
      const p = parseInetPrefix(v, f.family);
      if (p === null) throw invalidArg('to value is invalid\n', v);
      f.pfx = p;
      if (f.family === 'unspec') f.family = p.family;
    }
  }
  if (dev !== null) {
    f.index = ll.index(dev);
    if (!f.index) throw new IpError(`Cannot find device "${dev}"\n`, 1);
  }
  return f;
}

/** print_neigh()'s own filter. */
export function passes(f: NeighFilter, m: NeighMsg): boolean {
  if (f.family !== 'unspec' && f.family !== m.family) return false;
  if (f.index && f.index !== m.ifindex) return false;
  if (!(f.state & m.state) && (m.state || !(f.state & 0x100))) return false;
  if (f.pfx) {
    const a = parseInetAddr(m.dst, m.family);
    if (!a || !addrInPrefix(a, f.pfx)) return false;
  }
  if (f.unusedOnly && m.refcnt) return false;
  return true;
}

export function printNeigh(p: Printer, ll: LlMap, f: NeighFilter, m: NeighMsg, stats: number): void {
  p.openObject();
  p.colorString('any', familyColor(m.family), 'dst', '%s ', m.dst);
  if (!f.index && m.ifindex) {
    p.fp('dev ');
    p.colorString('any', 'ifname', 'dev', '%s ', ll.name(m.ifindex));
  }
  if (m.lladdr !== null) {
    p.fp('lladdr ');
    p.colorString('any', 'mac', 'lladdr', '%s ', m.lladdr);
  }
  // NTF_ROUTER: the neighbour advertised itself as a router (IPv6 ND).
  if (m.router) p.null('any', 'router', '%s ', 'router');
  if (stats) {
    if (m.refcnt) p.num('any', 'refcnt', ' ref %u', m.refcnt);
    p.num('any', 'used', ' used %u', Math.floor(m.used / USER_HZ));
    p.num('any', 'confirmed', '/%u', Math.floor(m.confirmed / USER_HZ));
    p.num('any', 'updated', '/%u', Math.floor(m.updated / USER_HZ));
    p.num('any', 'probes', 'probes %u ', m.probes);
  }
  if (m.state) {
    p.openArray('json', p.isJson ? 'state' : '');
    NUD_NAMES.forEach((name, i) => {
      if (m.state & (1 << i)) p.string('any', null, '%s ', name);
    });
    p.closeArray('json', null);
  }
  p.string('fp', null, '\n', '');
  p.closeObject();
}

export function showNeigh(io: CommandIO, opts: IpOpts, argv: string[]): number {
  const k = io.os.state.kernel;
  const ll = new LlMap(k, opts.ns);
  const f = parseFilter(opts, argv, false, ll);
  const color = colorEnabled(opts, io.isatty ?? false);
  const p = new Printer({ json: opts.json, pretty: opts.pretty, oneline: opts.oneline, color });
  p.newJsonObj();
  for (const m of dumpNeigh(k, opts.ns, io.os.state.clock.nowUs, f.family))
    if (passes(f, m)) printNeigh(p, ll, f, m, opts.stats);
  p.deleteJsonObj();
  p.flush(io);
  return 0;
}

/** The flush loop: dump, delete what matched, repeat (FAILED entries only in the first round) until nothing is left. */
export function flushNeigh(io: CommandIO, opts: IpOpts, argv: string[]): number {
  if (argv.length === 0) throw new IpError('Flush requires arguments.\n', 1);
  const k0 = io.os.state.kernel;
  const ll = new LlMap(k0, opts.ns);
  const f = parseFilter(opts, argv, true, ll);
  return flushRounds(io, {
    noun: 'entries',
    stats: opts.stats > 0,
    maxRounds: 10,
    sendFailed: 1,
    dump: () =>
      dumpNeigh(io.os.state.kernel, opts.ns, io.os.state.clock.nowUs, f.family).filter((m) => passes(f, m)),
    remove: (matched) => {
      io.os.mutate(({ kctx }) => {
        for (const m of matched) neighDeleteMsg(kctx, opts.ns, m);
      });
      // FAILED entries are flushed in the first round only (they may come back as the deletes complete).
      f.state &= ~NUD.FAILED;
    },
    bailOut: (n) => {
      io.out(`*** Flush not complete bailing out after ${n} rounds\n`);
      return 1;
    },
  });
}
