import { describe, expect, it } from 'vitest';
import type { KernelCtx } from '../context';
import { devByName } from '../context';
import { createVethPair } from '../netdev/veth';
import { createNetns } from '../netns';
import { addAddr, addDefault, emptyCtx, ip, ruleSpec, up } from '../testbed';
import type { TraceEvent } from '../trace';
import type { NfMatch, NfRule, NsId, Packet } from '../types';
import { nfHook } from './hooks';
import { ctLive, nfCtAttach } from './nf_conntrack';
import { nfAppendRule, nfNewChain, nfSetPolicy } from './tables';
import { xaGet } from '../xarray';

/** host: eth0 10.0.12.13/22 to the LAN gateway (10.0.12.1, default route), docker0 172.17.0.1/16 to c1. */
function world(): { ctx: KernelCtx; host: NsId; lan: NsId; c1: NsId; events: TraceEvent[] } {
  const { ctx, trace: events } = emptyCtx(7);
  ctx.clock.nowUs = 1_000_000;
  const host = createNetns(ctx, { label: 'host' });
  const lan = createNetns(ctx, { label: 'lan' });
  const c1 = createNetns(ctx, { label: 'c1' });
  ctx.k.rootNs = host;
  const link = (a: NsId, an: string, b: NsId, bn: string, aAddr: string, bAddr: string): void => {
    if (!createVethPair(ctx, { ns: a, name: an }, { ns: b, name: bn }).ok) throw new Error('veth');
    addAddr(ctx, a, an, aAddr);
    addAddr(ctx, b, bn, bAddr);
    up(ctx, a, an);
    up(ctx, b, bn);
  };
  link(host, 'eth0', lan, 'eth0', '10.0.12.13/22', '10.0.12.1/22');
  link(host, 'docker0', c1, 'eth0', '172.17.0.1/16', '172.17.0.2/16');
  addDefault(ctx, host, 'eth0', '10.0.12.1');
  return { ctx, host, lan, c1, events };
}

const rule = ruleSpec;

const iface = (name: string, invert = false) => ({ name, invert });

let nextId = 1000;
function tcp(src: string, sport: number, dst: string, dport: number, flags: string): Packet {
  return {
    id: nextId++,
    eth: null,
    arp: null,
    ip: { src: ip(src), dst: ip(dst), ttl: 64, proto: 6, id: 1, tos: 0, len: 60 },
    l4: { proto: 6, sport, dport, flags, seq: 1, ack: 0 },
    payload: { kind: 'none' },
    ct: null,
    mark: 0,
    brnf: false,
  };
}

function icmp(src: string, dst: string, type: number, id: number): Packet {
  return {
    id: nextId++,
    eth: null,
    arp: null,
    ip: { src: ip(src), dst: ip(dst), ttl: 64, proto: 1, id: 1, tos: 0, len: 84 },
    l4: { proto: 1, type, code: 0, id, seq: 1, inner: null },
    payload: { kind: 'none' },
    ct: null,
    mark: 0,
    brnf: false,
  };
}

const dev = (w: ReturnType<typeof world>, ns: NsId, name: string): string =>
  devByName(w.ctx.k, ns, name)?.id ?? '';

/** The packet path of a forwarded packet through one namespace: PREROUTING, FORWARD, POSTROUTING. */
function forward(w: ReturnType<typeof world>, pkt: Packet, inName: string, outName: string): string {
  const i = dev(w, w.host, inName);
  const o = dev(w, w.host, outName);
  for (const [hook, a, b] of [
    ['PREROUTING', i, null],
    ['FORWARD', i, o],
    ['POSTROUTING', null, o],
  ] as const)
    if (nfHook(w.ctx, w.host, hook, pkt, a, b) === 'DROP') return `DROP at ${hook}`;
  return 'ACCEPT';
}

