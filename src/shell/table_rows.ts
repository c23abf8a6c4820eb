/**
 * The rows of a namespace's tables exactly as the tools print them (`ip route show table T`, `ip neigh`,
 * `bridge fdb show br BR`, `iptables -t T -S CHAIN`, `conntrack -L`), each beside the kernel object it came
 * from, for views that quote a table outside a terminal (the packet journey's "row that decided"). Every line
 * comes from the command module's own printer, so the two cannot drift; lines are given without their "\n"
 * (and keep the trailing space iproute2 leaves).
 */
import type {
  ConntrackEntry,
  FdbRecord,
  FibRoute,
  KernelCtx,
  KernelState,
  NfChain,
  NfTable,
  NfTableName,
  NsId,
} from '../kernel';
import { fdbDump, xaGet } from '../kernel';
import { printFdb } from './commands/bridge/fdb';
import { ctLine } from './commands/conntrack/format';
import { listRulesTable } from './commands/iptables/list';
import type { NeighFilter } from './commands/ip/neigh_show';
import { passes, printNeigh } from './commands/ip/neigh_show';
import { Printer } from './commands/ip/printer';
import { plainRouteCtx, printRoute } from './commands/ip/route_print';
import { LlMap } from './commands/ip/rtnl/ll_map';
import type { NeighMsg } from './commands/ip/rtnl/neigh';
import { NUD, dumpNeigh } from './commands/ip/rtnl/neigh';
import { fillRoute4 } from './commands/ip/rtnl/route';

export type { NeighMsg } from './commands/ip/rtnl/neigh';
export { nudBits } from './commands/ip/rtnl/neigh';

const textPrinter = (): Printer => new Printer({ json: false, pretty: false, oneline: false });
const chomp = (s: string): string => (s.endsWith('\n') ? s.slice(0, -1) : s);

/** `ip route show table T` (for 254 that is plain `ip route`): one line per IPv4 route of the table. */
export function ipRouteLines(k: KernelState, ns: NsId, table: number): { route: FibRoute; line: string }[] {
  const ll = new LlMap(k, ns);
  return (xaGet(k.netns, ns)?.fib4[table] ?? []).map((route) => {
    const p = textPrinter();
    printRoute(plainRouteCtx(p, ll, 0, table), fillRoute4(k, route));
    return { route, line: chomp(p.take()) };
  });
}

/** `ip neigh` without arguments: NOARP entries hidden, every device, both families. */
const NEIGH_SHOW: NeighFilter = {
  state: 0xff & ~NUD.NOARP,
  index: 0,
  pfx: null,
  unusedOnly: false,
  family: 'unspec',
};

/** One neighbour message as `ip neigh` prints it (a row as it stood at some earlier moment, say). */
export function ipNeighLine(k: KernelState, ns: NsId, m: NeighMsg): string {
  const p = textPrinter();
  printNeigh(p, new LlMap(k, ns), NEIGH_SHOW, m, 0);
  return chomp(p.take());
}

/** `ip neigh`: every row it prints, with its message. */
export function ipNeighLines(k: KernelState, ns: NsId, nowUs: number): { msg: NeighMsg; line: string }[] {
  return dumpNeigh(k, ns, nowUs)
    .filter((m) => passes(NEIGH_SHOW, m))
    .map((msg) => ({ msg, line: ipNeighLine(k, ns, msg) }));
}

/** One FDB record as `bridge fdb show` prints it. */
export function fdbLine(k: KernelState, ns: NsId, r: FdbRecord): string {
  const p = textPrinter();
  printFdb({ p, ns, k, filterIndex: false, stats: false }, r);
  return chomp(p.take());
}

/** `bridge fdb show br BR`: the bridge's and its ports' records (the ports' own addresses included). */
export function fdbShowLines(ctx: KernelCtx, ns: NsId, br: string): { rec: FdbRecord; line: string }[] {
  return fdbDump(ctx, ns, { br, dev: null }).map((rec) => ({ rec, line: fdbLine(ctx.k, ns, rec) }));
}

/**
 * `iptables -t T -S CHAIN`: "-P CHAIN POLICY" for a built-in chain or "-N CHAIN" for a user chain, then one
 * "-A" line per rule in order (line i + 1 is rule i + 1).
 */
export function iptablesChainLines(t: NfTable | null, table: NfTableName, chain: NfChain): string[] {
  return chomp(listRulesTable(t, table, chain.name, null, false)).split('\n');
}

/** One entry as `conntrack -L` prints it. */
export function conntrackLine(e: ConntrackEntry, nowUs: number): string {
  return chomp(ctLine(e, nowUs, false));
}
