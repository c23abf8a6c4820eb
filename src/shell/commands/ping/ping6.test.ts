import { describe, expect, it } from 'vitest';
import { runLines } from '../../../cli/test_lines';
import { norm } from './test_topology';

/** A router r (forwarding) between host a (fd00:1::/64, on a bridge) and host b (fd00:2::/64). */
const TOPO6: readonly string[] = [
  'ip netns add r',
  'ip netns add a',
  'ip netns add b',
  'ip -n r link set lo up',
  'ip -n a link set lo up',
  'ip -n b link set lo up',
  'ip -n r link add br0 type bridge',
  'ip -n r link add pa type veth peer name eth0 netns a',
  'ip -n r link add eth1 type veth peer name eth0 netns b',
  'ip -n a link set eth0 address 52:54:00:66:01:02',
  'ip -n r link set eth1 address 52:54:00:66:02:01',
  'ip -n r link set pa master br0',
  'ip -n r addr add fd00:1::1/64 dev br0',
  'ip -n r addr add fd00:2::1/64 dev eth1',
  'ip -n a addr add fd00:1::2/64 dev eth0',
  'ip -n b addr add fd00:2::2/64 dev eth0',
  'ip -n r link set br0 up',
  'ip -n r link set pa up',
  'ip -n r link set eth1 up',
  'ip -n a link set eth0 up',
  'ip -n b link set eth0 up',
  'sleep 3',
  'ip -n a -6 route add default via fd00:1::1',
  'ip -n b -6 route add default via fd00:2::1',
  'ip netns exec r sysctl -q -w net.ipv6.conf.all.forwarding=1',
];

async function run(lines: string[]) {
  const r = await runLines([...TOPO6, ...lines]);
  return r.slice(TOPO6.length).map((o) => ({ ...o, stdout: norm(o.stdout) }));
}

describe('ping to IPv6 addresses', () => {
  it('is forwarded by the router with the hop limit decremented; ND leaves router entries', async () => {
    const [p, n, nb] = await run([
      'ip netns exec a ping -c 2 fd00:2::2',
      'ip -n a -6 neigh show to fd00::/16',
      'ip -n b -6 neigh show to fd00::/16',
    ]);
    expect(p).toMatchObject({
      stdout:
        'PING fd00:2::2(fd00:2::2) 56 data bytes\n' +
        '64 bytes from fd00:2::2: icmp_seq=1 ttl=63 time=<RTT> ms\n' +
        '64 bytes from fd00:2::2: icmp_seq=2 ttl=63 time=<RTT> ms\n' +
        '\n--- fd00:2::2 ping statistics ---\n' +
        '2 packets transmitted, 2 received, 0% packet loss, time <T>ms\n' +
        'rtt min/avg/max/mdev = <RTT>/<RTT>/<RTT>/<RTT> ms\n',
      exitCode: 0,
    });
    // The router answered the solicitations with the Router flag (forwarding on).
    expect(n?.stdout).toMatch(/^fd00:1::1 dev eth0 lladdr [0-9a-f:]{17} router REACHABLE \n$/);
    expect(nb?.stdout).toBe('fd00:2::1 dev eth0 lladdr 52:54:00:66:02:01 router REACHABLE \n');
  });

  it('answers on ::1 and reports an unanswered neighbour and a missing route', async () => {
    const [lo, absent, noroute, unreach] = await run([
      'ip netns exec a ping -c 1 ::1',
      'ip netns exec a ping -c 1 -W 5 fd00:1::99',
      'ip netns exec a ping -c 1 fd00:3::1',
      'ip netns exec r ping -c 1 fd00:3::1',
    ]);
    expect(lo?.stdout).toContain('64 bytes from ::1: icmp_seq=1 ttl=64 time=<RTT> ms\n');
    expect(absent).toMatchObject({
      stdout:
        'PING fd00:1::99(fd00:1::99) 56 data bytes\n' +
        'From fd00:1::2 icmp_seq=1 Destination unreachable: Address unreachable\n' +
        '\n--- fd00:1::99 ping statistics ---\n' +
        '1 packets transmitted, 0 received, +1 errors, 100% packet loss, time <T>ms\n\n',
      exitCode: 1,
    });
    expect(noroute?.stdout).toContain('From fd00:1::1 icmp_seq=1 Destination unreachable: No route\n');
    expect(unreach).toMatchObject({ stderr: 'ping: connect: Network is unreachable\n', exitCode: 2 });
  });

  it('BusyBox ping reads ICMPv6 echo replies', async () => {
    const [p] = await run(['ip netns exec b busybox ping -c 1 fd00:1::2']);
    expect(p?.stdout).toBe(
      'PING fd00:1::2 (fd00:1::2): 56 data bytes\n' +
        '64 bytes from fd00:1::2: seq=0 ttl=63 time=<RTT> ms\n' +
        '\n--- fd00:1::2 ping statistics ---\n' +
        '1 packets transmitted, 1 packets received, 0% packet loss\n' +
        'round-trip min/avg/max = <RTT>/<RTT>/<RTT> ms\n',
    );
  });
});

describe('ip -6 route', () => {
  it('adds static routes through a reachable gateway and refuses the others as the kernel does', async () => {
    const out = await run([
      'ip -n r -6 route add fd00:99::/64 via fd00:2::2',
      'ip -n r -6 route add fd00:99::/64 via fd00:2::2',
      'ip -n r -6 route add fd00:98::/64 via fd00:77::1',
      'ip -n r -6 route del fd00:97::/64',
      'ip -n r -6 route del default',
      'ip -n r -6 route add fd00:96::/48 dev eth1 metric 7 table 100',
      'ip -n r -6 route show table all',
    ]);
    expect(out.map((o) => o.stderr)).toEqual([
      '',
      'RTNETLINK answers: File exists\n',
      'RTNETLINK answers: No route to host\n',
      'RTNETLINK answers: No such process\n',
      'RTNETLINK answers: No such file or directory\n',
      '',
      '',
    ]);
    const all = out[6]?.stdout ?? '';
    expect(all.split('\n')[0]).toBe('fd00:96::/48 dev eth1 table 100 metric 7 pref medium');
    expect(all).toContain('fd00:99::/64 via fd00:2::2 dev eth1 metric 1024 pref medium\n');
    expect(all).toContain('anycast fd00:2:: dev eth1 table local proto kernel metric 0 pref medium\n');
  });
});
