import { describe, expect, it } from 'vitest';
import { runLines } from '../../../cli/test_lines';
import { norm, TWO_HOPS, VETH_PAIR as VETH } from './test_topology';

/**
 * Datagrams over the MTU, as iputils 20221126, BusyBox 1.35, iproute2 6.1 and iptables 1.8.9 show them on
 * Linux 6.18 (captured in throwaway namespaces on the same kernel): fragmented by the sender, reassembled by
 * the receiver; DF per IP_MTU_DISCOVER; "fragmentation needed" from a router and the path MTU it teaches.
 */
describe('ping over a 1500-byte veth', () => {
  it('-s 3000 and -s 1473 get their replies; the counters count fragments (3 + 2 each way, and ARP)', async () => {
    const r = await runLines([
      ...VETH,
      'ip netns exec h ping -c 1 -s 3000 192.168.50.2',
      'ip netns exec h ping -c 1 -s 1473 192.168.50.2',
      'ip -s -n h link show eth0',
      'ip netns exec h ping -c 1 -s 3000 -M do 192.168.50.2',
    ]);
    const n = VETH.length;
    expect(norm(r[n]?.stdout ?? '')).toBe(
      'PING 192.168.50.2 (192.168.50.2) 3000(3028) bytes of data.\n' +
        '3008 bytes from 192.168.50.2: icmp_seq=1 ttl=64 time=<RTT> ms\n\n' +
        '--- 192.168.50.2 ping statistics ---\n' +
        '1 packets transmitted, 1 received, 0% packet loss, time <T>ms\n' +
        'rtt min/avg/max/mdev = <RTT>/<RTT>/<RTT>/<RTT> ms\n',
    );
    expect(r[n + 1]?.stdout).toMatch(/^1481 bytes from 192\.168\.50\.2: icmp_seq=1 ttl=64 /m);
    expect(r[n + 2]?.stdout.split('\n').slice(2, 6).join('\n')).toBe(
      '    RX:  bytes packets errors dropped  missed   mcast           \n' +
        '          4701       6      0       0       0       0 \n' +
        '    TX:  bytes packets errors dropped carrier collsns           \n' +
        '          4701       6      0       0       0       0 ',
    );
    expect([r[n + 3]?.stderr, r[n + 3]?.exitCode]).toEqual([
      'ping: local error: message too long, mtu=1500\n',
      1,
    ]);
  });

  it('BusyBox ping -s 3000 gets its 3008 bytes', async () => {
    const r = await runLines([...VETH, 'ip netns exec h busybox ping -c 1 -s 3000 192.168.50.2']);
    expect(r[VETH.length]?.stdout).toMatch(/^3008 bytes from 192\.168\.50\.2: seq=0 ttl=64 time=/m);
  });
});

describe('a forwarded path with a 1400-byte second hop', () => {
  it('-M do: "Frag needed and DF set (mtu = 1400)" from the router, then the learned MTU fails locally', async () => {
    const r = await runLines([
      ...TWO_HOPS,
      'ip netns exec a ping -c 2 -s 1400 -M do 10.2.0.2',
      'ip netns exec a ping -c 1 -s 1400 -M do 10.2.0.2',
    ]);
    const n = TWO_HOPS.length;
    expect(norm(r[n]?.stdout ?? '')).toBe(
      'PING 10.2.0.2 (10.2.0.2) 1400(1428) bytes of data.\n' +
        'From 10.1.0.1 icmp_seq=1 Frag needed and DF set (mtu = 1400)\n\n' +
        '--- 10.2.0.2 ping statistics ---\n' +
        '2 packets transmitted, 0 received, +2 errors, 100% packet loss, time <T>ms\n\n',
    );
    expect(r[n]?.stderr).toBe('ping: local error: message too long, mtu=1400\n');
    expect([r[n + 1]?.stderr, r[n + 1]?.exitCode]).toEqual([
      'ping: local error: message too long, mtu=1400\n',
      1,
    ]);
  });

  it('default (want): the first is lost to "Frag needed", the next is fragmented at 1400 and answered; flush cache forgets', async () => {
    const r = await runLines([
      ...TWO_HOPS,
      'ip netns exec a ping -c 2 -s 1400 10.2.0.2',
      'ip -n a route flush cache',
      'ip netns exec a ping -c 1 -s 1400 -M dont 10.2.0.2',
      'ip netns exec a busybox ping -c 1 -s 1400 10.2.0.2',
      'ip netns exec a ping -c 1 -s 3000 10.2.0.2',
    ]);
    const n = TWO_HOPS.length;
    expect(norm(r[n]?.stdout ?? '')).toBe(
      'PING 10.2.0.2 (10.2.0.2) 1400(1428) bytes of data.\n' +
        'From 10.1.0.1 icmp_seq=1 Frag needed and DF set (mtu = 1400)\n' +
        '1408 bytes from 10.2.0.2: icmp_seq=2 ttl=63 time=<RTT> ms\n\n' +
        '--- 10.2.0.2 ping statistics ---\n' +
        '2 packets transmitted, 1 received, +1 errors, 50% packet loss, time <T>ms\n' +
        'rtt min/avg/max/mdev = <RTT>/<RTT>/<RTT>/<RTT> ms\n',
    );
    // Without DF the router fragments it.
    expect(r[n + 2]?.stdout).toMatch(/^1408 bytes from 10\.2\.0\.2: icmp_seq=1 ttl=63 /m);
    // BusyBox leaves the socket's default (want): DF, and it prints nothing for the ICMP error.
    expect(r[n + 3]?.stdout).toBe(
      'PING 10.2.0.2 (10.2.0.2): 1400 data bytes\n\n' +
        '--- 10.2.0.2 ping statistics ---\n' +
        '1 packets transmitted, 0 packets received, 100% packet loss\n',
    );
    expect(r[n + 3]?.exitCode).toBe(1);
    expect(r[n + 4]?.stdout).toMatch(/^3008 bytes from 10\.2\.0\.2: icmp_seq=1 ttl=63 /m);
  });
});

