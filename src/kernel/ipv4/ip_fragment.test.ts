/**
 * Fragmentation and reassembly on the packet path, checked against Linux 6.18 captures (tcpdump 4.99.3 -n
 * and -v in throwaway namespaces): what a tap on a device sees (the net_dev_xmit / netif_receive_skb
 * tracepoints carry tcpdump -n's summary), the fragments' lengths, offsets and MF flags, one IP id per
 * datagram, and the ICMP "fragmentation needed" of a router whose next hop has a smaller MTU.
 */
import { describe, expect, it } from 'vitest';
import type { KernelCtx } from '../context';
import { devByName } from '../context';
import { openDevice, setMtu } from '../netdev/dev';
import { createVethPair } from '../netdev/veth';
import { createNetns } from '../netns';
import { runUntil } from '../sched';
import { sockDrain, sockOpen } from '../sock';
import {
  addAddr,
  addDefault,
  dockerBridge,
  echoDatagram as echo,
  emptyCtx,
  ip,
  ruleSpec,
  up,
} from '../testbed';
import type { TraceEvent } from '../trace';
import type { NsId, SocketMessage } from '../types';
import { nfAppendRule } from '../netfilter/tables';
import { xaGet } from '../xarray';
import { ipSendmsg, type Datagram } from './ip_output';

/** What `tcpdump -n -i DEV` in `ns` prints (without timestamps), from the trace. */
function tap(ctx: KernelCtx, trace: TraceEvent[], ns: NsId, dev: string, from = 0): string[] {
  const d = devByName(ctx.k, ns, dev);
  return trace
    .slice(from)
    .filter((e) => (e.kind === 'net_dev_xmit' || e.kind === 'netif_receive_skb') && e.dev === d?.id)
    .map((e) => e.summary);
}

/** What `tcpdump -v` adds for IP: "length L, offset O, flags [+]" per frame, and the id. */
function verbose(ctx: KernelCtx, trace: TraceEvent[], ns: NsId, dev: string): string[] {
  const d = devByName(ctx.k, ns, dev);
  const out: string[] = [];
  for (const e of trace) {
    if ((e.kind !== 'net_dev_xmit' && e.kind !== 'netif_receive_skb') || e.dev !== d?.id) continue;
    const h = e.skb.ip;
    if (!h) continue;
    const flags = h.mf ? '+' : h.df ? 'DF' : 'none';
    out.push(`id ${h.id}, offset ${h.fragOff ?? 0}, flags [${flags}], length ${h.len}`);
  }
  return out;
}

function ping(ctx: KernelCtx, ns: NsId, dst: string, size: number, extra: Partial<Datagram> = {}) {
  const sock = sockOpen(ctx, ns, { proto: 'icmp', program: 'ping', pid: 100, recverr: true });
  const r = ipSendmsg(ctx, ns, echo(dst, size, { sock, ...extra }));
  runUntil(ctx, ctx.clock.nowUs + 1_000_000);
  return { r, msgs: sockDrain(ctx, ns, sock) };
}