const DNAT_RULE = rule({
  inIface: iface('docker0', true),
  proto: 6,
  matches: [{ kind: 'tcp', sport: null, dport: { from: 8080, to: 8080, invert: false }, flags: null }],
  target: {
    kind: 'DNAT',
    to: { addrFrom: ip('172.17.0.2'), addrTo: ip('172.17.0.2'), portFrom: 80, portTo: 80 },
    random: false,
    persistent: false,
  },
});
const MASQ_RULE = rule({
  src: { addr: ip('172.17.0.0'), prefixLen: 16, invert: false },
  outIface: iface('docker0', true),
  target: { kind: 'MASQUERADE', toPorts: null, random: false },
});
const ctstate: NfMatch = { kind: 'conntrack', ctstate: ['RELATED', 'ESTABLISHED'], invert: false };

describe('nfHook: DNAT and the reply', () => {
  it('rewrites the first packet, then every packet of the connection in both directions', () => {
    const w = world();
    nfAppendRule(w.ctx, w.host, 'nat', 'PREROUTING', DNAT_RULE);
    const syn = tcp('10.0.12.1', 40000, '10.0.12.13', 8080, 'S');
    expect(forward(w, syn, 'eth0', 'docker0')).toBe('ACCEPT');
    expect(syn.ip).toMatchObject({ src: ip('10.0.12.1'), dst: ip('172.17.0.2') });
    expect(syn.l4).toMatchObject({ sport: 40000, dport: 80 });
    const nat = w.events.find((e) => e.kind === 'nat');
    expect(nat).toMatchObject({
      type: 'DNAT',
      before: '10.0.12.1:40000 > 10.0.12.13:8080',
      after: '10.0.12.1:40000 > 172.17.0.2:80',
    });

    const synack = tcp('172.17.0.2', 80, '10.0.12.1', 40000, 'S.');
    expect(forward(w, synack, 'docker0', 'eth0')).toBe('ACCEPT');
    expect(synack.ip).toMatchObject({ src: ip('10.0.12.13'), dst: ip('10.0.12.1') });
    expect(synack.l4).toMatchObject({ sport: 8080, dport: 40000 });
    expect(synack.ct).toMatchObject({ dir: 'reply', info: 'established' });

    const ack = tcp('10.0.12.1', 40000, '10.0.12.13', 8080, '.');
    forward(w, ack, 'eth0', 'docker0');
    expect(ack.ip?.dst).toBe(ip('172.17.0.2'));
    // The nat table saw only the first packet.
    const n = xaGet(w.ctx.k.netns, w.host);
    const pre = n?.netfilter.tables.nat?.chains.find((c) => c.name === 'PREROUTING');
    expect(pre?.rules[0]?.counters).toEqual({ pkts: 1, bytes: 60 });
    const [e] = ctLive(n!, w.ctx.clock.nowUs);
    expect(e).toMatchObject({ tcpState: 'ESTABLISHED', assured: true, dstNat: true, seenReply: true });
    expect(e?.reply).toEqual({ src: ip('172.17.0.2'), dst: ip('10.0.12.1'), sport: 80, dport: 40000 });
  });
});

