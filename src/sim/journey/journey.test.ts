/**
 * The packet journeys of the issue, as Linux 6.18 goes through them (the order checked against its
 * tracepoints in scratch namespaces): every step's namespace, device, stage and one-liner, exactly.
 */
import { describe, expect, it } from 'vitest';
import { buildJourney, decisionTable, journeyText, type Journey } from './index';
import { line, rows, session, type Traced } from './test_scenarios';
import { xaValues } from '../../kernel';

const journey = (t: Traced): Journey => buildJourney(t.trace, t.after, t.before);

describe('ping c1 -> c2 on the default bridge', () => {
  it('ARP broadcast flooded and learned, the reply forwarded, the echo bridged through FORWARD', async () => {
    const { sim, term } = await session([
      'docker run -d --name c1 busybox sleep 1000',
      'docker run -d --name c2 busybox sleep 1000',
    ]);
    const j = journey(await line(sim, term, 'docker exec c1 ping -c 1 172.17.0.3'));
    expect(rows(j)).toEqual([
      'c1 eth0 fib_table_lookup: route output 172.17.0.3: table main: 172.17.0.0/16 dev eth0 src 172.17.0.2',
      'c1 eth0 neigh_update: 172.17.0.3 dev eth0: NONE -> INCOMPLETE',
      'c1 eth0 arp_send: ARP, Request who-has 172.17.0.3 tell 172.17.0.2 (for packet #104)',
      'c1 eth0 net_dev_xmit: ARP, Request who-has 172.17.0.3 tell 172.17.0.2, length 28',
      'docker-host vethd62dcf1 netif_receive_skb: ARP, Request who-has 172.17.0.3 tell 172.17.0.2, length 28',
      'docker-host docker0 br_fdb_update: docker0: learned 02:42:ac:11:00:02 on vethd62dcf1 (ARP, Request who-has 172.17.0.3 tell 172.17.0.2, length 28)',
      'docker-host docker0 br_flood: docker0: flood (broadcast) to veth74817e0: ARP, Request who-has 172.17.0.3 tell 172.17.0.2, length 28',
      'docker-host veth74817e0 net_dev_xmit: ARP, Request who-has 172.17.0.3 tell 172.17.0.2, length 28',
      'docker-host docker0 br_local: docker0: up to the host (from vethd62dcf1): ARP, Request who-has 172.17.0.3 tell 172.17.0.2, length 28',
      'docker-host docker0 netif_receive_skb: ARP, Request who-has 172.17.0.3 tell 172.17.0.2, length 28',
      'docker-host docker0 fib_table_lookup: route input 172.17.0.3: table main: 172.17.0.0/16 dev docker0 src 172.17.0.1',
      'docker-host docker0 consume_skb: ARP, Request who-has 172.17.0.3 tell 172.17.0.2, length 28',
      'c2 eth0 netif_receive_skb: ARP, Request who-has 172.17.0.3 tell 172.17.0.2, length 28',
      'c2 eth0 fib_table_lookup: route input 172.17.0.3: table local: local 172.17.0.3 dev eth0 src 172.17.0.3',
      'c2 eth0 neigh_update: 172.17.0.2 dev eth0 lladdr 02:42:ac:11:00:02: NONE -> STALE',
      'c2 eth0 arp_send: ARP, Reply 172.17.0.3 is-at 02:42:ac:11:00:03 to 172.17.0.2',
      'c2 eth0 net_dev_xmit: ARP, Reply 172.17.0.3 is-at 02:42:ac:11:00:03, length 28',
      'c2 eth0 consume_skb: ARP, Request who-has 172.17.0.3 tell 172.17.0.2, length 28',
      'docker-host veth74817e0 netif_receive_skb: ARP, Reply 172.17.0.3 is-at 02:42:ac:11:00:03, length 28',
      'docker-host docker0 br_fdb_update: docker0: learned 02:42:ac:11:00:03 on veth74817e0 (ARP, Reply 172.17.0.3 is-at 02:42:ac:11:00:03, length 28)',
      'docker-host docker0 br_forward: docker0: 02:42:ac:11:00:02 is behind vethd62dcf1: ARP, Reply 172.17.0.3 is-at 02:42:ac:11:00:03, length 28',
      'docker-host vethd62dcf1 net_dev_xmit: ARP, Reply 172.17.0.3 is-at 02:42:ac:11:00:03, length 28',
      'c1 eth0 netif_receive_skb: ARP, Reply 172.17.0.3 is-at 02:42:ac:11:00:03, length 28',
      'c1 eth0 neigh_update: 172.17.0.3 dev eth0 lladdr 02:42:ac:11:00:03: INCOMPLETE -> REACHABLE',
      'c1 eth0 net_dev_xmit: IP 172.17.0.2 > 172.17.0.3: ICMP echo request, id 100, seq 0, length 64',
      'c1 eth0 consume_skb: ARP, Reply 172.17.0.3 is-at 02:42:ac:11:00:03, length 28',
      'docker-host vethd62dcf1 netif_receive_skb: IP 172.17.0.2 > 172.17.0.3: ICMP echo request, id 100, seq 0, length 64',
      'docker-host - nf_hook: IP 172.17.0.2 > 172.17.0.3: ICMP echo request, id 100, seq 0, length 64 -- nat PREROUTING: -P PREROUTING ACCEPT',
      'docker-host docker0 br_forward: docker0: 02:42:ac:11:00:03 is behind veth74817e0: IP 172.17.0.2 > 172.17.0.3: ICMP echo request, id 100, seq 0, length 64',
      'docker-host - nf_hook: IP 172.17.0.2 > 172.17.0.3: ICMP echo request, id 100, seq 0, length 64 -- filter FORWARD: -A FORWARD -i docker0 -o docker0 -j ACCEPT',
      'docker-host - nf_hook: IP 172.17.0.2 > 172.17.0.3: ICMP echo request, id 100, seq 0, length 64 -- nat POSTROUTING: -P POSTROUTING ACCEPT',
      'docker-host veth74817e0 net_dev_xmit: IP 172.17.0.2 > 172.17.0.3: ICMP echo request, id 100, seq 0, length 64',
      'c2 eth0 netif_receive_skb: IP 172.17.0.2 > 172.17.0.3: ICMP echo request, id 100, seq 0, length 64',
      'c2 eth0 fib_table_lookup: route input 172.17.0.3: table local: local 172.17.0.3 dev eth0 src 172.17.0.3',
      'c2 eth0 ip_local_deliver: deliver locally on eth0: IP 172.17.0.2 > 172.17.0.3: ICMP echo request, id 100, seq 0, length 64',
      'c2 eth0 fib_table_lookup: route output 172.17.0.2: table main: 172.17.0.0/16 dev eth0 src 172.17.0.3',
      'c2 eth0 neigh_update: 172.17.0.2 dev eth0 lladdr 02:42:ac:11:00:02: STALE -> DELAY',
      'c2 eth0 net_dev_xmit: IP 172.17.0.3 > 172.17.0.2: ICMP echo reply, id 100, seq 0, length 64',
      'c2 eth0 consume_skb: IP 172.17.0.2 > 172.17.0.3: ICMP echo request, id 100, seq 0, length 64',
      'docker-host veth74817e0 netif_receive_skb: IP 172.17.0.3 > 172.17.0.2: ICMP echo reply, id 100, seq 0, length 64',
      'docker-host docker0 br_forward: docker0: 02:42:ac:11:00:02 is behind vethd62dcf1: IP 172.17.0.3 > 172.17.0.2: ICMP echo reply, id 100, seq 0, length 64',
      'docker-host - nf_hook: IP 172.17.0.3 > 172.17.0.2: ICMP echo reply, id 100, seq 0, length 64 -- filter FORWARD: -A FORWARD -o docker0 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT',
      'docker-host vethd62dcf1 net_dev_xmit: IP 172.17.0.3 > 172.17.0.2: ICMP echo reply, id 100, seq 0, length 64',
      'c1 eth0 netif_receive_skb: IP 172.17.0.3 > 172.17.0.2: ICMP echo reply, id 100, seq 0, length 64',
      'c1 eth0 fib_table_lookup: route input 172.17.0.2: table local: local 172.17.0.2 dev eth0 src 172.17.0.2',
      'c1 eth0 ip_local_deliver: deliver locally on eth0: IP 172.17.0.3 > 172.17.0.2: ICMP echo reply, id 100, seq 0, length 64',
      'c1 - sock_deliver: ICMP copy to ping[100] (icmp socket)',
      'c1 eth0 consume_skb: IP 172.17.0.3 > 172.17.0.2: ICMP echo reply, id 100, seq 0, length 64',
    ]);
    expect(
      j.packets.map(
        (p) =>
          `#${p.id} ${p.proto} ${p.fate.kind} ${p.path.map((ns) => j.steps.find((s) => s.ns === ns)?.where).join(' > ')}`,
      ),
    ).toEqual([
      '#104 icmp consumed c1 > docker-host > c2',
      '#106 arp consumed c1 > docker-host > c2',
      '#109 arp consumed c2 > docker-host > c1',
      '#112 icmp delivered c2 > docker-host > c1',
    ]);
    // The frame crosses c1's veth pair, then the host's veth to c2.
    const moves = j.steps.filter((s) => s.move && s.packet === 104).map((s) => `${s.dev} ${s.move?.link}`);
    expect(moves).toEqual(['eth0 veth:9', 'veth74817e0 veth:12']);
  });
});

