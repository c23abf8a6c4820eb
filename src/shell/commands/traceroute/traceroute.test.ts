import { describe, expect, it } from 'vitest';
import { runLines } from '../../../cli/test_lines';
import { norm, TOPO } from '../ping/test_topology';

async function run(lines: string[]) {
  const r = await runLines([
    ...TOPO,
    'ip netns exec h sysctl -q -w net.ipv4.ip_forward=1',
    'ip -n h route add 10.9.0.0/24 dev br0',
    ...lines,
  ]);
  return r.slice(TOPO.length + 2).map((o) => ({ ...o, stdout: norm(o.stdout) }));
}

describe('Debian traceroute 2.1.2', () => {
  it('traces to a neighbour: one hop, three probes, names in parentheses without -n', async () => {
    // b answers only 6 of the first run's 16 probes at once (its ICMP rate limit): let its bucket refill.
    const [n, , named] = await run([
      'ip netns exec a traceroute -n 10.1.0.3',
      'sleep 6',
      'ip netns exec a traceroute -q 1 10.1.0.3',
    ]);
    expect(n?.stdout).toBe(
      'traceroute to 10.1.0.3 (10.1.0.3), 30 hops max, 60 byte packets\n 1  10.1.0.3  <RTT> ms  <RTT> ms  <RTT> ms\n',
    );
    expect(named?.stdout).toBe(
      'traceroute to 10.1.0.3 (10.1.0.3), 30 hops max, 60 byte packets\n 1  10.1.0.3 (10.1.0.3)  <RTT> ms\n',
    );
  });

  it('shows the router as hop 1 (time exceeded), then as !H once its ARP for the destination fails', async () => {
    const [r] = await run(['ip netns exec a traceroute -n -q 1 -N 1 -m 3 10.9.0.5']);
    expect(r?.stdout).toBe(
      'traceroute to 10.9.0.5 (10.9.0.5), 3 hops max, 60 byte packets\n 1  10.1.0.1  <RTT> ms\n 2  10.1.0.1  <RTT> ms !H\n',
    );
  });

  it('answers bad command lines as CLIF does', async () => {
    const [q, z, m] = await run([
      'ip netns exec a traceroute -q 11 10.1.0.3',
      'ip netns exec a traceroute -Z 10.1.0.3',
      'ip netns exec a traceroute -m x 10.1.0.3',
    ]);
    expect(q).toMatchObject({ stderr: 'no more than 10 probes per hop\n', exitCode: 2 });
    expect(z).toMatchObject({ stderr: "Bad option `-Z' (argc 1)\n", exitCode: 2 });
    expect(m).toMatchObject({ stderr: "Cannot handle `-m' option with arg `x' (argc 2)\n", exitCode: 2 });
  });
});

describe('BusyBox traceroute', () => {
  it('stops at the destination that answers port unreachable', async () => {
    const [r] = await run(['ip netns exec a busybox traceroute -n -w 1 -q 1 -m 3 10.1.0.3']);
    expect(r?.stdout).toBe(
      'traceroute to 10.1.0.3 (10.1.0.3), 3 hops max, 46 byte packets\n 1  10.1.0.3  <RTT> ms\n',
    );
  });
});
