/**
 * The packet path, hop by hop, on a hand-made Docker bridge (testbed.ts): the exact trace of a ping between
 * two containers and to the gateway, ARP failure with its ICMP error, no route, TTL expiry before FORWARD,
 * and a bridge loop that the event budget stops.
 */
import { describe, expect, it } from 'vitest';
import { formatIp4 } from '../lib';
import type { KernelCtx } from './context';
import { devByName } from './context';
import { createBridge } from './bridge/br_device';
import { brAddIf } from './bridge/br_if';
import { ipSendmsg, type Datagram } from './ipv4/ip_output';
import { openDevice } from './netdev/dev';
import { createVethPair } from './netdev/veth';
import { runUntil } from './sched';
import { timerFireUs } from './sched_queue';
import { sockDrain, sockOpen } from './sock';
import { addAddr, addDefault, dockerBridge, echoDatagram, emptyCtx, up, type Testbed } from './testbed';
import { createNetns } from './netns';
import type { NsId } from './types';
import { xaGet } from './xarray';

const echo = (dst: string, extra: Partial<Datagram> = {}): Datagram => echoDatagram(dst, 56, extra);

/** "kind ns: summary" for every event after `from`, link changes left out. */
function events(tb: { ctx: KernelCtx; trace: Testbed['trace'] }, from: number): string[] {
  return tb.trace
    .slice(from)
    .filter((e) => e.kind !== 'link_change')
    .map((e) => `${e.kind} ${xaGet(tb.ctx.k.netns, e.ns)?.label}: ${e.summary}`);
}

function ping(
  tb: Testbed,
  ns: NsId,
  dst: string,
  extra: Partial<Datagram> = {},
): { sock: number; from: number } {
  const from = tb.trace.length;
  const sock = sockOpen(tb.ctx, ns, { proto: 'icmp', program: 'ping', pid: 100, recverr: true });
  const r = ipSendmsg(tb.ctx, ns, echo(dst, extra));
  expect(r.ok).toBe(true);
  return { sock, from };
}

