import { describe, expect, it } from 'vitest';
import { runLines } from '../../cli/test_lines';

/** Checked on Linux 6.18 / iproute2 6.1 in vx- namespaces (test/oracle-variants/addrs). */
const SETUP = [
  'ip netns add h',
  'ip netns add p',
  'ip -n h link add eth0 type veth peer name eth0 netns p',
  'ip -n h link set eth0 up',
  'ip -n p link set eth0 up',
  'ip -n h addr add 10.7.0.1/8 dev eth0 scope host',
  'ip -n h addr add 10.1.0.10/24 brd + dev eth0',
  'ip -n h addr add 10.3.0.1/32 dev eth0',
  'ip -n h addr add 10.1.0.11/24 brd + dev eth0',
  'ip -n h addr add 10.1.0.12/24 dev eth0 label eth0:1',
];

const addrs = (s: string) =>
  s
    .split('\n')
    .filter((l) => l.startsWith('    inet '))
    .map((l) => l.trim());

describe('__inet_del_ifa: deleting a primary address', () => {
  it('takes its secondaries with it when promote_secondaries is 0 (a new namespace)', async () => {
    const r = await runLines([
      ...SETUP,
      'ip netns exec h sysctl net.ipv4.conf.eth0.promote_secondaries',
      'ip -n h addr del 10.1.0.10/24 dev eth0',
      'ip netns exec h ip -4 addr show dev eth0',
      'ip netns exec h ip route',
    ]);
    const [sysctl, , show, route] = r.slice(SETUP.length);
    expect(sysctl?.stdout).toBe('net.ipv4.conf.eth0.promote_secondaries = 0\n');
    expect(addrs(show?.stdout ?? '')).toEqual([
      'inet 10.7.0.1/8 scope host eth0',
      'inet 10.3.0.1/32 scope global eth0',
    ]);
    expect(route?.stdout).toBe('10.0.0.0/8 dev eth0 proto kernel scope link src 10.7.0.1 \n');
  });

  it('promotes the first secondary after the last primary, with routes from the new primary', async () => {
    const r = await runLines([
      ...SETUP,
      'ip netns exec h sysctl -q -w net.ipv4.conf.eth0.promote_secondaries=1',
      'ip -n h addr del 10.1.0.10/24 dev eth0',
      'ip netns exec h ip -4 addr show dev eth0',
      'ip netns exec h ip route show table local dev eth0',
      'ip netns exec h ip route',
    ]);
    const [, , show, local, main] = r.slice(SETUP.length);
    expect(addrs(show?.stdout ?? '')).toEqual([
      'inet 10.7.0.1/8 scope host eth0',
      'inet 10.3.0.1/32 scope global eth0',
      'inet 10.1.0.11/24 brd 10.1.0.255 scope global eth0',
      'inet 10.1.0.12/24 scope global secondary eth0:1',
    ]);
    expect(local?.stdout).toContain('local 10.1.0.12 proto kernel scope host src 10.1.0.11 \n');
    expect(local?.stdout).toContain('broadcast 10.1.0.255 proto kernel scope link src 10.1.0.11 \n');
    expect(main?.stdout).toContain('10.1.0.0/24 dev eth0 proto kernel scope link src 10.1.0.11 \n');
  });
});

describe('point-to-point addresses (ip addr add L peer P)', () => {
  it('keep IFA_ADDRESS: a /32 route to the peer, shown as "peer" and UH in route -n', async () => {
    const r = await runLines([
      ...SETUP,
      'ip -n h addr add 10.5.0.1 peer 10.5.0.2 dev eth0',
      'ip netns exec h ip -4 addr show to 10.5.0.1',
      'ip netns exec h ip route get 10.5.0.2',
      'ip netns exec h route -n',
    ]);
    const [, show, get, routeN] = r.slice(SETUP.length);
    expect(addrs(show?.stdout ?? '')).toEqual(['inet 10.5.0.1 peer 10.5.0.2/32 scope global eth0']);
    expect(get?.stdout).toBe('10.5.0.2 dev eth0 src 10.5.0.1 uid 0 \n    cache \n');
    expect(routeN?.stdout).toContain(
      '10.5.0.2        0.0.0.0         255.255.255.255 UH    0      0        0 eth0\n',
    );
  });
});