describe('nfHook: MASQUERADE', () => {
  it('uses the out device address, counts only the first packet, and de-NATs the echo reply', () => {
    const w = world();
    nfAppendRule(w.ctx, w.host, 'nat', 'POSTROUTING', MASQ_RULE);
    for (let seq = 0; seq < 2; seq++) {
      const req = icmp('172.17.0.2', '10.0.12.1', 8, 77);
      expect(forward(w, req, 'docker0', 'eth0')).toBe('ACCEPT');
      expect(req.ip?.src).toBe(ip('10.0.12.13'));
      const rep = icmp('10.0.12.1', '10.0.12.13', 0, 77);
      expect(forward(w, rep, 'eth0', 'docker0')).toBe('ACCEPT');
      expect(rep.ip?.dst).toBe(ip('172.17.0.2'));
    }
    const post = xaGet(w.ctx.k.netns, w.host)?.netfilter.tables.nat?.chains.find(
      (c) => c.name === 'POSTROUTING',
    );
    expect(post?.rules[0]?.counters).toEqual({ pkts: 1, bytes: 84 });
    const live = ctLive(xaGet(w.ctx.k.netns, w.host)!, w.ctx.clock.nowUs);
    expect(live).toHaveLength(1);
    expect(live[0]).toMatchObject({ proto: 1, srcNat: true, seenReply: true, assured: false });
  });

  it('translates an ICMP error back to the client, outer and quoted headers (RELATED)', () => {
    const w = world();
    nfAppendRule(w.ctx, w.host, 'nat', 'POSTROUTING', MASQ_RULE);
    nfSetPolicy(w.ctx, w.host, 'filter', 'FORWARD', 'DROP');
    nfAppendRule(
      w.ctx,
      w.host,
      'filter',
      'FORWARD',
      rule({ inIface: iface('docker0'), target: { kind: 'ACCEPT' } }),
    );
    nfAppendRule(
      w.ctx,
      w.host,
      'filter',
      'FORWARD',
      rule({ matches: [ctstate], target: { kind: 'ACCEPT' } }),
    );
    const probe: Packet = {
      ...tcp('172.17.0.2', 39868, '10.0.12.1', 33436, 'S'),
      l4: { proto: 17, sport: 39868, dport: 33436 },
    };
    probe.ip!.proto = 17;
    expect(forward(w, probe, 'docker0', 'eth0')).toBe('ACCEPT');
    expect(probe.ip?.src).toBe(ip('10.0.12.13'));
    const err = icmp('10.0.12.1', '10.0.12.13', 3, 0);
    err.l4 = {
      proto: 1,
      type: 3,
      code: 3,
      id: 0,
      seq: 0,
      inner: { ...probe.ip! },
      innerL4: { sport: 39868, dport: 33436 },
    };
    expect(forward(w, err, 'eth0', 'docker0')).toBe('ACCEPT');
    expect(err.ct?.info).toBe('related');
    expect(err.ip).toMatchObject({ src: ip('10.0.12.1'), dst: ip('172.17.0.2') });
    const l4 = err.l4 as { inner: { src: number } };
    expect(l4.inner.src).toBe(ip('172.17.0.2'));
    // The UDP flow itself never saw a reply.
    const e = ctLive(xaGet(w.ctx.k.netns, w.host)!, w.ctx.clock.nowUs).find((x) => x.proto === 17);
    expect(e?.seenReply).toBe(false);
  });
});

