/**
 * `ip route get ADDR [from ADDR] [oif|dev NAME] [mark N] [uid N] [connected] [fibmatch]` (iproute2 6.1
 * ip/iproute.c iproute_get): parse, ask the kernel (rtnl/route_get.ts), print the cloned route. IPv6
 * destinations are looked up in the routes addrconf keeps.
 */
import { devByIndex, strerror } from '../../../kernel';
import type { CommandIO } from '../../types';
import { type IpOpts, colorEnabled } from './opts';
import type { InetPrefix } from './prefix';
import { ip4Of, parseInetPrefix } from './prefix';
import { Printer } from './printer';
import type { RoutePrintCtx } from './route_print';
import { plainRouteCtx, printRoute } from './route_print';
import { LlMap } from './rtnl/ll_map';
import { fibMatchMsg, routeGet4 } from './rtnl/route_get';
import { routeGet6 } from './rtnl/route_get6';
import { Args, IpError, invalidArg, matches } from './util';

export function routeGet(io: CommandIO, opts: IpOpts, argv: string[]): number {
  const k = io.os.state.kernel;
  const ns = opts.ns;
  let family: 'inet' | 'inet6' | 'unspec' =
    opts.family === 'inet' || opts.family === 'inet6' ? opts.family : 'unspec';
  let dst: InetPrefix | null = null;
  let src: InetPrefix | null = null;
  let odev: string | null = null;
  let idev: string | null = null;
  let mark = 0;
  let uid = 0;
  let connected = false;
  let fibmatch = false;
  const prefix = (v: string): InetPrefix => {
    const p = parseInetPrefix(v, family);
    if (p === null) {
      const what = family === 'inet' ? 'inet' : family === 'inet6' ? 'inet6' : 'any valid';
      throw new IpError(`Error: ${what} prefix is expected rather than "${v}".\n`, 1);
    }
    if (family === 'unspec') family = p.family;
    return p;
  };
  const cursor = new Args(argv);
  while (!cursor.done) {
    const w = cursor.next() as string;
    const next = (): string => cursor.value();
    if (w === 'tos' || matches(w, 'dsfield')) next();
    else if (matches(w, 'from')) src = prefix(next());
    else if (matches(w, 'iif')) idev = next();
    else if (matches(w, 'mark')) {
      const v = next();
      if (!/^(0x[0-9a-f]+|\d+)$/i.test(v)) throw invalidArg('invalid mark value', v);
      mark = Number(v);
    } else if (matches(w, 'oif') || w === 'dev') odev = next();
    else if (matches(w, 'notify')) {
      /* RTM_F_NOTIFY */
    } else if (matches(w, 'connected')) connected = true;
    else if (matches(w, 'uid')) {
      const v = next();
      if (!/^\d+$/.test(v)) throw invalidArg('invalid UID\n', v);
      uid = Number(v);
    } else if (matches(w, 'fibmatch')) fibmatch = true;
    else if (matches(w, 'sport') || matches(w, 'dport') || matches(w, 'ipproto') || matches(w, 'vrf')) next();
    else {
      let v = w;
      if (v === 'to') v = next();
      const p = prefix(v);
      const host = p.family === 'inet' ? 32 : 128;
      if (p.explicitLen && p.bitlen !== host) {
        io.err(`Warning: /${p.bitlen} as prefix is invalid, only /${host} (or none) is supported.\n`);
      }
      dst = p;
    }
  }
  if (dst === null) throw new IpError('need at least a destination address\n', 1);
  const ll = new LlMap(k, ns);
  let oif = null;
  if (odev !== null) {
    const idx = ll.index(odev);
    if (!idx) throw new IpError(`Cannot find device "${odev}"\n`, 1);
    oif = devByIndex(k, ns, idx);
  }
  let iif = null;
  if (idev !== null) {
    const idx = ll.index(idev);
    if (!idx) throw new IpError(`Cannot find device "${idev}"\n`, 1);
    iif = devByIndex(k, ns, idx);
  }
  const color = colorEnabled(opts, io.isatty ?? false);
  const p = new Printer({ json: opts.json, pretty: opts.pretty, oneline: opts.oneline, color });
  const ctx: RoutePrintCtx = plainRouteCtx(p, ll, opts.details, 0);
  const answer = () => {
    if (dst!.family === 'inet6') return routeGet6(k, ns, io.os.state.clock.nowUs, dst!, src, oif);
    return routeGet4(io.os.view(), ns, {
      dst: ip4Of(dst!),
      src: src === null ? null : ip4Of(src),
      oif,
      iif,
      mark,
      uid,
      tos: 0,
    });
  };
  const r = answer();
  if (!r.ok) throw new IpError(`RTNETLINK answers: ${strerror(r.errno)}\n`, 2);
  p.newJsonObj();
  if (connected && src === null) {
    // iproute2 prints the first answer, closes the JSON writer, then asks again with the same request
    // (it edits the answer, not the request) and prints the second answer as text.
    printRoute(ctx, r.msg);
    p.deleteJsonObj();
  }
  printRoute(ctx, fibmatch && r.fib ? fibMatchMsg(k, r.fib) : r.msg);
  p.deleteJsonObj();
  p.flush(io);
  return 0;
}
