/**
 * `ip neigh get ADDR dev DEV [proxy]` (iproute2 6.1 ip/ipneigh.c ipneigh_get): one RTM_GETNEIGH answered by
 * the kernel's neigh_get() (net/core/neighbour.c), printed by print_neigh() with an empty filter (so with
 * its `dev`). No such entry is the kernel's extack and exit 2.
 */
import type { CommandIO } from '../../types';
import { type IpOpts, colorEnabled } from './opts';
import { parseInetAddr } from './prefix';
import { Printer } from './printer';
import { LlMap } from './rtnl/ll_map';
import { dumpNeigh } from './rtnl/neigh';
import { printNeigh } from './neigh_show';
import { Args, IpError } from './util';

export function getNeigh(io: CommandIO, opts: IpOpts, argv: readonly string[]): number {
  const family = opts.family === 'inet' || opts.family === 'inet6' ? opts.family : 'unspec';
  let dev: string | null = null;
  let dst: string | null = null;
  let proxy = false;
  const cursor = new Args(argv);
  while (!cursor.done) {
    const w = cursor.next() as string;
    if (w === 'dev') dev = cursor.value();
    else if ('proxy'.startsWith(w)) proxy = true;
    else {
      const v = w === 'to' ? cursor.value() : w;
      if (dst !== null) throw new IpError(`Error: either "to" is duplicate, or "${v}" is a garbage.\n`, 255);
      const a = parseInetAddr(v, family);
      if (a === null) {
        const what = family === 'unspec' ? 'any valid' : family;
        throw new IpError(`Error: ${what} address is expected rather than "${v}".\n`, 1);
      }
      dst = v;
    }
  }
  if (dev === null || dst === null) throw new IpError('Device and address are required arguments.\n', 1);
  const k = io.os.state.kernel;
  const ll = new LlMap(k, opts.ns);
  const index = ll.index(dev);
  if (!index) throw new IpError(`Cannot find device "${dev}"\n`, 1);
  const a = parseInetAddr(dst, family);
  const wanted = a?.family === 'inet6' ? 'inet6' : 'inet';
  // Proxy entries (pneigh) are not simulated: a proxy lookup finds none.
  const all = proxy ? [] : dumpNeigh(k, opts.ns, io.os.state.clock.nowUs, wanted);
  const same = (x: string): boolean => {
    const b = parseInetAddr(x, wanted);
    return b !== null && a !== null && b.bits.join('') === a.bits.join('');
  };
  const m = all.find((e) => e.family === wanted && e.ifindex === index && same(e.dst));
  if (!m) {
    const what = proxy ? 'Proxy neighbour entry not found' : 'Neighbour entry not found';
    throw new IpError(`Error: ${what}.\n`, 2);
  }
  const color = colorEnabled(opts, io.isatty ?? false);
  const p = new Printer({ json: opts.json, pretty: opts.pretty, oneline: opts.oneline, color });
  p.newJsonObj();
  printNeigh(p, ll, { state: ~0, index: 0, pfx: null, unusedOnly: false, family: 'unspec' }, m, opts.stats);
  p.deleteJsonObj();
  p.flush(io);
  return 0;
}