describe('nfHook: filter traversal', () => {
  it('drops by the isolation rule and names it in the trace', () => {
    const w = world();
    const { ctx, host } = w;
    for (const c of ['DOCKER-ISOLATION-STAGE-1', 'DOCKER-ISOLATION-STAGE-2'])
      nfNewChain(ctx, host, 'filter', c);
    nfAppendRule(
      ctx,
      host,
      'filter',
      'FORWARD',
      rule({ target: { kind: 'jump', chain: 'DOCKER-ISOLATION-STAGE-1' } }),
    );
    nfAppendRule(
      ctx,
      host,
      'filter',
      'DOCKER-ISOLATION-STAGE-1',
      rule({
        inIface: iface('eth0'),
        outIface: iface('eth0', true),
        target: { kind: 'jump', chain: 'DOCKER-ISOLATION-STAGE-2' },
      }),
    );
    nfAppendRule(ctx, host, 'filter', 'DOCKER-ISOLATION-STAGE-1', rule({ target: { kind: 'RETURN' } }));
    nfAppendRule(
      ctx,
      host,
      'filter',
      'DOCKER-ISOLATION-STAGE-2',
      rule({ outIface: iface('docker0'), target: { kind: 'DROP' } }),
    );
    nfAppendRule(ctx, host, 'filter', 'DOCKER-ISOLATION-STAGE-2', rule({ target: { kind: 'RETURN' } }));
    const p = icmp('10.0.12.1', '172.17.0.2', 8, 5);
    expect(forward(w, p, 'eth0', 'docker0')).toBe('DROP at FORWARD');
    const ev = w.events.filter((e) => e.kind === 'nf_hook').pop();
    expect(ev).toMatchObject({
      hook: 'FORWARD',
      table: 'filter',
      chain: 'DOCKER-ISOLATION-STAGE-2',
      rule: 1,
      ruleText: '-A DOCKER-ISOLATION-STAGE-2 -o docker0 -j DROP',
      verdict: 'DROP',
      // nf_hook_state's devices: the graph points at the interfaces the rule saw.
      inDev: dev(w, host, 'eth0'),
      outDev: dev(w, host, 'docker0'),
    });
    // The other way RETURNs twice and falls to the (uncounted) ACCEPT policy.
    const back = icmp('172.17.0.2', '10.0.12.1', 8, 6);
    expect(forward(w, back, 'docker0', 'eth0')).toBe('ACCEPT');
    const fwd = xaGet(ctx.k.netns, host)?.netfilter.tables.filter?.chains.find((c) => c.name === 'FORWARD');
    expect(fwd?.rules[0]?.counters).toEqual({ pkts: 2, bytes: 168 });
    expect(fwd?.counters).toEqual({ pkts: 0, bytes: 0 });
  });

  it('goes to a chain without coming back to it (-g), and returns from the end of a jumped-to chain', () => {
    const w = world();
    const { ctx, host } = w;
    for (const c of ['A', 'B']) nfNewChain(ctx, host, 'filter', c);
    nfAppendRule(ctx, host, 'filter', 'FORWARD', rule({ target: { kind: 'jump', chain: 'A' } }));
    nfAppendRule(
      ctx,
      host,
      'filter',
      'FORWARD',
      rule({ outIface: iface('docker0'), target: { kind: 'DROP' } }),
    );
    // A goes to B; B's end returns past A's caller's jump (ipt_do_table pops the jump stack, not A).
    nfAppendRule(ctx, host, 'filter', 'A', rule({ target: { kind: 'goto', chain: 'B' } }));
    nfAppendRule(ctx, host, 'filter', 'A', rule({ target: { kind: 'ACCEPT' } }));
    nfAppendRule(ctx, host, 'filter', 'B', rule({ outIface: iface('eth0'), target: { kind: 'ACCEPT' } }));
    expect(forward(w, icmp('10.0.12.1', '172.17.0.2', 8, 7), 'eth0', 'docker0')).toBe('DROP at FORWARD');
    const last = w.events.filter((e) => e.kind === 'nf_hook').pop();
    expect(last).toMatchObject({ chain: 'FORWARD', rule: 2, ruleText: '-A FORWARD -o docker0 -j DROP' });
    expect(forward(w, icmp('172.17.0.2', '10.0.12.1', 8, 8), 'docker0', 'eth0')).toBe('ACCEPT');
    expect(w.events.filter((e) => e.kind === 'nf_hook').pop()).toMatchObject({ chain: 'B', rule: 1 });
    const chains = xaGet(ctx.k.netns, host)?.netfilter.tables.filter?.chains ?? [];
    const count = (name: string) => chains.find((c) => c.name === name)?.rules.map((r) => r.counters.pkts);
    expect([count('FORWARD'), count('A'), count('B')]).toEqual([[2, 1], [2, 0], [1]]);
  });

  it('counts policy packets once -P gave the chain counters, and tracks nothing without rules that need it', () => {
    const w = world();
    nfSetPolicy(w.ctx, w.host, 'filter', 'FORWARD', 'DROP');
    expect(forward(w, icmp('10.0.12.1', '172.17.0.2', 8, 9), 'eth0', 'docker0')).toBe('DROP at FORWARD');
    const fwd = xaGet(w.ctx.k.netns, w.host)?.netfilter.tables.filter?.chains.find(
      (c) => c.name === 'FORWARD',
    );
    expect(fwd?.counters).toEqual({ pkts: 1, bytes: 84 });
    expect(xaGet(w.ctx.k.netns, w.host)?.conntrack).toEqual([]);
  });
});