describe('fragments between two containers on a bridge (MTU 1500)', () => {
  it('ping -s 3000: three fragments each way, reassembled; the reply is 3008 bytes of ICMP', () => {
    const tb = dockerBridge();
    const { msgs } = ping(tb.ctx, tb.c1, '172.17.0.3', 3000);
    const reply = msgs.find((m): m is Extract<SocketMessage, { kind: 'icmp' }> => m.kind === 'icmp');
    expect(reply?.icmp.type).toBe(0);
    expect(reply?.ipLen).toBe(3028);
    const ipLines = tap(tb.ctx, tb.trace, tb.c2, 'eth0').filter((l) => l.startsWith('IP '));
    expect(ipLines).toEqual([
      'IP 172.17.0.2 > 172.17.0.3: ICMP echo request, id 77, seq 1, length 1480',
      'IP 172.17.0.2 > 172.17.0.3: ip-proto-1',
      'IP 172.17.0.2 > 172.17.0.3: ip-proto-1',
      'IP 172.17.0.3 > 172.17.0.2: ICMP echo reply, id 77, seq 1, length 1480',
      'IP 172.17.0.3 > 172.17.0.2: ip-proto-1',
      'IP 172.17.0.3 > 172.17.0.2: ip-proto-1',
    ]);
    const v = verbose(tb.ctx, tb.trace, tb.c2, 'eth0');
    const [rq, rp] = [v[0]?.match(/^id (\d+)/)?.[1], v[3]?.match(/^id (\d+)/)?.[1]];
    expect(v).toEqual([
      `id ${rq}, offset 0, flags [+], length 1500`,
      `id ${rq}, offset 1480, flags [+], length 1500`,
      `id ${rq}, offset 2960, flags [none], length 68`,
      `id ${rp}, offset 0, flags [+], length 1500`,
      `id ${rp}, offset 1480, flags [+], length 1500`,
      `id ${rp}, offset 2960, flags [none], length 68`,
    ]);
    // Each fragment is a frame on the wire: six on c2's eth0 besides ARP.
    const eth0 = devByName(tb.ctx.k, tb.c2, 'eth0');
    expect([eth0?.stats.rxPackets, eth0?.stats.txPackets]).toEqual([4, 4]);
  });

  it('a datagram that fits keeps DF (IP_PMTUDISC_WANT); the echo reply has none', () => {
    const tb = dockerBridge();
    ping(tb.ctx, tb.c1, '172.17.0.3', 100);
    expect(verbose(tb.ctx, tb.trace, tb.c2, 'eth0').map((l) => l.replace(/^id \d+, /, ''))).toEqual([
      'offset 0, flags [DF], length 128',
      'offset 0, flags [none], length 128',
    ]);
  });
});

/** a (10.1.0.2) -- r (10.1.0.1 | 10.2.0.1, forwarding) -- c (10.2.0.2), the second hop with MTU 1400. */
function twoHops() {
  const { ctx, trace } = emptyCtx();
  const [a, r, c] = ['a', 'r', 'c'].map((label) => {
    const ns = createNetns(ctx, { label });
    up(ctx, ns, 'lo');
    return ns;
  }) as [NsId, NsId, NsId];
  const link = (x: NsId, xn: string, y: NsId, yn: string) => {
    const p = createVethPair(ctx, { ns: x, name: xn }, { ns: y, name: yn });
    if (!p.ok) throw new Error('veth');
  };
  link(a, 'eth0', r, 'a0');
  link(c, 'eth0', r, 'c0');
  addAddr(ctx, a, 'eth0', '10.1.0.2/24');
  addAddr(ctx, r, 'a0', '10.1.0.1/24');
  addAddr(ctx, c, 'eth0', '10.2.0.2/24');
  addAddr(ctx, r, 'c0', '10.2.0.1/24');
  for (const [ns, d] of [
    [a, 'eth0'],
    [c, 'eth0'],
    [r, 'a0'],
    [r, 'c0'],
  ] as const)
    openDevice(ctx, devByName(ctx.k, ns, d)!.id);
  addDefault(ctx, a, 'eth0', '10.1.0.1');
  addDefault(ctx, c, 'eth0', '10.2.0.1');
  xaGet(ctx.k.netns, r)!.sysctl['net.ipv4.ip_forward'] = 1;
  for (const d of ['a0', 'c0']) devByName(ctx.k, r, d)!.conf.forwarding = 1;
  setMtu(ctx, devByName(ctx.k, r, 'c0')!.id, 1400);
  setMtu(ctx, devByName(ctx.k, c, 'eth0')!.id, 1400);
  return { ctx, trace, a, r, c };
}

