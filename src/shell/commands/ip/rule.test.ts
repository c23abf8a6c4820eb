import { describe, expect, it } from 'vitest';
import { runLines } from '../../../cli/test_lines';

/** Checked on Linux 6.18 / iproute2 6.1 in vx- namespaces (test/oracle-variants/routes). */
const SETUP = [
  'ip netns add r',
  'ip -n r link add eth0 type veth peer name p0',
  'ip -n r link set eth0 up',
  'ip -n r link set p0 up',
  'ip -n r addr add 10.1.0.1/24 dev eth0',
];

describe('ip rule', () => {
  it("lists rules in priority order; a rule without a priority takes the second rule's minus one", async () => {
    const r = await runLines([
      ...SETUP,
      'ip -n r rule add from 10.1.0.0/24 to 10.94.0.0/16 table 100',
      'ip -n r rule add to 10.93.0.0/16 table 200 priority 500',
      'ip -n r rule add from 10.1.0.99 prohibit',
      'ip -n r rule add oif nosuch0 table main',
      'ip netns exec r ip rule',
      'ip netns exec r ip -j rule',
      'ip -n r rule del from 10.1.0.0/24 table 7',
      'ip -n r rule add from 10.1.0.0/24 table nosuch',
    ]);
    const [, , , , show, json, del, bad] = r.slice(SETUP.length);
    expect(show?.stdout).toBe(
      '0:\tfrom all lookup local\n' +
        '498:\tfrom all oif nosuch0 [detached] lookup main\n' +
        '499:\tfrom 10.1.0.99 prohibit\n' +
        '500:\tfrom all to 10.93.0.0/16 lookup 200\n' +
        '32765:\tfrom 10.1.0.0/24 to 10.94.0.0/16 lookup 100\n' +
        '32766:\tfrom all lookup main\n' +
        '32767:\tfrom all lookup default\n',
    );
    expect(json?.stdout).toContain(
      '{"priority":500,"src":"all","dst":"10.93.0.0","dstlen":16,"table":"200"}',
    );
    expect(del?.stderr).toBe('RTNETLINK answers: No such file or directory\n');
    expect(del?.exitCode).toBe(2);
    expect(bad?.stderr).toBe('Error: argument "nosuch" is wrong: invalid table ID\n\n');
    expect(bad?.exitCode).toBe(255);
  });

  it('selects the table of a lookup; once rules changed, route get names the table (fib_unmerge)', async () => {
    const r = await runLines([
      ...SETUP,
      'ip netns exec r ip route get 10.1.0.1',
      'ip -n r route add 10.94.0.0/16 via 10.1.0.2 table 100',
      'ip -n r rule add to 10.94.0.0/16 table 100',
      'ip netns exec r ip route get 10.94.1.1',
      'ip netns exec r ip route get 10.1.0.1',
      'ip -n r rule flush',
      'ip netns exec r ip rule',
    ]);
    const [before, , , get, local, , flushed] = r.slice(SETUP.length);
    expect(before?.stdout).toBe('local 10.1.0.1 dev lo src 10.1.0.1 uid 0 \n    cache <local> \n');
    expect(get?.stdout).toBe('10.94.1.1 via 10.1.0.2 dev eth0 table 100 src 10.1.0.1 uid 0 \n    cache \n');
    expect(local?.stdout).toBe('local 10.1.0.1 dev lo table local src 10.1.0.1 uid 0 \n    cache <local> \n');
    expect(flushed?.stdout).toBe('0:\tfrom all lookup local\n');
  });
});

describe('route metrics', () => {
  it('prints RTA_METRICS in RTAX order and feeds /proc/net/route MTU (advmss + 40) and Window', async () => {
    const r = await runLines([
      ...SETUP,
      'ip -n r route add 10.5.0.0/16 via 10.1.0.2 mtu lock 1300 advmss 1200 window 5000',
      'ip -n r route add 10.6.0.0/16 dev eth0 mtu 1400 metric 3',
      'ip netns exec r ip route',
      'ip netns exec r ip -j route show 10.5.0.0/16',
      'ip netns exec r netstat -rn',
    ]);
    const [, , show, json, netstat] = r.slice(SETUP.length);
    expect(show?.stdout).toBe(
      '10.1.0.0/24 dev eth0 proto kernel scope link src 10.1.0.1 \n' +
        '10.5.0.0/16 via 10.1.0.2 dev eth0 mtu lock 1300 window 5000 advmss 1200 \n' +
        '10.6.0.0/16 dev eth0 scope link metric 3 mtu 1400 \n',
    );
    expect(json?.stdout).toContain('"metrics":[{"mtu":1300,"window":5000,"advmss":1200}]');
    expect(netstat?.stdout).toContain(
      '10.5.0.0        10.1.0.2        255.255.0.0     UG     1240 5000       0 eth0\n',
    );
  });
});

describe('rule actions', () => {
  it('answer with their own errors: unreachable ENETUNREACH, prohibit EACCES, blackhole EINVAL', async () => {
    const r = await runLines([
      ...SETUP,
      'ip -n r rule add to 10.77.0.0/16 unreachable',
      'ip -n r rule add to 10.78.0.0/16 prohibit',
      'ip -n r rule add to 10.79.0.0/16 blackhole',
      'ip netns exec r ip route get 10.77.0.1',
      'ip netns exec r ping -c 1 -W 1 10.77.0.1',
      'ip netns exec r ip route get 10.78.0.1',
      'ip netns exec r ip route get 10.79.0.1',
    ]);
    const [, , , net, ping, acc, inval] = r.slice(SETUP.length);
    expect(net?.stderr).toBe('RTNETLINK answers: Network is unreachable\n');
    expect(ping?.stderr).toBe('ping: connect: Network is unreachable\n');
    expect(acc?.stderr).toBe('RTNETLINK answers: Permission denied\n');
    expect(inval?.stderr).toBe('RTNETLINK answers: Invalid argument\n');
  });
});