describe('iptables -f on the router: the later fragments dropped', () => {
  it('-f/! -f as iptables 1.8.9 prints them; the datagram times out at c, whose ICMP ping does not report', async () => {
    const r = await runLines([
      ...TWO_HOPS,
      'ip netns exec r iptables -A FORWARD -f -j DROP',
      'ip netns exec r iptables -A FORWARD -f -p icmp',
      'ip netns exec r iptables -A FORWARD ! -f -p icmp',
      'ip netns exec r iptables -S FORWARD',
      'ip netns exec a ping -c 1 -W 40 -s 3000 10.2.0.2',
      'ip netns exec r iptables -L FORWARD -n -v -x',
    ]);
    const n = TWO_HOPS.length + 3;
    expect(r[n]?.stdout).toBe(
      '-P FORWARD ACCEPT\n-A FORWARD -f -j DROP\n-A FORWARD -p icmp -f\n-A FORWARD -p icmp ! -f\n',
    );
    // c sends "ip reassembly time exceeded" 30 s later; icmp_unreach gives it to no error queue.
    expect(norm(r[n + 1]?.stdout ?? '')).toBe(
      'PING 10.2.0.2 (10.2.0.2) 3000(3028) bytes of data.\n\n' +
        '--- 10.2.0.2 ping statistics ---\n' +
        '1 packets transmitted, 0 received, 100% packet loss, time <T>ms\n\n',
    );
    expect(r[n + 2]?.stdout.split('\n').slice(2, 5)).toEqual([
      '       2     1568 DROP       0    -f  *      *       0.0.0.0/0            0.0.0.0/0           ',
      '       0        0            1    -f  *      *       0.0.0.0/0            0.0.0.0/0           ',
      '       2     2076            1    !f  *      *       0.0.0.0/0            0.0.0.0/0           ',
    ]);
  });
});

describe('ip route get / show cache: the learned path MTU and a route mtu (iproute2 6.1 on Linux 6.18)', () => {
  it('"cache expires 597sec mtu 1400" until flush cache; a route mtu metric is reported and used', async () => {
    const r = await runLines([
      ...TWO_HOPS,
      'ip netns exec a ping -c 2 -s 1400 -M do 10.2.0.2',
      'ip -n a route get 10.2.0.2',
      'ip -j -n a route get 10.2.0.2',
      'ip -n a route show cache',
      'ip -n a route flush cache',
      'ip -n a route get 10.2.0.2',
      'ip -n a route show cache',
      'ip -n a route add 10.9.0.0/24 via 10.1.0.1 mtu 1300',
      'ip -j -n a route get 10.9.0.1',
      'ip -n a route add 10.8.0.0/24 via 10.1.0.1 mtu lock 1300',
      'ip -n a route get 10.8.0.1',
      'ip netns exec a ping -c 1 -s 1400 -M do 10.9.0.1',
    ]);
    const out = r.slice(TWO_HOPS.length + 1).map((x) => x.stdout);
    expect(out.slice(0, 6)).toEqual([
      '10.2.0.2 via 10.1.0.1 dev eth0 src 10.1.0.2 uid 0 \n    cache expires 597sec mtu 1400 \n',
      '[{"dst":"10.2.0.2","gateway":"10.1.0.1","dev":"eth0","prefsrc":"10.1.0.2","flags":[],"uid":0,"cache":[],"expires":597,"metrics":[{"mtu":1400}]}]\n',
      '10.2.0.2 via 10.1.0.1 dev eth0 \n    cache expires 597sec mtu 1400 \n',
      '',
      '10.2.0.2 via 10.1.0.1 dev eth0 src 10.1.0.2 uid 0 \n    cache \n',
      '',
    ]);
    expect(out[7]).toBe(
      '[{"dst":"10.9.0.1","gateway":"10.1.0.1","dev":"eth0","prefsrc":"10.1.0.2","flags":[],"uid":0,"cache":[],"metrics":[{"mtu":1300}]}]\n',
    );
    expect(out[9]).toBe('10.8.0.1 via 10.1.0.1 dev eth0 src 10.1.0.2 uid 0 \n    cache mtu lock 1300 \n');
    expect(r[TWO_HOPS.length + 11]?.stderr).toBe('ping: local error: message too long, mtu=1300\n');
  });
});

