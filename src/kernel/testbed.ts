/** An iptables rule matching every packet but for what `p` gives (its target at least). */
export function ruleSpec(p: Partial<NfRuleSpec> & { target: NfTarget }): NfRuleSpec {
  return {
    src: null,
    dst: null,
    inIface: null,
    outIface: null,
    proto: null,
    protoInvert: false,
    matches: [],
    ...p,
  };
}

/** An ICMP echo request datagram to `dst` (id 77, seq 1) of `size` payload bytes, as ping hands it to ipSendmsg. */
export function echoDatagram(dst: string, size = 56, extra: Partial<Datagram> = {}): Datagram {
  return {
    dst: ip(dst),
    src: 0,
    oif: null,
    proto: 1,
    l4: { proto: 1, type: 8, code: 0, id: 77, seq: 1, inner: null },
    payload: { kind: 'bytes', size },
    ttl: 64,
    ...extra,
  };
}

/**
 * A small kernel for the packet-path tests: Docker's default bridge made by hand (the oracle's build.sh
 * in miniature). A host namespace with docker0 172.17.0.1/16 and ip_forward on, containers c1 172.17.0.2
 * and c2 172.17.0.3 on it through veth pairs, default routes via the gateway. Test-only: nothing in the
 * simulator imports it.
 */
import { parseIp4, seedRng } from '../lib';
import type { KernelCtx } from './context';
import { devByName } from './context';
import { createBridge } from './bridge/br_device';
import { brAddIf } from './bridge/br_if';
import { fibInsert, RT_TABLE_MAIN } from './ipv4/fib';
import { inetAddAddr } from './ipv4/devinet';
import type { Datagram } from './ipv4/ip_output';
import type { NfRuleSpec } from './netfilter/tables';
import { changeNetns, openDevice, renameDevice, setMac } from './netdev/dev';
import { createVethPair } from './netdev/veth';
import { createNetns } from './netns';
import type { TraceEvent } from './trace';
import type { KernelState, NfTarget, NsId } from './types';
import { xaGet, xaValues, xaNew } from './xarray';

export function ip(text: string): number {
  const v = parseIp4(text);
  if (v === null) throw new Error(`bad address ${text}`);
  return v;
}

export interface Testbed {
  ctx: KernelCtx;
  trace: TraceEvent[];
  host: NsId;
  c1: NsId;
  c2: NsId;
}

export function emptyCtx(seed = 1): { ctx: KernelCtx; trace: TraceEvent[] } {
  const k: KernelState = {
    netns: xaNew(),
    devices: xaNew(),
    rootNs: '',
    namedNs: {},
    nextNsSeq: 0,
    nextDevSeq: 0,
    queue: [],
    nextEventSeq: 0,
    nextOrderSeq: 0,
  };
  const trace: TraceEvent[] = [];
  const ctx: KernelCtx = {
    k,
    clock: { nowUs: 0 },
    rng: seedRng(seed),
    trace: (e) => trace.push(e),
    hooks: {},
    budget: { events: 100_000 },
  };
  return { ctx, trace };
}

function must<T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!r.ok) throw new Error(`testbed: ${JSON.stringify(r.error)}`);
  return r.value;
}

export function addAddr(ctx: KernelCtx, ns: NsId, dev: string, cidr: string): void {
  const [a, p] = cidr.split('/');
  const d = devByName(ctx.k, ns, dev);
  if (!d) throw new Error(`no ${dev}`);
  const local = ip(a as string);
  const len = Number(p);
  must(inetAddAddr(ctx, d.id, { local, prefixLen: len, broadcast: (local | (0xffffffff >>> len)) >>> 0 }));
}

export function addDefault(ctx: KernelCtx, ns: NsId, dev: string, gw: string): void {
  const d = devByName(ctx.k, ns, dev);
  if (!d) throw new Error(`no ${dev}`);
  must(
    fibInsert(
      ctx,
      ns,
      {
        table: RT_TABLE_MAIN,
        type: 'unicast',
        dst: 0,
        dstLen: 0,
        tos: 0,
        priority: 0,
        protocol: 'boot',
        scope: 'global',
        prefsrc: null,
        gateway: ip(gw),
        dev: d.id,
        onlink: false,
      },
      'add',
    ),
  );
}

export function up(ctx: KernelCtx, ns: NsId, dev: string): void {
  const d = devByName(ctx.k, ns, dev);
  if (!d) throw new Error(`no ${dev}`);
  openDevice(ctx, d.id);
}

/** A container on docker0: veth pair, host end enslaved, container end eth0 with 02:42:<ip> MAC. */
export function attach(
  ctx: KernelCtx,
  host: NsId,
  bridge: string,
  name: string,
  hostVeth: string,
  addr: string,
  gw: string,
): NsId {
  const c = createNetns(ctx, { label: name });
  up(ctx, c, 'lo');
  const pair = must(
    createVethPair(
      ctx,
      { ns: host, name: hostVeth, txqlen: 0 },
      { ns: host, name: `tmp-${name}`, txqlen: 0 },
    ),
  );
  const br = devByName(ctx.k, host, bridge);
  if (!br) throw new Error(`no ${bridge}`);
  must(brAddIf(ctx, br.id, pair.dev));
  openDevice(ctx, pair.dev);
  must(changeNetns(ctx, pair.peer, c));
  must(renameDevice(ctx, pair.peer, 'eth0'));
  const bytes = addr
    .split('/')[0]!
    .split('.')
    .map((x) => Number(x).toString(16).padStart(2, '0'));
  must(setMac(ctx, pair.peer, `02:42:${bytes.join(':')}`));
  addAddr(ctx, c, 'eth0', addr);
  openDevice(ctx, pair.peer);
  addDefault(ctx, c, 'eth0', gw);
  return c;
}

/** Host with docker0 (ip_forward on, no iptables rules), and c1, c2 on it. */
export function dockerBridge(seed = 1): Testbed {
  const { ctx, trace } = emptyCtx(seed);
  const host = createNetns(ctx, { label: 'host' });
  ctx.k.rootNs = host;
  up(ctx, host, 'lo');
  const br = must(createBridge(ctx, { ns: host, name: 'docker0', txqlen: 0, mac: '02:42:fd:43:ed:84' }));
  addAddr(ctx, host, 'docker0', '172.17.0.1/16');
  openDevice(ctx, br.id);
  xaGet(ctx.k.netns, host)!.sysctl['net.ipv4.ip_forward'] = 1;
  for (const d of xaValues(ctx.k.devices)) if (d.ns === host) d.conf.forwarding = 1;
  const c1 = attach(ctx, host, 'docker0', 'c1', 'veth1a2b3c4', '172.17.0.2/16', '172.17.0.1');
  const c2 = attach(ctx, host, 'docker0', 'c2', 'vethd4e5f60', '172.17.0.3/16', '172.17.0.1');
  return { ctx, trace, host, c1, c2 };
}