describe('conntrack timeouts', () => {
  it('forgets an ICMP flow 30 s after its last packet', () => {
    const w = world();
    nfAppendRule(
      w.ctx,
      w.host,
      'filter',
      'FORWARD',
      rule({ matches: [ctstate], target: { kind: 'ACCEPT' } }),
    );
    forward(w, icmp('172.17.0.2', '10.0.12.1', 8, 3), 'docker0', 'eth0');
    const n = xaGet(w.ctx.k.netns, w.host)!;
    w.ctx.clock.nowUs += 29_000_000;
    expect(ctLive(n, w.ctx.clock.nowUs)).toHaveLength(1);
    w.ctx.clock.nowUs += 1_000_000;
    expect(ctLive(n, w.ctx.clock.nowUs)).toHaveLength(0);
  });

  it('an unreplied new connection is NEW, an echo reply without request INVALID', () => {
    const w = world();
    const seen: string[] = [];
    for (const s of ['NEW', 'INVALID'])
      nfAppendRule(
        w.ctx,
        w.host,
        'filter',
        'FORWARD',
        rule({ matches: [{ kind: 'conntrack', ctstate: [s], invert: false }], target: { kind: 'none' } }),
      );
    forward(w, icmp('172.17.0.2', '10.0.12.1', 8, 3), 'docker0', 'eth0');
    forward(w, icmp('10.0.12.1', '172.17.0.2', 0, 99), 'eth0', 'docker0');
    const rules = xaGet(w.ctx.k.netns, w.host)?.netfilter.tables.filter?.chains.find(
      (c) => c.name === 'FORWARD',
    )?.rules as NfRule[];
    for (const r of rules) seen.push(`${r.counters.pkts}`);
    expect(seen).toEqual(['1', '1']);
  });
});

describe('nf_ct_attach: an error the NAT box itself generates', () => {
  it('undoes the DNAT in the quoted header and the outer source on the way out', () => {
    const w = world();
    nfAppendRule(w.ctx, w.host, 'nat', 'PREROUTING', DNAT_RULE);
    const syn = tcp('10.0.12.1', 40000, '10.0.12.13', 8080, 'S');
    const eth0 = dev(w, w.host, 'eth0');
    expect(nfHook(w.ctx, w.host, 'PREROUTING', syn, eth0, null)).toBe('ACCEPT');
    // Say the forward fails (TTL): icmp_send answers from the host, attached to the unconfirmed flow.
    const err = icmp('10.0.12.13', '10.0.12.1', 11, 0);
    err.l4 = {
      proto: 1,
      type: 11,
      code: 0,
      id: 0,
      seq: 0,
      inner: { ...syn.ip! },
      innerL4: { sport: 40000, dport: 80 },
    };
    err.ip!.src = ip('10.0.12.13');
    nfCtAttach(err, syn);
    expect(err.ct).toMatchObject({ dir: 'reply', info: 'related' });
    expect(nfHook(w.ctx, w.host, 'OUTPUT', err, null, eth0)).toBe('ACCEPT');
    expect(nfHook(w.ctx, w.host, 'POSTROUTING', err, null, eth0)).toBe('ACCEPT');
    const inner = err.l4 as { inner: { dst: number }; innerL4: { dport: number } };
    expect(inner.inner.dst).toBe(ip('10.0.12.13'));
    expect(inner.innerL4.dport).toBe(8080);
    // The error did not confirm the connection it is about.
    expect(ctLive(xaGet(w.ctx.k.netns, w.host)!, w.ctx.clock.nowUs)).toHaveLength(0);
  });
});

describe('nfHook: REDIRECT', () => {
  it('sends a received packet to the incoming device address, a local one to 127.0.0.1', () => {
    const w = world();
    const redirect = rule({
      proto: 6,
      matches: [{ kind: 'tcp', sport: null, dport: { from: 80, to: 80, invert: false }, flags: null }],
      target: { kind: 'REDIRECT', toPorts: { from: 3128, to: 3128 }, random: false },
    });
    nfAppendRule(w.ctx, w.host, 'nat', 'PREROUTING', redirect);
    nfAppendRule(w.ctx, w.host, 'nat', 'OUTPUT', redirect);
    const fromC1 = tcp('172.17.0.2', 41000, '93.184.215.14', 80, 'S');
    nfHook(w.ctx, w.host, 'PREROUTING', fromC1, dev(w, w.host, 'docker0'), null);
    expect(fromC1.ip?.dst).toBe(ip('172.17.0.1'));
    expect(fromC1.l4).toMatchObject({ dport: 3128 });
    const local = tcp('10.0.12.13', 41001, '93.184.215.14', 80, 'S');
    nfHook(w.ctx, w.host, 'OUTPUT', local, null, dev(w, w.host, 'eth0'));
    expect(local.ip?.dst).toBe(ip('127.0.0.1'));
  });
});
