/**
 * The other journeys of the issue: a published port reached from the LAN (DNAT to the container), a
 * `container:` sidecar talking to localhost (never leaves the namespace), a `none` container (no route), and
 * ARP for an address nobody has (three probes, FAILED, host unreachable).
 */
import { describe, expect, it } from 'vitest';
import { buildJourney, decisionTable, journeyText, type Journey, type JourneyPacket } from './index';
import { httpGet, inNamespace, line, nsByLabel, rows, session, type Traced } from './test_scenarios';

const journey = (t: Traced): Journey => buildJourney(t.trace, t.after, t.before);

function packetRows(j: Journey, p: JourneyPacket | undefined): string[] {
  return rows({ ...j, steps: (p?.steps ?? []).map((i) => j.steps[i]!) });
}

describe('a published port from the LAN (curl http://10.0.12.13:8080/ on the LAN gateway)', () => {
  it('the SYN is DNATed in PREROUTING, routed to docker0, accepted by the DOCKER chain; the SYN-ACK is un-DNATed', async () => {
    const { sim } = await session(['docker run -d --name web -p 8080:80 nginx']);
    const t = inNamespace(sim.world, nsByLabel(sim.world, 'LAN gateway'), httpGet('10.0.12.13', 8080));
    const j = journey(t);
    const tcp = j.packets.filter((p) => p.proto === 'tcp');
    expect(packetRows(j, tcp[0])).toEqual([
      'LAN gateway eth0 fib_table_lookup: route output 10.0.12.13: table main: 10.0.12.0/22 dev eth0 src 10.0.12.1',
      'LAN gateway eth0 fib_table_lookup: route output 10.0.12.13: table main: 10.0.12.0/22 dev eth0 src 10.0.12.1',
      'LAN gateway - nf_hook: IP 10.0.12.1.32768 > 10.0.12.13.8080: Flags [S], seq 2436410133, win 64240, length 0 -- nat POSTROUTING: -P POSTROUTING ACCEPT',
      'LAN gateway eth0 neigh_update: 10.0.12.13 dev eth0: NONE -> INCOMPLETE',
      'LAN gateway eth0 net_dev_xmit: IP 10.0.12.1.32768 > 10.0.12.13.8080: Flags [S], seq 2436410133, win 64240, length 0',
      'docker-host eth0 netif_receive_skb: IP 10.0.12.1.32768 > 10.0.12.13.8080: Flags [S], seq 2436410133, win 64240, length 0',
      'docker-host - nf_hook: IP 10.0.12.1.32768 > 10.0.12.13.8080: Flags [S], seq 2436410133, win 64240, length 0 -- nat PREROUTING: -A DOCKER ! -i docker0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80',
      'docker-host - nat: IP 10.0.12.1.32768 > 172.17.0.2.80: Flags [S], seq 2436410133, win 64240, length 0 -- DNAT 10.0.12.1:32768 > 10.0.12.13:8080 -> 10.0.12.1:32768 > 172.17.0.2:80 (conntrack #95)',
      'docker-host docker0 fib_table_lookup: route input 172.17.0.2: table main: 172.17.0.0/16 dev docker0 src 172.17.0.1',
      'docker-host eth0 ip_forward: forward eth0 -> docker0, ttl 63: IP 10.0.12.1.32768 > 172.17.0.2.80: Flags [S], seq 2436410133, win 64240, length 0',
      'docker-host - nf_hook: IP 10.0.12.1.32768 > 172.17.0.2.80: Flags [S], seq 2436410133, win 64240, length 0 -- filter FORWARD: -A DOCKER -d 172.17.0.2/32 ! -i docker0 -o docker0 -p tcp -m tcp --dport 80 -j ACCEPT',
      'docker-host - nf_hook: IP 10.0.12.1.32768 > 172.17.0.2.80: Flags [S], seq 2436410133, win 64240, length 0 -- nat POSTROUTING: -P POSTROUTING ACCEPT',
      'docker-host docker0 neigh_update: 172.17.0.2 dev docker0: NONE -> INCOMPLETE',
      'docker-host docker0 net_dev_xmit: IP 10.0.12.1.32768 > 172.17.0.2.80: Flags [S], seq 2436410133, win 64240, length 0',
      'docker-host docker0 br_forward: docker0: 02:42:ac:11:00:02 is behind vethd62dcf1: IP 10.0.12.1.32768 > 172.17.0.2.80: Flags [S], seq 2436410133, win 64240, length 0',
      'docker-host vethd62dcf1 net_dev_xmit: IP 10.0.12.1.32768 > 172.17.0.2.80: Flags [S], seq 2436410133, win 64240, length 0',
      'web eth0 netif_receive_skb: IP 10.0.12.1.32768 > 172.17.0.2.80: Flags [S], seq 2436410133, win 64240, length 0',
      'web eth0 fib_table_lookup: route input 172.17.0.2: table local: local 172.17.0.2 dev eth0 src 172.17.0.2',
      'web eth0 ip_local_deliver: deliver locally on eth0: IP 10.0.12.1.32768 > 172.17.0.2.80: Flags [S], seq 2436410133, win 64240, length 0',
      'web - consume_skb: IP 10.0.12.1.32768 > 172.17.0.2.80: Flags [S], seq 2436410133, win 64240, length 0',
    ]);
    expect(packetRows(j, tcp[1])).toEqual([
      'web eth0 fib_table_lookup: route output 10.0.12.1: table main: default via 172.17.0.1 dev eth0',
      'web eth0 neigh_update: 172.17.0.1 dev eth0 lladdr 02:42:3e:14:e2:68: STALE -> DELAY',
      'web eth0 net_dev_xmit: IP 172.17.0.2.80 > 10.0.12.1.32768: Flags [S.], seq 693133451, ack 2436410134, win 64240, length 0',
      'docker-host vethd62dcf1 netif_receive_skb: IP 172.17.0.2.80 > 10.0.12.1.32768: Flags [S.], seq 693133451, ack 2436410134, win 64240, length 0',
      'docker-host docker0 br_local: docker0: up to the host (from vethd62dcf1): IP 172.17.0.2.80 > 10.0.12.1.32768: Flags [S.], seq 693133451, ack 2436410134, win 64240, length 0',
      'docker-host docker0 netif_receive_skb: IP 172.17.0.2.80 > 10.0.12.1.32768: Flags [S.], seq 693133451, ack 2436410134, win 64240, length 0',
      'docker-host eth0 fib_table_lookup: route input 10.0.12.1: table main: 10.0.12.0/22 dev eth0 src 10.0.12.13',
      'docker-host docker0 ip_forward: forward docker0 -> eth0, ttl 63: IP 172.17.0.2.80 > 10.0.12.1.32768: Flags [S.], seq 693133451, ack 2436410134, win 64240, length 0',
      'docker-host - nf_hook: IP 172.17.0.2.80 > 10.0.12.1.32768: Flags [S.], seq 693133451, ack 2436410134, win 64240, length 0 -- filter FORWARD: -A FORWARD -i docker0 ! -o docker0 -j ACCEPT',
      'docker-host - nat: IP 10.0.12.13.8080 > 10.0.12.1.32768: Flags [S.], seq 693133451, ack 2436410134, win 64240, length 0 -- SNAT 172.17.0.2:80 > 10.0.12.1:32768 -> 10.0.12.13:8080 > 10.0.12.1:32768 (conntrack #95)',
      'docker-host eth0 neigh_update: 10.0.12.1 dev eth0 lladdr 52:54:00:00:0c:01: STALE -> DELAY',
      'docker-host eth0 net_dev_xmit: IP 10.0.12.13.8080 > 10.0.12.1.32768: Flags [S.], seq 693133451, ack 2436410134, win 64240, length 0',
      'LAN gateway eth0 netif_receive_skb: IP 10.0.12.13.8080 > 10.0.12.1.32768: Flags [S.], seq 693133451, ack 2436410134, win 64240, length 0',
      'LAN gateway eth0 fib_table_lookup: route input 10.0.12.1: table local: local 10.0.12.1 dev eth0 src 10.0.12.1',
      'LAN gateway eth0 ip_local_deliver: deliver locally on eth0: IP 10.0.12.13.8080 > 10.0.12.1.32768: Flags [S.], seq 693133451, ack 2436410134, win 64240, length 0',
      'LAN gateway - sock_deliver: connected to curl[4242] (tcp socket port 32768 on 10.0.12.1)',
      'LAN gateway - consume_skb: IP 10.0.12.13.8080 > 10.0.12.1.32768: Flags [S.], seq 693133451, ack 2436410134, win 64240, length 0',
    ]);
    const dnat = j.steps.find((s) => s.stage === 'nat');
    expect(dnat?.explain.key).toBe('nat_dnat');
    expect(decisionTable(dnat!.decision!, t.after, false).note).toEqual({
      key: 'journey.table.nat',
      params: {
        type: 'DNAT',
        before: '10.0.12.1:32768 > 10.0.12.13:8080',
        after: '10.0.12.1:32768 > 172.17.0.2:80',
      },
    });
    // Every later segment of the connection reuses the mapping without iptables' nat table: requests get it
    // again, answers get it undone.
    expect(j.steps.filter((s) => s.stage === 'nat').map((s) => s.explain.key)).toEqual([
      'nat_dnat',
      'nat_reverse',
      'nat_again',
      'nat_again',
      'nat_reverse',
      'nat_reverse',
      'nat_again',
      'nat_again',
      'nat_reverse',
      'nat_reverse',
      'nat_again',
    ]);
  });
});