describe('ping c1 -> c3 on another user-defined bridge', () => {
  it('routed by the host, dropped in FORWARD by DOCKER-ISOLATION-STAGE-2, with the rule and its counter', async () => {
    const { sim, term } = await session([
      'docker run -d --name c1 busybox sleep 1000',
      'docker network create net2',
      'docker run -d --name c3 --network net2 busybox sleep 1000',
      'docker exec c1 ping -c 1 172.17.0.1',
    ]);
    const t = await line(sim, term, 'docker exec c1 ping -c 1 -W 1 172.18.0.2');
    const j = journey(t);
    expect(rows(j)).toEqual([
      'c1 eth0 fib_table_lookup: route output 172.18.0.2: table main: default via 172.17.0.1 dev eth0',
      'c1 eth0 net_dev_xmit: IP 172.17.0.2 > 172.18.0.2: ICMP echo request, id 101, seq 0, length 64',
      'docker-host vethd62dcf1 netif_receive_skb: IP 172.17.0.2 > 172.18.0.2: ICMP echo request, id 101, seq 0, length 64',
      'docker-host - nf_hook: IP 172.17.0.2 > 172.18.0.2: ICMP echo request, id 101, seq 0, length 64 -- nat PREROUTING: -P PREROUTING ACCEPT',
      'docker-host docker0 br_local: docker0: up to the host (from vethd62dcf1): IP 172.17.0.2 > 172.18.0.2: ICMP echo request, id 101, seq 0, length 64',
      'docker-host docker0 netif_receive_skb: IP 172.17.0.2 > 172.18.0.2: ICMP echo request, id 101, seq 0, length 64',
      'docker-host br-ef4d445f4dd0 fib_table_lookup: route input 172.18.0.2: table main: 172.18.0.0/16 dev br-ef4d445f4dd0 src 172.18.0.1',
      'docker-host docker0 ip_forward: forward docker0 -> br-ef4d445f4dd0, ttl 63: IP 172.17.0.2 > 172.18.0.2: ICMP echo request, id 101, seq 0, length 64',
      'docker-host - nf_hook: IP 172.17.0.2 > 172.18.0.2: ICMP echo request, id 101, seq 0, length 64 -- filter FORWARD: -A DOCKER-ISOLATION-STAGE-2 -o br-ef4d445f4dd0 -j DROP',
      'docker-host docker0 kfree_skb: IP 172.17.0.2 > 172.18.0.2: ICMP echo request, id 101, seq 0, length 64 -- NETFILTER_DROP: iptables FORWARD dropped it (docker0 -> br-ef4d445f4dd0)',
    ]);
    const hook = j.steps[8];
    expect(hook?.decision).toMatchObject({
      kind: 'iptables',
      table: 'filter',
      chain: 'DOCKER-ISOLATION-STAGE-2',
      rule: 1,
      verdict: 'DROP',
    });
    // The hook's devices (nf_hook_state in/out): the graph marks both interfaces, not just the namespace.
    const devId = (name: string) =>
      xaValues(t.after.kernel.devices).find((d) => d.ns === hook?.ns && d.name === name)?.id;
    expect(hook?.focus).toEqual([
      `ns:${hook?.ns}`,
      `dev:${devId('docker0')}`,
      `dev:${devId('br-ef4d445f4dd0')}`,
    ]);
    const table = decisionTable(hook!.decision!, t.after, false);
    expect(table.rows.filter((r) => r.hit)).toEqual([
      { text: '-A DOCKER-ISOLATION-STAGE-2 -o br-ef4d445f4dd0 -j DROP', hit: true, counter: '1 84' },
    ]);
    expect(journeyText('en', hook!.explain)).toBe(
      'iptables, table filter, chain DOCKER-ISOLATION-STAGE-2 (hook FORWARD): the rule “-A DOCKER-ISOLATION-STAGE-2 -o br-ef4d445f4dd0 -j DROP” matches and DROPS the packet, without telling the sender.',
    );
    const drop = j.steps[9];
    expect(journeyText('en', drop!.explain)).toBe(
      'The packet is dropped in docker-host: an iptables rule (or a chain policy) dropped it.',
    );
    expect(journeyText('zh-CN', drop!.explain)).toBe(
      '数据包在 docker-host 被丢弃：被一条 iptables 规则（或链的默认策略）丢弃。',
    );
    expect(j.packets[0]?.fate).toEqual({ kind: 'dropped', where: 'docker-host', reason: 'NETFILTER_DROP' });
  });
});