describe('packet path on one bridge', () => {
  it('c1 -> c2: ARP flooded, both MACs learned, reply forwarded, echo and echo reply bridged', () => {
    const tb = dockerBridge();
    const p = ping(tb, tb.c1, '172.17.0.3');
    runUntil(tb.ctx, 1_000_000);
    expect(events(tb, p.from)).toEqual([
      'fib_table_lookup c1: route output 172.17.0.3: table main: 172.17.0.0/16 dev eth0 src 172.17.0.2',
      'neigh_update c1: 172.17.0.3 dev eth0: NONE -> INCOMPLETE',
      'arp_send c1: ARP, Request who-has 172.17.0.3 tell 172.17.0.2 (for packet #55)',
      'net_dev_xmit c1: ARP, Request who-has 172.17.0.3 tell 172.17.0.2, length 28',
      'netif_receive_skb host: ARP, Request who-has 172.17.0.3 tell 172.17.0.2, length 28',
      'br_fdb_update host: docker0: learned 02:42:ac:11:00:02 on veth1a2b3c4 (ARP, Request who-has 172.17.0.3 tell 172.17.0.2, length 28)',
      'br_flood host: docker0: flood (broadcast) to vethd4e5f60: ARP, Request who-has 172.17.0.3 tell 172.17.0.2, length 28',
      'net_dev_xmit host: ARP, Request who-has 172.17.0.3 tell 172.17.0.2, length 28',
      'br_local host: docker0: up to the host (from veth1a2b3c4): ARP, Request who-has 172.17.0.3 tell 172.17.0.2, length 28',
      'netif_receive_skb host: ARP, Request who-has 172.17.0.3 tell 172.17.0.2, length 28',
      'fib_table_lookup host: route input 172.17.0.3: table main: 172.17.0.0/16 dev docker0 src 172.17.0.1',
      'consume_skb host: ARP, Request who-has 172.17.0.3 tell 172.17.0.2, length 28',
      'netif_receive_skb c2: ARP, Request who-has 172.17.0.3 tell 172.17.0.2, length 28',
      'fib_table_lookup c2: route input 172.17.0.3: table local: local 172.17.0.3 dev eth0 src 172.17.0.3',
      'neigh_update c2: 172.17.0.2 dev eth0 lladdr 02:42:ac:11:00:02: NONE -> STALE',
      'arp_send c2: ARP, Reply 172.17.0.3 is-at 02:42:ac:11:00:03 to 172.17.0.2',
      'net_dev_xmit c2: ARP, Reply 172.17.0.3 is-at 02:42:ac:11:00:03, length 28',
      'consume_skb c2: ARP, Request who-has 172.17.0.3 tell 172.17.0.2, length 28',
      'netif_receive_skb host: ARP, Reply 172.17.0.3 is-at 02:42:ac:11:00:03, length 28',
      'br_fdb_update host: docker0: learned 02:42:ac:11:00:03 on vethd4e5f60 (ARP, Reply 172.17.0.3 is-at 02:42:ac:11:00:03, length 28)',
      'br_forward host: docker0: 02:42:ac:11:00:02 is behind veth1a2b3c4: ARP, Reply 172.17.0.3 is-at 02:42:ac:11:00:03, length 28',
      'net_dev_xmit host: ARP, Reply 172.17.0.3 is-at 02:42:ac:11:00:03, length 28',
      'netif_receive_skb c1: ARP, Reply 172.17.0.3 is-at 02:42:ac:11:00:03, length 28',
      'neigh_update c1: 172.17.0.3 dev eth0 lladdr 02:42:ac:11:00:03: INCOMPLETE -> REACHABLE',
      'net_dev_xmit c1: IP 172.17.0.2 > 172.17.0.3: ICMP echo request, id 77, seq 1, length 64',
      'consume_skb c1: ARP, Reply 172.17.0.3 is-at 02:42:ac:11:00:03, length 28',
      'netif_receive_skb host: IP 172.17.0.2 > 172.17.0.3: ICMP echo request, id 77, seq 1, length 64',
      'br_forward host: docker0: 02:42:ac:11:00:03 is behind vethd4e5f60: IP 172.17.0.2 > 172.17.0.3: ICMP echo request, id 77, seq 1, length 64',
      'net_dev_xmit host: IP 172.17.0.2 > 172.17.0.3: ICMP echo request, id 77, seq 1, length 64',
      'netif_receive_skb c2: IP 172.17.0.2 > 172.17.0.3: ICMP echo request, id 77, seq 1, length 64',
      'fib_table_lookup c2: route input 172.17.0.3: table local: local 172.17.0.3 dev eth0 src 172.17.0.3',
      'ip_local_deliver c2: deliver locally on eth0: IP 172.17.0.2 > 172.17.0.3: ICMP echo request, id 77, seq 1, length 64',
      'fib_table_lookup c2: route output 172.17.0.2: table main: 172.17.0.0/16 dev eth0 src 172.17.0.3',
      'neigh_update c2: 172.17.0.2 dev eth0 lladdr 02:42:ac:11:00:02: STALE -> DELAY',
      'net_dev_xmit c2: IP 172.17.0.3 > 172.17.0.2: ICMP echo reply, id 77, seq 1, length 64',
      'consume_skb c2: IP 172.17.0.2 > 172.17.0.3: ICMP echo request, id 77, seq 1, length 64',
      'netif_receive_skb host: IP 172.17.0.3 > 172.17.0.2: ICMP echo reply, id 77, seq 1, length 64',
      'br_forward host: docker0: 02:42:ac:11:00:02 is behind veth1a2b3c4: IP 172.17.0.3 > 172.17.0.2: ICMP echo reply, id 77, seq 1, length 64',
      'net_dev_xmit host: IP 172.17.0.3 > 172.17.0.2: ICMP echo reply, id 77, seq 1, length 64',
      'netif_receive_skb c1: IP 172.17.0.3 > 172.17.0.2: ICMP echo reply, id 77, seq 1, length 64',
      'fib_table_lookup c1: route input 172.17.0.2: table local: local 172.17.0.2 dev eth0 src 172.17.0.2',
      'ip_local_deliver c1: deliver locally on eth0: IP 172.17.0.3 > 172.17.0.2: ICMP echo reply, id 77, seq 1, length 64',
      'sock_deliver c1: ICMP copy to ping[100] (icmp socket)',
      'consume_skb c1: IP 172.17.0.3 > 172.17.0.2: ICMP echo reply, id 77, seq 1, length 64',
    ]);
    const br = devByName(tb.ctx.k, tb.host, 'docker0');
    const learned =
      br?.kind === 'bridge'
        ? br.bridge.fdb
            .filter((e) => e.kind === 'learned')
            .map((e) => `${e.mac} ${xaGet(tb.ctx.k.devices, e.dev)?.name}`)
        : [];
    expect(learned).toEqual(['02:42:ac:11:00:02 veth1a2b3c4', '02:42:ac:11:00:03 vethd4e5f60']);
    expect(
      xaGet(tb.ctx.k.netns, tb.c1)?.neigh.map(
        (e) => `${formatIp4(e.ip)} ${e.lladdr} ${e.state} probes ${e.probes}`,
      ),
    ).toEqual(['172.17.0.3 02:42:ac:11:00:03 REACHABLE probes 4']);
    expect(xaGet(tb.ctx.k.netns, tb.c2)?.neigh.map((e) => `${formatIp4(e.ip)} ${e.state}`)).toEqual([
      '172.17.0.2 DELAY',
    ]);
    // The host only bridged: it learned no neighbour.
    expect(xaGet(tb.ctx.k.netns, tb.host)?.neigh).toEqual([]);
    const msgs = sockDrain(tb.ctx, tb.c1, p.sock);
    expect(
      msgs.map(
        (m) =>
          m.kind === 'icmp' && `${formatIp4(m.fromAddr)} type ${m.icmp.type} seq ${m.icmp.seq} ttl ${m.ttl}`,
      ),
    ).toEqual(['172.17.0.3 type 0 seq 1 ttl 64']);
  });

  it('c1 -> gateway: the bridge device answers ARP and the echo, its entry for c1 goes STALE then DELAY', () => {
    const tb = dockerBridge();
    const p = ping(tb, tb.c1, '172.17.0.1');
    runUntil(tb.ctx, 1_000_000);
    expect(events(tb, p.from)).toEqual([
      'fib_table_lookup c1: route output 172.17.0.1: table main: 172.17.0.0/16 dev eth0 src 172.17.0.2',
      'neigh_update c1: 172.17.0.1 dev eth0: NONE -> INCOMPLETE',
      'arp_send c1: ARP, Request who-has 172.17.0.1 tell 172.17.0.2 (for packet #55)',
      'net_dev_xmit c1: ARP, Request who-has 172.17.0.1 tell 172.17.0.2, length 28',
      'netif_receive_skb host: ARP, Request who-has 172.17.0.1 tell 172.17.0.2, length 28',
      'br_fdb_update host: docker0: learned 02:42:ac:11:00:02 on veth1a2b3c4 (ARP, Request who-has 172.17.0.1 tell 172.17.0.2, length 28)',
      'br_flood host: docker0: flood (broadcast) to vethd4e5f60: ARP, Request who-has 172.17.0.1 tell 172.17.0.2, length 28',
      'net_dev_xmit host: ARP, Request who-has 172.17.0.1 tell 172.17.0.2, length 28',
      'br_local host: docker0: up to the host (from veth1a2b3c4): ARP, Request who-has 172.17.0.1 tell 172.17.0.2, length 28',
      'netif_receive_skb host: ARP, Request who-has 172.17.0.1 tell 172.17.0.2, length 28',
      'fib_table_lookup host: route input 172.17.0.1: table local: local 172.17.0.1 dev docker0 src 172.17.0.1',
      'neigh_update host: 172.17.0.2 dev docker0 lladdr 02:42:ac:11:00:02: NONE -> STALE',
      'arp_send host: ARP, Reply 172.17.0.1 is-at 02:42:fd:43:ed:84 to 172.17.0.2',
      'net_dev_xmit host: ARP, Reply 172.17.0.1 is-at 02:42:fd:43:ed:84, length 28',
      'br_forward host: docker0: 02:42:ac:11:00:02 is behind veth1a2b3c4: ARP, Reply 172.17.0.1 is-at 02:42:fd:43:ed:84, length 28',
      'net_dev_xmit host: ARP, Reply 172.17.0.1 is-at 02:42:fd:43:ed:84, length 28',
      'consume_skb host: ARP, Request who-has 172.17.0.1 tell 172.17.0.2, length 28',
      'netif_receive_skb c2: ARP, Request who-has 172.17.0.1 tell 172.17.0.2, length 28',
      'fib_table_lookup c2: route input 172.17.0.1: table main: 172.17.0.0/16 dev eth0 src 172.17.0.3',
      'consume_skb c2: ARP, Request who-has 172.17.0.1 tell 172.17.0.2, length 28',
      'netif_receive_skb c1: ARP, Reply 172.17.0.1 is-at 02:42:fd:43:ed:84, length 28',
      'neigh_update c1: 172.17.0.1 dev eth0 lladdr 02:42:fd:43:ed:84: INCOMPLETE -> REACHABLE',
      'net_dev_xmit c1: IP 172.17.0.2 > 172.17.0.1: ICMP echo request, id 77, seq 1, length 64',
      'consume_skb c1: ARP, Reply 172.17.0.1 is-at 02:42:fd:43:ed:84, length 28',
      'netif_receive_skb host: IP 172.17.0.2 > 172.17.0.1: ICMP echo request, id 77, seq 1, length 64',
      'br_local host: docker0: up to the host (from veth1a2b3c4): IP 172.17.0.2 > 172.17.0.1: ICMP echo request, id 77, seq 1, length 64',
      'netif_receive_skb host: IP 172.17.0.2 > 172.17.0.1: ICMP echo request, id 77, seq 1, length 64',
      'fib_table_lookup host: route input 172.17.0.1: table local: local 172.17.0.1 dev docker0 src 172.17.0.1',
      'ip_local_deliver host: deliver locally on docker0: IP 172.17.0.2 > 172.17.0.1: ICMP echo request, id 77, seq 1, length 64',
      'fib_table_lookup host: route output 172.17.0.2: table main: 172.17.0.0/16 dev docker0 src 172.17.0.1',
      'neigh_update host: 172.17.0.2 dev docker0 lladdr 02:42:ac:11:00:02: STALE -> DELAY',
      'net_dev_xmit host: IP 172.17.0.1 > 172.17.0.2: ICMP echo reply, id 77, seq 1, length 64',
      'br_forward host: docker0: 02:42:ac:11:00:02 is behind veth1a2b3c4: IP 172.17.0.1 > 172.17.0.2: ICMP echo reply, id 77, seq 1, length 64',
      'net_dev_xmit host: IP 172.17.0.1 > 172.17.0.2: ICMP echo reply, id 77, seq 1, length 64',
      'consume_skb host: IP 172.17.0.2 > 172.17.0.1: ICMP echo request, id 77, seq 1, length 64',
      'netif_receive_skb c1: IP 172.17.0.1 > 172.17.0.2: ICMP echo reply, id 77, seq 1, length 64',
      'fib_table_lookup c1: route input 172.17.0.2: table local: local 172.17.0.2 dev eth0 src 172.17.0.2',
      'ip_local_deliver c1: deliver locally on eth0: IP 172.17.0.1 > 172.17.0.2: ICMP echo reply, id 77, seq 1, length 64',
      'sock_deliver c1: ICMP copy to ping[100] (icmp socket)',
      'consume_skb c1: IP 172.17.0.1 > 172.17.0.2: ICMP echo reply, id 77, seq 1, length 64',
    ]);
  });
});

