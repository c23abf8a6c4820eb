/**
 * BusyBox 1.35 `ip neigh [show|flush]` (libiproute/ipneigh.c): always with the cache info (xshow_stats is 3):
 * "ref N" only while something holds the entry, then "used A/B/C probes N STATE" with no trailing space.
 * A flush leaves FAILED entries alone and always reports what it did.
 */
import type { CommandIO } from '../../../types';
import { neighDeleteMsg } from '../neigh_modify';
import { parseNud } from '../rtnl/neigh';
import type { IpOpts } from '../opts';
import type { InetPrefix } from '../prefix';
import { addrInPrefix, parseInetAddr, parseInetPrefix } from '../prefix';
import { LlMap } from '../rtnl/ll_map';
import type { NeighMsg } from '../rtnl/neigh';
import { NUD, NUD_NAMES, dumpNeigh } from '../rtnl/neigh';
import { Args } from '../util';
import { bbDie, indexInSubstrings } from './util';
import { permitted } from '../../../capability';

interface BbNeighFilter {
  family: 'inet' | 'inet6' | 'unspec';
  index: number;
  state: number;
  pfx: InetPrefix | null;
}

function passes(f: BbNeighFilter, m: NeighMsg): boolean {
  if (f.family !== 'unspec' && f.family !== m.family) return false;
  if (f.index && f.index !== m.ifindex) return false;
  if (!(f.state & m.state) && (m.state || !(f.state & 0x100))) return false;
  if (f.pfx) {
    const a = parseInetAddr(m.dst, m.family);
    if (!a || !addrInPrefix(a, f.pfx)) return false;
  }
  return true;
}

/**
 * get_hz() (libiproute/utils.c) takes "HZ" from /proc/net/psched, whose third and fourth words are
 * 1000000 and 1000000000 on a high-resolution-timer kernel: ages in clock ticks divided by 10^9 are 0.
 */
const BB_HZ = 1_000_000_000;

function line(m: NeighMsg, f: BbNeighFilter, ll: LlMap): string {
  let s = `${m.dst} `;
  if (!f.index && m.ifindex) s += `dev ${ll.name(m.ifindex)} `;
  if (m.lladdr !== null) s += `lladdr ${m.lladdr}`;
  if (m.refcnt) s += ` ref ${m.refcnt}`;
  s += ` used ${Math.floor(m.used / BB_HZ)}/${Math.floor(m.confirmed / BB_HZ)}/${Math.floor(m.updated / BB_HZ)}`;
  s += ` probes ${m.probes}`;
  let c = ' ';
  NUD_NAMES.forEach((name, i) => {
    if (m.state & (1 << i)) {
      s += c + name;
      c = ',';
    }
  });
  return s + '\n';
}

export function bbNeigh(io: CommandIO, opts: IpOpts, argv: readonly string[]): number {
  let args = argv;
  let flush = false;
  if (args.length > 0) {
    const cmd = indexInSubstrings(['show', 'flush'], args[0] as string);
    if (cmd < 0) throw bbDie(`invalid argument '${args[0]}' to 'ip'`);
    flush = cmd === 1;
    args = args.slice(1);
    if (flush && args.length === 0) throw bbDie('"ip neigh flush" requires an argument');
  }
  const k = io.os.state.kernel;
  const ll = new LlMap(k, opts.ns);
  const f: BbNeighFilter = {
    family: opts.family === 'inet' || opts.family === 'inet6' ? opts.family : 'unspec',
    index: 0,
    state: flush ? ~(NUD.PERMANENT | NUD.NOARP) : 0xff & ~NUD.NOARP,
    pfx: null,
  };
  let dev: string | null = null;
  let stateGiven = false;
  const cursor = new Args(args, () => bbDie('command line is not complete, try "help"'));
  while (!cursor.done) {
    let w = cursor.next() as string;
    const next = (): string => cursor.value();
    const key = indexInSubstrings(['to', 'dev', 'nud'], w);
    if (key === 1) dev = next();
    else if (key === 2) {
      const v = next();
      if (!stateGiven) {
        stateGiven = true;
        f.state = 0;
      }
      let st = v === 'all' ? (flush ? ~NUD.NOARP : ~0) : (parseNud(v) ?? 0);
      if (st === 0) st = 0x100;
      f.state |= st;
    } else {
      if (key === 0) w = next();
      const p = parseInetPrefix(w, f.family);
      if (p === null) throw bbDie(`an inet prefix is expected rather than "${w}"`);
      f.pfx = p;
      if (f.family === 'unspec') f.family = p.family;
    }
  }
  if (dev !== null) {
    f.index = ll.index(dev);
    if (!f.index) throw bbDie(`can't find device '${dev}'`);
  }
  const nowUs = io.os.state.clock.nowUs;
  if (!flush) {
    io.out(
      dumpNeigh(k, opts.ns, nowUs, f.family)
        .filter((m) => passes(f, m))
        .map((m) => line(m, f, ll))
        .join(''),
    );
    return 0;
  }
  f.state &= ~NUD.FAILED;
  for (let round = 0; round < 10;) {
    const matched = dumpNeigh(io.os.state.kernel, opts.ns, nowUs, f.family).filter((m) => passes(f, m));
    if (matched.length === 0) {
      io.out(round === 0 ? 'Nothing to flush\n' : `*** Flush is complete after ${round} round(s) ***\n`);
      return 0;
    }
    round++;
    // print_neigh() prints each entry it queues for deletion (xshow_stats is 3), then the batch is sent.
    io.out(matched.map((m) => line(m, f, ll)).join(''));
    if (!permitted(io.proc, 'rtnetlink')) throw bbDie("can't send flush request: Operation not permitted");
    io.os.mutate(({ kctx }) => {
      for (const m of matched) neighDeleteMsg(kctx, opts.ns, m);
    });
    io.out(`\n*** Round ${round}, deleting ${matched.length} entries ***\n`);
  }
  throw bbDie('*** Flush not complete bailing out after 10 rounds');
}