describe('a container: sidecar curls localhost', () => {
  it('the whole conversation stays on lo in the shared namespace', async () => {
    const { sim, term } = await session([
      'docker run -d --name web nginx',
      'docker run -d --name side --network container:web nicolaka/netshoot sleep 1000',
    ]);
    const t = await line(sim, term, 'docker exec side curl -s localhost');
    expect(t.result?.stdout).toContain('<title>Welcome to nginx!</title>');
    const j = journey(t);
    const tcp = j.packets.filter((p) => p.proto === 'tcp');
    expect(tcp.map((p) => packetRows(j, p)).slice(0, 3)).toEqual([
      [
        'web + side lo fib_table_lookup: route output 127.0.0.1: table local: local 127.0.0.1 dev lo src 127.0.0.1',
        'web + side lo fib_table_lookup: route output 127.0.0.1: table local: local 127.0.0.1 dev lo src 127.0.0.1',
        'web + side lo net_dev_xmit: IP 127.0.0.1.32768 > 127.0.0.1.80: Flags [S], seq 511974689, win 64240, length 0',
        'web + side lo netif_receive_skb: IP 127.0.0.1.32768 > 127.0.0.1.80: Flags [S], seq 511974689, win 64240, length 0',
        'web + side lo ip_local_deliver: deliver locally on lo: IP 127.0.0.1.32768 > 127.0.0.1.80: Flags [S], seq 511974689, win 64240, length 0',
        'web + side - consume_skb: IP 127.0.0.1.32768 > 127.0.0.1.80: Flags [S], seq 511974689, win 64240, length 0',
      ],
      [
        'web + side lo fib_table_lookup: route output 127.0.0.1: table local: local 127.0.0.1 dev lo src 127.0.0.1',
        'web + side lo net_dev_xmit: IP 127.0.0.1.80 > 127.0.0.1.32768: Flags [S.], seq 382810831, ack 511974690, win 64240, length 0',
        'web + side lo netif_receive_skb: IP 127.0.0.1.80 > 127.0.0.1.32768: Flags [S.], seq 382810831, ack 511974690, win 64240, length 0',
        'web + side lo ip_local_deliver: deliver locally on lo: IP 127.0.0.1.80 > 127.0.0.1.32768: Flags [S.], seq 382810831, ack 511974690, win 64240, length 0',
        'web + side - sock_deliver: connected to curl[100] (tcp socket port 32768 on 127.0.0.1)',
        'web + side - consume_skb: IP 127.0.0.1.80 > 127.0.0.1.32768: Flags [S.], seq 382810831, ack 511974690, win 64240, length 0',
      ],
      [
        'web + side lo net_dev_xmit: IP 127.0.0.1.32768 > 127.0.0.1.80: Flags [.], ack 382810832, win 502, length 0',
        'web + side lo netif_receive_skb: IP 127.0.0.1.32768 > 127.0.0.1.80: Flags [.], ack 382810832, win 502, length 0',
        'web + side lo ip_local_deliver: deliver locally on lo: IP 127.0.0.1.32768 > 127.0.0.1.80: Flags [.], ack 382810832, win 502, length 0',
        'web + side - consume_skb: IP 127.0.0.1.32768 > 127.0.0.1.80: Flags [.], ack 382810832, win 502, length 0',
      ],
    ]);
    expect(new Set(j.steps.map((s) => s.where))).toEqual(new Set(['web + side']));
    expect(new Set(j.steps.map((s) => s.dev ?? '-'))).toEqual(new Set(['lo', '-']));
    expect(j.steps.some((s) => s.move !== null)).toBe(false);
    expect(j.steps.filter((s) => s.stage === 'sock_deliver').map((s) => s.line)).toEqual([
      'connected to curl[100] (tcp socket port 32768 on 127.0.0.1)',
      '73 bytes to nginx[1001] (tcp socket port 80 on 127.0.0.1)',
      '853 bytes to curl[100] (tcp socket port 32768 on 127.0.0.1)',
      'FIN to nginx[1001] (tcp socket port 80 on 127.0.0.1)',
      'FIN to curl[100] (tcp socket port 32768 on 127.0.0.1)',
    ]);
    expect(journeyText('en', j.steps[2]!.explain)).toBe(
      'web + side sends the packet to itself through the loopback device lo: it never leaves this network namespace.',
    );
  });
});