describe('a bridge with bridge-nf-call-iptables', () => {
  /** Namespace br with br0 (bridge-nf-call-iptables on), and a port per host namespace at 10.3.0.N. */
  const bridge = (hosts: readonly (readonly [string, string, number])[]): string[] => [
    'ip netns add br',
    'ip -n br link add br0 type bridge',
    'ip -n br link set br0 up',
    'ip netns exec br sysctl -qw net.bridge.bridge-nf-call-iptables=1',
    ...hosts.flatMap(([ns, port, n]) => [
      `ip netns add ${ns}`,
      `ip -n ${ns} link add eth0 type veth peer name ${port} netns br`,
      `ip -n br link set ${port} master br0`,
      `ip -n ${ns} addr add 10.3.0.${n}/24 dev eth0`,
      `ip -n ${ns} link set eth0 up`,
      `ip -n br link set ${port} up`,
    ]),
  ];
  const BRIDGE = [
    ...bridge([
      ['a', 'va', 2],
      ['b', 'vb', 3],
    ]),
    'ip netns exec br iptables -A FORWARD -p icmp',
    'ip netns exec br iptables -A FORWARD -p icmp --icmp-type echo-request',
  ];
  const HEAD =
    '    pkts      bytes target     prot opt in     out     source               destination         \n';
  it('FORWARD sees fragments without conntrack (the ICMP type only in the first), whole datagrams with it', async () => {
    const r = await runLines([
      ...BRIDGE,
      'ip netns exec a ping -c 1 -s 3000 10.3.0.3',
      'ip netns exec br iptables -L FORWARD -v -n -x',
      'ip netns exec br iptables -Z',
      'ip netns exec br iptables -A FORWARD -m conntrack --ctstate ESTABLISHED',
      'ip netns exec a ping -c 1 -s 3000 10.3.0.3',
      'ip netns exec br iptables -L FORWARD -v -n -x',
    ]);
    const n = BRIDGE.length;
    expect(r[n + 1]?.stdout).toBe(
      'Chain FORWARD (policy ACCEPT 0 packets, 0 bytes)\n' +
        HEAD +
        '       6     6136            1    --  *      *       0.0.0.0/0            0.0.0.0/0           \n' +
        '       1     1500            1    --  *      *       0.0.0.0/0            0.0.0.0/0            icmptype 8\n',
    );
    expect(r[n + 4]?.stdout).toMatch(/^3008 bytes from 10\.3\.0\.3: icmp_seq=1 ttl=64 /m);
    expect(r[n + 5]?.stdout).toBe(
      'Chain FORWARD (policy ACCEPT 2 packets, 6056 bytes)\n' +
        HEAD +
        '       2     6056            1    --  *      *       0.0.0.0/0            0.0.0.0/0           \n' +
        '       1     3028            1    --  *      *       0.0.0.0/0            0.0.0.0/0            icmptype 8\n' +
        '       1     3028            0    --  *      *       0.0.0.0/0            0.0.0.0/0            ctstate ESTABLISHED\n',
    );
  });

  it("a datagram for the bridge's own address counts once in its RX when conntrack reassembled it", async () => {
    const setup = [...bridge([['a', 'va', 2]]), 'ip -n br addr add 10.3.0.1/24 dev br0'];
    const r = await runLines([
      ...setup,
      'ip netns exec a ping -c 1 -s 3000 10.3.0.1',
      'ip -s -n br link show br0',
      'ip netns exec br iptables -A INPUT -m conntrack --ctstate NEW',
      'ip netns exec a ping -c 1 -s 3000 10.3.0.1',
      'ip -s -n br link show br0',
      'ip netns exec br iptables -L INPUT -v -n -x',
    ]);
    const rx = (i: number) => r[i]?.stdout.split('\n')[3];
    // ARP and three fragments, then one 3028-byte datagram more.
    const n = setup.length;
    expect([rx(n + 1), rx(n + 4)]).toEqual([
      '          3096       4      0       0       0       0 ',
      '          6124       5      0       0       0       0 ',
    ]);
    expect(r[n + 5]?.stdout.split('\n')[2]).toBe(
      '       1     3028            0    --  *      *       0.0.0.0/0            0.0.0.0/0            ctstate NEW',
    );
  });
});