/** The host's uplink: eth0 10.0.12.13/22, a veth whose other end stays in the host (nothing answers). */
function uplink(tb: Testbed): Testbed {
  const pair = createVethPair(tb.ctx, { ns: tb.host, name: 'eth0' }, { ns: tb.host, name: 'wire' });
  if (!pair.ok) throw new Error('veth');
  openDevice(tb.ctx, pair.value.dev);
  openDevice(tb.ctx, pair.value.peer);
  addAddr(tb.ctx, tb.host, 'eth0', '10.0.12.13/22');
  return tb;
}

describe('when nothing answers', () => {
  it('unknown host: 3 broadcast probes 1.024 s apart, FAILED with probes 6, host unreachable to the sender', () => {
    const tb = dockerBridge();
    const p = ping(tb, tb.c1, '172.17.0.99');
    runUntil(tb.ctx, 10_000_000);
    const probes = tb.trace.slice(p.from).filter((e) => e.kind === 'arp_send' && e.ns === tb.c1);
    expect(probes.map((e) => e.atUs)).toEqual([0, 1_024_000, 2_048_000]);
    const e = xaGet(tb.ctx.k.netns, tb.c1)?.neigh[0];
    expect(e && `${formatIp4(e.ip)} ${e.state} probes ${e.probes}`).toBe('172.17.0.99 FAILED probes 6');
    const ev = events(tb, p.from);
    expect(ev).toContain('neigh_update c1: 172.17.0.99 dev eth0: INCOMPLETE -> FAILED');
    expect(ev).toContain(
      'kfree_skb c1: IP 172.17.0.2 > 172.17.0.99: ICMP echo request, id 77, seq 1, length 64',
    );
    expect(ev).toContain(
      'icmp_send c1: IP 172.17.0.2 > 172.17.0.2: ICMP host 172.17.0.99 unreachable, length 92 (about #55)',
    );
    const drop = tb.trace.find((x) => x.kind === 'kfree_skb' && x.ns === tb.c1);
    expect(drop?.kind === 'kfree_skb' && drop.reason).toBe('NEIGH_FAILED');
    const errs = sockDrain(tb.ctx, tb.c1, p.sock).filter((m) => m.kind === 'error');
    expect(
      errs.map(
        (m) => m.kind === 'error' && `${formatIp4(m.fromAddr)} ${m.icmpType}/${m.icmpCode} at ${m.atUs}`,
      ),
    ).toEqual([`172.17.0.2 3/1 at ${errs[0]?.atUs}`]);
    expect(errs[0]?.atUs).toBeGreaterThan(3_072_000);
  });

  it('no route: sendmsg fails with ENETUNREACH and nothing leaves', () => {
    const { ctx, trace } = emptyCtx();
    const ns = createNetns(ctx, { label: 'none' });
    up(ctx, ns, 'lo');
    const r = ipSendmsg(ctx, ns, echo('172.17.0.2'));
    expect(r.ok ? 'sent' : r.error.errno).toBe('ENETUNREACH');
    expect(trace.filter((e) => e.kind === 'net_dev_xmit')).toEqual([]);
    expect(events({ ctx, trace }, 0).filter((e) => e.startsWith('fib'))).toEqual([
      'fib_table_lookup none: route output 172.17.0.2: no route',
    ]);
  });

  it('TTL 1 through the gateway: time exceeded from 172.17.0.1 before the FORWARD hook, dropped with IP_TTL_EXCEEDED', () => {
    const tb = uplink(dockerBridge());
    const p = ping(tb, tb.c1, '10.0.12.1', { ttl: 1 });
    runUntil(tb.ctx, 1_000_000);
    const ev = events(tb, p.from);
    const i = ev.findIndex((e) =>
      e.startsWith('icmp_send host: IP 172.17.0.1 > 172.17.0.2: ICMP time exceeded in-transit, length 92'),
    );
    expect(i).toBeGreaterThan(0);
    expect(
      ev.indexOf('kfree_skb host: IP 172.17.0.2 > 10.0.12.1: ICMP echo request, id 77, seq 1, length 64'),
    ).toBeGreaterThan(i);
    expect(ev.some((e) => e.startsWith('ip_forward'))).toBe(false);
    const drop = tb.trace.find((e) => e.kind === 'kfree_skb' && e.ns === tb.host);
    expect(drop?.kind === 'kfree_skb' && drop.reason).toBe('IP_TTL_EXCEEDED');
    const errs = sockDrain(tb.ctx, tb.c1, p.sock).filter((m) => m.kind === 'error');
    expect(
      errs.map((m) => m.kind === 'error' && `${formatIp4(m.fromAddr)} ${m.icmpType}/${m.icmpCode}`),
    ).toEqual(['172.17.0.1 11/0']);
  });

  it('the per-peer ICMP rate limit lets a burst of 6 errors through, then one per second', () => {
    const tb = uplink(dockerBridge());
    let sent = 0;
    for (let i = 0; i < 10; i++) {
      const from = tb.trace.length;
      ipSendmsg(
        tb.ctx,
        tb.c1,
        echo('10.0.12.1', { ttl: 1, l4: { proto: 1, type: 8, code: 0, id: 77, seq: i + 1, inner: null } }),
      );
      runUntil(tb.ctx, tb.ctx.clock.nowUs + 50_000);
      sent += tb.trace
        .slice(from)
        .filter(
          (e) => e.kind === 'icmp_send' && e.ns === tb.host && !e.summary.includes('suppressed'),
        ).length;
    }
    expect(sent).toBe(6);
  });
});