describe('a none container pings anything', () => {
  it('no route: the lookup fails and no packet is made', async () => {
    const { sim, term } = await session(['docker run -d --name nn --network none busybox sleep 1000']);
    const t = await line(sim, term, 'docker exec nn ping -c 1 8.8.8.8');
    expect(t.result?.stderr).toBe('ping: sendto: Network is unreachable\n');
    const j = journey(t);
    expect(rows(j)).toEqual(['nn - fib_table_lookup: route output 8.8.8.8: no route']);
    expect(j.packets).toEqual([]);
    expect(journeyText('en', j.steps[0]!.explain)).toBe(
      'nn has no route to 8.8.8.8. Sending fails at once with “Network is unreachable”: no packet is even made.',
    );
    expect(decisionTable(j.steps[0]!.decision!, t.after, false)).toEqual({
      title: { key: 'journey.table.route', params: { table: 'main' } },
      rows: [],
      note: { key: 'journey.table.noRoute', params: { dst: '8.8.8.8' } },
    });
  });
});

describe('ARP for an address nobody has', () => {
  it('three broadcast probes 1.024 s apart, FAILED, the packet dropped and host unreachable back over lo', async () => {
    const { sim, term } = await session(['docker run -d --name c1 busybox sleep 1000']);
    const t = await line(sim, term, 'docker exec c1 ping -c 1 -W 5 172.17.0.99');
    const j = journey(t);
    expect(rows(j)).toEqual([
      'c1 eth0 fib_table_lookup: route output 172.17.0.99: table main: 172.17.0.0/16 dev eth0 src 172.17.0.2',
      'c1 eth0 neigh_update: 172.17.0.99 dev eth0: NONE -> INCOMPLETE',
      'c1 eth0 arp_send: ARP, Request who-has 172.17.0.99 tell 172.17.0.2 (for packet #86)',
      'c1 eth0 net_dev_xmit: ARP, Request who-has 172.17.0.99 tell 172.17.0.2, length 28',
      'docker-host vethd62dcf1 netif_receive_skb: ARP, Request who-has 172.17.0.99 tell 172.17.0.2, length 28',
      'docker-host docker0 br_fdb_update: docker0: learned 02:42:ac:11:00:02 on vethd62dcf1 (ARP, Request who-has 172.17.0.99 tell 172.17.0.2, length 28)',
      'docker-host docker0 br_flood: docker0: flood (broadcast) to no port: ARP, Request who-has 172.17.0.99 tell 172.17.0.2, length 28',
      'docker-host docker0 br_local: docker0: up to the host (from vethd62dcf1): ARP, Request who-has 172.17.0.99 tell 172.17.0.2, length 28',
      'docker-host docker0 netif_receive_skb: ARP, Request who-has 172.17.0.99 tell 172.17.0.2, length 28',
      'docker-host docker0 fib_table_lookup: route input 172.17.0.99: table main: 172.17.0.0/16 dev docker0 src 172.17.0.1',
      'docker-host docker0 consume_skb: ARP, Request who-has 172.17.0.99 tell 172.17.0.2, length 28',
      'c1 eth0 arp_send: ARP, Request who-has 172.17.0.99 tell 172.17.0.2 (for packet #86)',
      'c1 eth0 net_dev_xmit: ARP, Request who-has 172.17.0.99 tell 172.17.0.2, length 28',
      'docker-host vethd62dcf1 netif_receive_skb: ARP, Request who-has 172.17.0.99 tell 172.17.0.2, length 28',
      'docker-host docker0 br_flood: docker0: flood (broadcast) to no port: ARP, Request who-has 172.17.0.99 tell 172.17.0.2, length 28',
      'docker-host docker0 br_local: docker0: up to the host (from vethd62dcf1): ARP, Request who-has 172.17.0.99 tell 172.17.0.2, length 28',
      'docker-host docker0 netif_receive_skb: ARP, Request who-has 172.17.0.99 tell 172.17.0.2, length 28',
      'docker-host docker0 fib_table_lookup: route input 172.17.0.99: table main: 172.17.0.0/16 dev docker0 src 172.17.0.1',
      'docker-host docker0 consume_skb: ARP, Request who-has 172.17.0.99 tell 172.17.0.2, length 28',
      'c1 eth0 arp_send: ARP, Request who-has 172.17.0.99 tell 172.17.0.2 (for packet #86)',
      'c1 eth0 net_dev_xmit: ARP, Request who-has 172.17.0.99 tell 172.17.0.2, length 28',
      'docker-host vethd62dcf1 netif_receive_skb: ARP, Request who-has 172.17.0.99 tell 172.17.0.2, length 28',
      'docker-host docker0 br_flood: docker0: flood (broadcast) to no port: ARP, Request who-has 172.17.0.99 tell 172.17.0.2, length 28',
      'docker-host docker0 br_local: docker0: up to the host (from vethd62dcf1): ARP, Request who-has 172.17.0.99 tell 172.17.0.2, length 28',
      'docker-host docker0 netif_receive_skb: ARP, Request who-has 172.17.0.99 tell 172.17.0.2, length 28',
      'docker-host docker0 fib_table_lookup: route input 172.17.0.99: table main: 172.17.0.0/16 dev docker0 src 172.17.0.1',
      'docker-host docker0 consume_skb: ARP, Request who-has 172.17.0.99 tell 172.17.0.2, length 28',
      'c1 eth0 neigh_update: 172.17.0.99 dev eth0: INCOMPLETE -> FAILED',
      'c1 eth0 kfree_skb: IP 172.17.0.2 > 172.17.0.99: ICMP echo request, id 100, seq 0, length 64 -- NEIGH_FAILED: no ARP reply from 172.17.0.99 on eth0',
      'c1 eth0 fib_table_lookup: route output 172.17.0.2: table local: local 172.17.0.2 dev eth0 src 172.17.0.2',
      'c1 - icmp_send: IP 172.17.0.2 > 172.17.0.2: ICMP host 172.17.0.99 unreachable, length 92 (about #86)',
      'c1 lo net_dev_xmit: IP 172.17.0.2 > 172.17.0.2: ICMP host 172.17.0.99 unreachable, length 92',
      'c1 lo netif_receive_skb: IP 172.17.0.2 > 172.17.0.2: ICMP host 172.17.0.99 unreachable, length 92',
      'c1 lo ip_local_deliver: deliver locally on lo: IP 172.17.0.2 > 172.17.0.2: ICMP host 172.17.0.99 unreachable, length 92',
      'c1 - sock_deliver: ICMP copy to ping[100] (icmp socket)',
      'c1 - sock_deliver: ICMP error (type 3 code 1) to ping[100] (icmp socket)',
      'c1 lo consume_skb: IP 172.17.0.2 > 172.17.0.2: ICMP host 172.17.0.99 unreachable, length 92',
    ]);
    const probes = j.steps.filter((s) => s.stage === 'arp_send').map((s) => s.sinceUs - j.steps[0]!.sinceUs);
    expect(probes).toEqual([0, 1_016_000, 2_040_000]);
    const failed = j.steps.find((s) => s.stage === 'neigh_update' && s.line.endsWith('FAILED'));
    expect(journeyText('en', failed!.explain)).toBe(
      'Nobody answered the ARP requests for 172.17.0.99: the entry becomes FAILED and the packets that waited for it are dropped.',
    );
    expect(j.packets.find((p) => p.proto === 'icmp')?.fate).toEqual({
      kind: 'dropped',
      where: 'c1',
      reason: 'NEIGH_FAILED',
    });
  });
});
