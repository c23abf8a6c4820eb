import { describe, expect, it } from 'vitest';
import { runLines } from '../../../cli/test_lines';
import { norm, TWO_HOPS } from '../ping/test_topology';

/**
 * 1450-byte probes through a router whose next hop has MTU 1400, as traceroute 2.1 and BusyBox 1.35 trace
 * it on Linux 6.18: GNU traceroute sends without DF (IP_PMTUDISC_DONT) unless -F, so its probes are
 * fragmented and arrive; BusyBox leaves the socket's default (DF when it fits), and the router's
 * "fragmentation needed" ends the trace with !F-<next-hop MTU>.
 */
describe('traceroute over a smaller MTU', () => {
  it('GNU default: fragmented, reaches c; BusyBox: !F-1400 from the router', async () => {
    const r = await runLines([
      ...TWO_HOPS,
      'ip netns exec a traceroute -n -q 1 -w 1 10.2.0.2 1450',
      'ip netns exec a busybox traceroute -n -q 1 -w 1 10.2.0.2 1450',
    ]);
    const n = TWO_HOPS.length;
    expect(norm(r[n]?.stdout ?? '')).toBe(
      'traceroute to 10.2.0.2 (10.2.0.2), 30 hops max, 1450 byte packets\n' +
        ' 1  10.1.0.1  <RTT> ms\n' +
        ' 2  10.2.0.2  <RTT> ms\n',
    );
    expect(norm(r[n + 1]?.stdout ?? '')).toBe(
      'traceroute to 10.2.0.2 (10.2.0.2), 30 hops max, 1450 byte packets\n' +
        ' 1  10.1.0.1  <RTT> ms\n' +
        ' 2  10.1.0.1  <RTT> ms !F-1400\n',
    );
  });
  it('GNU -F: DF set, !F-1400 with the MTU from the error queue', async () => {
    const r = await runLines([...TWO_HOPS, 'ip netns exec a traceroute -F -n -q 1 -w 1 10.2.0.2 1450']);
    expect(norm(r[TWO_HOPS.length]?.stdout ?? '')).toBe(
      'traceroute to 10.2.0.2 (10.2.0.2), 30 hops max, 1450 byte packets\n' +
        ' 1  10.1.0.1  <RTT> ms\n' +
        ' 2  10.1.0.1  <RTT> ms !F-1400\n',
    );
  });
});