describe('loops', () => {
  it('a broadcast in a bridge loop circulates until the event budget stops it', () => {
    const { ctx, trace } = emptyCtx();
    ctx.budget.events = 500;
    const ns = createNetns(ctx, { label: 'loop' });
    const brs = ['br0', 'br1'].map((name) => {
      const r = createBridge(ctx, { ns, name });
      if (!r.ok) throw new Error('bridge');
      openDevice(ctx, r.value.id);
      return r.value.id;
    });
    for (const [a, b] of [
      ['a0', 'b0'],
      ['a1', 'b1'],
    ] as const) {
      const pair = createVethPair(ctx, { ns, name: a }, { ns, name: b });
      if (!pair.ok) throw new Error('veth');
      brAddIf(ctx, brs[0] as string, pair.value.dev);
      brAddIf(ctx, brs[1] as string, pair.value.peer);
      openDevice(ctx, pair.value.dev);
      openDevice(ctx, pair.value.peer);
    }
    addAddr(ctx, ns, 'br0', '192.168.7.1/24');
    addDefault(ctx, ns, 'br0', '192.168.7.254');
    up(ctx, ns, 'lo');
    ipSendmsg(ctx, ns, echo('192.168.7.2'));
    runUntil(ctx, 60_000_000);
    const stop = trace.filter((e) => e.kind === 'budget_exhausted');
    expect(stop.length).toBe(1);
    expect(ctx.k.queue.filter((e) => e.kind === 'rx')).toEqual([]);
    expect(trace.filter((e) => e.kind === 'br_flood').length).toBeGreaterThan(100);
  });
});

describe('timer wheel', () => {
  it('rounds a one-second timer up to the wheel granularity, never early', () => {
    expect(timerFireUs(0, 250)).toBe(1_024_000);
    expect(timerFireUs(1_024_000, 250)).toBe(2_048_000);
    expect(timerFireUs(3_000, 250)).toBe(1_024_000);
    expect(timerFireUs(28_000, 250)).toBe(1_056_000);
    expect(timerFireUs(0, 10)).toBe(44_000);
  });
});
