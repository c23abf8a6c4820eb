/**
 * No line runs forever: a routing loop ends by TTL (ICMP time exceeded, as on the real kernel), a bridge loop
 * without STP is cut by the per-line event budget with a message, and shell loops by just-bash's limits. After
 * each the app works on (the next line runs, the invariants hold).
 */
import { describe, expect, it } from 'vitest';
import { dockerInvariantViolations } from '../docker';
import { kernelInvariantViolations } from '../kernel';
import { Scenario } from './scenario';

async function healthy(net: Scenario): Promise<void> {
  const r = await net.run('ip -br link show lo');
  expect(r).toEqual({
    stdout: 'lo               UNKNOWN        00:00:00:00:00:00 <LOOPBACK,UP,LOWER_UP> \n',
    stderr: '',
    exitCode: 0,
  });
  expect(kernelInvariantViolations(net.sim.world.kernel)).toEqual([]);
  expect(dockerInvariantViolations(net.sim.world.docker, net.sim.world.kernel)).toEqual([]);
}

describe('no hang', () => {
  it('a routing loop ends by TTL: the sender hears time exceeded from the router the TTL ran out at', async () => {
    // c -> a -> b -> a -> ...: a and b send each other everything (default routes at each other, forwarding
    // on). Checked on Linux 6.18 in scratch namespaces: the same lines and exit code 1. (Pinged from a itself,
    // Linux drops the looped packet as a martian: its source is a's own address.)
    const net = await Scenario.start(4);
    await net.runAll([
      'ip netns add a',
      'ip netns add b',
      'ip netns add c',
      'ip link add va type veth peer name vb',
      'ip link add vc type veth peer name vac',
      'ip link set va netns a',
      'ip link set vb netns b',
      'ip link set vc netns c',
      'ip link set vac netns a',
      'ip -n a addr add 10.0.0.1/24 dev va',
      'ip -n b addr add 10.0.0.2/24 dev vb',
      'ip -n a addr add 10.0.1.1/24 dev vac',
      'ip -n c addr add 10.0.1.2/24 dev vc',
      'ip -n a link set va up',
      'ip -n b link set vb up',
      'ip -n a link set vac up',
      'ip -n c link set vc up',
      'ip -n a route add default via 10.0.0.2',
      'ip -n b route add default via 10.0.0.1',
      'ip -n c route add default via 10.0.1.1',
      'ip netns exec a sysctl -qw net.ipv4.ip_forward=1',
      'ip netns exec b sysctl -qw net.ipv4.ip_forward=1',
    ]);
    const r = await net.run('ip netns exec c ping -c 2 8.8.8.8');
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toMatch(
      /^PING 8\.8\.8\.8 \(8\.8\.8\.8\) 56\(84\) bytes of data\.\nFrom 10\.0\.0\.2 icmp_seq=1 Time to live exceeded\nFrom 10\.0\.0\.2 icmp_seq=2 Time to live exceeded\n\n--- 8\.8\.8\.8 ping statistics ---\n2 packets transmitted, 0 received, \+2 errors, 100% packet loss, time 100\dms\n\n$/,
    );
    const t5 = await net.run('ip netns exec c ping -c 1 -t 5 8.8.8.8');
    expect(t5.stdout).toContain('\nFrom 10.0.1.1 icmp_seq=1 Time to live exceeded\n');
    await healthy(net);
  });

  it('pinged from one of the two routers, the looped packet comes back to its sender, which drops it as a martian', async () => {
    const net = await Scenario.start(4);
    await net.runAll([
      'ip netns add a',
      'ip netns add b',
      'ip link add va type veth peer name vb',
      'ip link set va netns a',
      'ip link set vb netns b',
      'ip -n a addr add 10.0.0.1/24 dev va',
      'ip -n b addr add 10.0.0.2/24 dev vb',
      'ip -n a link set va up',
      'ip -n b link set vb up',
      'ip -n a route add default via 10.0.0.2',
      'ip -n b route add default via 10.0.0.1',
      'ip netns exec a sysctl -qw net.ipv4.ip_forward=1',
      'ip netns exec b sysctl -qw net.ipv4.ip_forward=1',
    ]);
    // Linux 6.18 prints the same statistics (and, not simulated yet, b's ICMP redirect to a).
    let out = '';
    const r = await net.sim.run(net.terminal, 'ip netns exec a ping -c 1 -t 5 8.8.8.8', {
      out: (s) => (out += s),
    });
    expect(r.exitCode).toBe(1);
    expect(out).toContain('1 packets transmitted, 0 received, 100% packet loss');
    const drops = r.trace.flatMap((e) => (e.kind === 'kfree_skb' ? [`${e.reason}: ${e.detail}`] : []));
    expect(drops).toEqual([
      'IP_INVALID_SOURCE: 8.8.8.8: martian source 10.0.0.1 from va: the address is ours',
    ]);
    await healthy(net);
  });

  it('a bridge loop (two bridges joined twice, no STP) is cut by the event budget with a message', async () => {
    const net = await Scenario.start(4);
    await net.runAll([
      'ip link add br1 type bridge',
      'ip link add br2 type bridge',
      'ip link add a1 type veth peer name b1',
      'ip link add a2 type veth peer name b2',
      'ip link set a1 master br1',
      'ip link set a2 master br1',
      'ip link set b1 master br2',
      'ip link set b2 master br2',
      'ip link set a1 up',
      'ip link set a2 up',
      'ip link set b1 up',
      'ip link set b2 up',
      'ip link set br1 up',
      'ip link set br2 up',
      'ip addr add 10.5.0.1/24 dev br1',
    ]);
    // The ARP request for 10.5.0.9 goes round and round.
    const r = await net.run('ping -c 1 -W 1 10.5.0.9');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe(
      'playground: this line stopped after 10000 packet deliveries and dropped the packets still in flight ' +
        '(a loop? without STP a bridge loop forwards broadcasts forever)\n',
    );
    expect(net.sim.world.kernel.queue.filter((e) => e.kind === 'rx')).toEqual([]);
    await healthy(net);
  }, 60_000);

  it('shell loops stop at just-bash limits with a message, and the shell goes on', async () => {
    const net = await Scenario.start(4);
    expect(await net.run('while true; do :; done')).toEqual({
      stdout: '',
      stderr: 'bash: too many commands executed (>10000); the playground stops a line there\n',
      exitCode: 126,
    });
    expect(await net.run('for i in $(seq 1000000000); do :; done')).toEqual({
      stdout: '',
      stderr: 'bash: seq: iteration limit exceeded (10000)\n',
      exitCode: 126,
    });
    expect((await net.run('f() { f; }; f')).stderr).toBe(
      'bash: f: maximum recursion depth (100) exceeded; the playground stops a line there\n',
    );
    // A loop of simulated commands is capped as well (each pass costs more than `:`).
    const loop = await net.run('while true; do hostname > /dev/null; done');
    expect(loop.exitCode).toBe(126);
    await healthy(net);
  }, 60_000);
});