describe('ping c1 -> 8.8.8.8', () => {
  it('MASQUERADE on the way out (and again at the LAN gateway), the reply translated back by conntrack', async () => {
    const { sim, term } = await session([
      'docker run -d --name c1 busybox sleep 1000',
      'ping -c 1 10.0.12.1',
      'docker exec c1 ping -c 1 172.17.0.1',
    ]);
    const t = await line(sim, term, 'docker exec c1 ping -c 1 8.8.8.8');
    const j = journey(t);
    expect(rows(j)).toEqual([
      'c1 eth0 fib_table_lookup: route output 8.8.8.8: table main: default via 172.17.0.1 dev eth0',
      'c1 eth0 net_dev_xmit: IP 172.17.0.2 > 8.8.8.8: ICMP echo request, id 101, seq 0, length 64',
      'docker-host vethd62dcf1 netif_receive_skb: IP 172.17.0.2 > 8.8.8.8: ICMP echo request, id 101, seq 0, length 64',
      'docker-host - nf_hook: IP 172.17.0.2 > 8.8.8.8: ICMP echo request, id 101, seq 0, length 64 -- nat PREROUTING: -P PREROUTING ACCEPT',
      'docker-host docker0 br_local: docker0: up to the host (from vethd62dcf1): IP 172.17.0.2 > 8.8.8.8: ICMP echo request, id 101, seq 0, length 64',
      'docker-host docker0 netif_receive_skb: IP 172.17.0.2 > 8.8.8.8: ICMP echo request, id 101, seq 0, length 64',
      'docker-host eth0 fib_table_lookup: route input 8.8.8.8: table main: default via 10.0.12.1 dev eth0',
      'docker-host docker0 ip_forward: forward docker0 -> eth0, ttl 63: IP 172.17.0.2 > 8.8.8.8: ICMP echo request, id 101, seq 0, length 64',
      'docker-host - nf_hook: IP 172.17.0.2 > 8.8.8.8: ICMP echo request, id 101, seq 0, length 64 -- filter FORWARD: -A FORWARD -i docker0 ! -o docker0 -j ACCEPT',
      'docker-host - nf_hook: IP 172.17.0.2 > 8.8.8.8: ICMP echo request, id 101, seq 0, length 64 -- nat POSTROUTING: -A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE',
      'docker-host - nat: IP 10.0.12.13 > 8.8.8.8: ICMP echo request, id 101, seq 0, length 64 -- SNAT 172.17.0.2 > 8.8.8.8 -> 10.0.12.13 > 8.8.8.8 (conntrack #105)',
      'docker-host eth0 net_dev_xmit: IP 10.0.12.13 > 8.8.8.8: ICMP echo request, id 101, seq 0, length 64',
      'LAN gateway eth0 netif_receive_skb: IP 10.0.12.13 > 8.8.8.8: ICMP echo request, id 101, seq 0, length 64',
      'LAN gateway eth1 fib_table_lookup: route input 8.8.8.8: table main: default via 100.64.0.1 dev eth1',
      'LAN gateway eth0 ip_forward: forward eth0 -> eth1, ttl 62: IP 10.0.12.13 > 8.8.8.8: ICMP echo request, id 101, seq 0, length 64',
      'LAN gateway - nf_hook: IP 10.0.12.13 > 8.8.8.8: ICMP echo request, id 101, seq 0, length 64 -- nat POSTROUTING: -A POSTROUTING -o eth1 -j MASQUERADE',
      'LAN gateway - nat: IP 100.64.0.2 > 8.8.8.8: ICMP echo request, id 101, seq 0, length 64 -- SNAT 10.0.12.13 > 8.8.8.8 -> 100.64.0.2 > 8.8.8.8 (conntrack #106)',
      'LAN gateway eth1 neigh_update: 100.64.0.1 dev eth1: NONE -> INCOMPLETE',
      'LAN gateway eth1 arp_send: ARP, Request who-has 100.64.0.1 tell 100.64.0.2 (for packet #104)',
      'LAN gateway eth1 net_dev_xmit: ARP, Request who-has 100.64.0.1 tell 100.64.0.2, length 28',
      'internet eth0 netif_receive_skb: ARP, Request who-has 100.64.0.1 tell 100.64.0.2, length 28',
      'internet eth0 fib_table_lookup: route input 100.64.0.1: table local: local 100.64.0.1 dev eth0 src 100.64.0.1',
      'internet eth0 neigh_update: 100.64.0.2 dev eth0 lladdr 52:54:00:00:64:02: NONE -> STALE',
      'internet eth0 arp_send: ARP, Reply 100.64.0.1 is-at 52:54:00:00:64:01 to 100.64.0.2',
      'internet eth0 net_dev_xmit: ARP, Reply 100.64.0.1 is-at 52:54:00:00:64:01, length 28',
      'internet eth0 consume_skb: ARP, Request who-has 100.64.0.1 tell 100.64.0.2, length 28',
      'LAN gateway eth1 netif_receive_skb: ARP, Reply 100.64.0.1 is-at 52:54:00:00:64:01, length 28',
      'LAN gateway eth1 neigh_update: 100.64.0.1 dev eth1 lladdr 52:54:00:00:64:01: INCOMPLETE -> REACHABLE',
      'LAN gateway eth1 net_dev_xmit: IP 100.64.0.2 > 8.8.8.8: ICMP echo request, id 101, seq 0, length 64',
      'LAN gateway eth1 consume_skb: ARP, Reply 100.64.0.1 is-at 52:54:00:00:64:01, length 28',
      'internet eth0 netif_receive_skb: IP 100.64.0.2 > 8.8.8.8: ICMP echo request, id 101, seq 0, length 64',
      'internet lo fib_table_lookup: route input 8.8.8.8: table local: local 8.8.8.8 dev lo src 8.8.8.8',
      'internet eth0 ip_local_deliver: deliver locally on eth0: IP 100.64.0.2 > 8.8.8.8: ICMP echo request, id 101, seq 0, length 64',
      'internet eth0 fib_table_lookup: route output 100.64.0.2: table main: 100.64.0.0/30 dev eth0 src 100.64.0.1',
      'internet eth0 neigh_update: 100.64.0.2 dev eth0 lladdr 52:54:00:00:64:02: STALE -> DELAY',
      'internet eth0 net_dev_xmit: IP 8.8.8.8 > 100.64.0.2: ICMP echo reply, id 101, seq 0, length 64',
      'internet eth0 consume_skb: IP 100.64.0.2 > 8.8.8.8: ICMP echo request, id 101, seq 0, length 64',
      'LAN gateway eth1 netif_receive_skb: IP 8.8.8.8 > 100.64.0.2: ICMP echo reply, id 101, seq 0, length 64',
      'LAN gateway - nat: IP 8.8.8.8 > 10.0.12.13: ICMP echo reply, id 101, seq 0, length 64 -- DNAT 8.8.8.8 > 100.64.0.2 -> 8.8.8.8 > 10.0.12.13 (conntrack #106)',
      'LAN gateway eth0 fib_table_lookup: route input 10.0.12.13: table main: 10.0.12.0/22 dev eth0 src 10.0.12.1',
      'LAN gateway eth1 ip_forward: forward eth1 -> eth0, ttl 63: IP 8.8.8.8 > 10.0.12.13: ICMP echo reply, id 101, seq 0, length 64',
      'LAN gateway eth0 net_dev_xmit: IP 8.8.8.8 > 10.0.12.13: ICMP echo reply, id 101, seq 0, length 64',
      'docker-host eth0 netif_receive_skb: IP 8.8.8.8 > 10.0.12.13: ICMP echo reply, id 101, seq 0, length 64',
      'docker-host - nat: IP 8.8.8.8 > 172.17.0.2: ICMP echo reply, id 101, seq 0, length 64 -- DNAT 8.8.8.8 > 10.0.12.13 -> 8.8.8.8 > 172.17.0.2 (conntrack #105)',
      'docker-host docker0 fib_table_lookup: route input 172.17.0.2: table main: 172.17.0.0/16 dev docker0 src 172.17.0.1',
      'docker-host eth0 ip_forward: forward eth0 -> docker0, ttl 62: IP 8.8.8.8 > 172.17.0.2: ICMP echo reply, id 101, seq 0, length 64',
      'docker-host - nf_hook: IP 8.8.8.8 > 172.17.0.2: ICMP echo reply, id 101, seq 0, length 64 -- filter FORWARD: -A FORWARD -o docker0 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT',
      'docker-host docker0 net_dev_xmit: IP 8.8.8.8 > 172.17.0.2: ICMP echo reply, id 101, seq 0, length 64',
      'docker-host docker0 br_forward: docker0: 02:42:ac:11:00:02 is behind vethd62dcf1: IP 8.8.8.8 > 172.17.0.2: ICMP echo reply, id 101, seq 0, length 64',
      'docker-host vethd62dcf1 net_dev_xmit: IP 8.8.8.8 > 172.17.0.2: ICMP echo reply, id 101, seq 0, length 64',
      'c1 eth0 netif_receive_skb: IP 8.8.8.8 > 172.17.0.2: ICMP echo reply, id 101, seq 0, length 64',
      'c1 eth0 fib_table_lookup: route input 172.17.0.2: table local: local 172.17.0.2 dev eth0 src 172.17.0.2',
      'c1 eth0 ip_local_deliver: deliver locally on eth0: IP 8.8.8.8 > 172.17.0.2: ICMP echo reply, id 101, seq 0, length 64',
      'c1 - sock_deliver: ICMP copy to ping[101] (icmp socket)',
      'c1 eth0 consume_skb: IP 8.8.8.8 > 172.17.0.2: ICMP echo reply, id 101, seq 0, length 64',
    ]);
    const nats = j.steps.filter((s) => s.stage === 'nat' && s.ns === t.after.kernel.rootNs);
    expect(nats.map((s) => s.explain.key)).toEqual(['nat_snat', 'nat_reverse']);
    const table = decisionTable(nats[0]!.decision!, t.after, false);
    // The entry as `conntrack -L` prints it (decide.test.ts compares every table with its command).
    expect(table.rows).toEqual([
      {
        text: 'icmp     1 29 src=172.17.0.2 dst=8.8.8.8 type=8 code=0 id=101 src=8.8.8.8 dst=10.0.12.13 type=0 code=0 id=101 mark=0 use=1',
        hit: true,
      },
    ]);
    expect(journeyText('en', nats[1]!.explain)).toBe(
      'This is a reply of connection #105: its NAT is undone, “8.8.8.8 > 10.0.12.13” becomes “8.8.8.8 > 172.17.0.2”, so it reaches the one who asked.',
    );
  });
});