describe('a forwarded path whose second hop has MTU 1400', () => {
  it('a DF datagram too big: the router answers "fragmentation needed" with the MTU, quoting 548 bytes', () => {
    const t = twoHops();
    const { msgs } = ping(t.ctx, t.a, '10.2.0.2', 1400, { pmtudisc: 'do' });
    expect(tap(t.ctx, t.trace, t.a, 'eth0').filter((l) => l.startsWith('IP '))).toEqual([
      'IP 10.1.0.2 > 10.2.0.2: ICMP echo request, id 77, seq 1, length 1408',
      'IP 10.1.0.1 > 10.1.0.2: ICMP 10.2.0.2 unreachable - need to frag (mtu 1400), length 556',
    ]);
    const err = msgs.find((m) => m.kind === 'error');
    expect(err && err.kind === 'error' ? [err.icmpType, err.icmpCode, err.eeInfo] : null).toEqual([
      3, 4, 1400,
    ]);
    // The sender learned the path MTU: the next -M do datagram fails locally with it.
    const again = ping(t.ctx, t.a, '10.2.0.2', 1400, { pmtudisc: 'do' });
    expect(again.r.ok ? null : again.r.error.errno).toBe('EMSGSIZE');
    const local = again.msgs.find((m) => m.kind === 'error');
    expect(local && local.kind === 'error' ? [local.origin, local.eeInfo] : null).toEqual(['local', 1400]);
  });

  it('-s 3000: a fragments at 1500, r refragments each fragment at 1400 (offsets as Linux), c at 1400', () => {
    const t = twoHops();
    const { msgs } = ping(t.ctx, t.a, '10.2.0.2', 3000);
    expect(msgs.some((m) => m.kind === 'icmp' && m.icmp.type === 0 && m.ipLen === 3028)).toBe(true);
    const strip = (l: string) => l.replace(/^id \d+, /, '');
    expect(verbose(t.ctx, t.trace, t.c, 'eth0').map(strip)).toEqual([
      'offset 0, flags [+], length 1396',
      'offset 1376, flags [+], length 124',
      'offset 1480, flags [+], length 1396',
      'offset 2856, flags [+], length 124',
      'offset 2960, flags [none], length 68',
      'offset 0, flags [+], length 1396',
      'offset 1376, flags [+], length 1396',
      'offset 2752, flags [none], length 276',
    ]);
    expect(
      tap(t.ctx, t.trace, t.c, 'eth0')
        .filter((l) => l.startsWith('IP '))
        .slice(0, 2),
    ).toEqual([
      'IP 10.1.0.2 > 10.2.0.2: ICMP echo request, id 77, seq 1, length 1376',
      'IP 10.1.0.2 > 10.2.0.2: ip-proto-1',
    ]);
  });

  it('with conntrack on the router: reassembled there (FORWARD counts 2 datagrams), cut again at 1400', () => {
    const t = twoHops();
    nfAppendRule(
      t.ctx,
      t.r,
      'filter',
      'FORWARD',
      ruleSpec({
        matches: [{ kind: 'conntrack', ctstate: ['NEW', 'ESTABLISHED'], invert: false }],
        target: { kind: 'none' },
      }),
    );
    const { msgs } = ping(t.ctx, t.a, '10.2.0.2', 3000);
    expect(msgs.some((m) => m.kind === 'icmp' && m.icmp.type === 0 && m.ipLen === 3028)).toBe(true);
    expect(verbose(t.ctx, t.trace, t.c, 'eth0').map((l) => l.replace(/^id \d+, /, ''))).toEqual([
      'offset 0, flags [+], length 1396',
      'offset 1376, flags [+], length 1396',
      'offset 2752, flags [none], length 276',
      'offset 0, flags [+], length 1396',
      'offset 1376, flags [+], length 1396',
      'offset 2752, flags [none], length 276',
    ]);
    const fwd = xaGet(t.ctx.k.netns, t.r)?.netfilter.tables.filter?.chains.find((c) => c.name === 'FORWARD');
    expect(fwd?.rules[0]?.counters).toEqual({ pkts: 2, bytes: 6056 });
  });

  it('a UDP datagram: the first fragment prints the UDP length of the whole datagram', () => {
    const t = twoHops();
    ipSendmsg(t.ctx, t.a, {
      dst: ip('10.2.0.2'),
      src: 0,
      oif: null,
      proto: 17,
      l4: { proto: 17, sport: 43395, dport: 9000 },
      payload: { kind: 'bytes', size: 2000 },
      ttl: 64,
    });
    runUntil(t.ctx, t.ctx.clock.nowUs + 1_000_000);
    expect(tap(t.ctx, t.trace, t.a, 'eth0').filter((l) => l.startsWith('IP '))).toEqual([
      'IP 10.1.0.2.43395 > 10.2.0.2.9000: UDP, length 2000',
      'IP 10.1.0.2 > 10.2.0.2: ip-proto-17',
      'IP 10.2.0.2 > 10.1.0.2: ICMP 10.2.0.2 udp port 9000 unreachable, length 556',
    ]);
  });
});
