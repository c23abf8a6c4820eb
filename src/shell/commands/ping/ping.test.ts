import { describe, expect, it } from 'vitest';
import { runLines } from '../../../cli/test_lines';
import { fmtFinish, fmtG, fmtTripTime } from './iputils_fmt';
import { norm, TOPO } from './test_topology';

async function run(lines: string[]) {
  const r = await runLines([...TOPO, ...lines]);
  return r.slice(TOPO.length).map((o) => ({ ...o, stdout: norm(o.stdout) }));
}

describe('iputils ping', () => {
  it('pings a neighbour on the bridge: sequence from 1, ttl 64, statistics with rtt', async () => {
    const [r] = await run(['ip netns exec a ping -c 3 -W 1 10.1.0.3']);
    expect(r).toEqual({
      line: 'ip netns exec a ping -c 3 -W 1 10.1.0.3',
      stdout:
        'PING 10.1.0.3 (10.1.0.3) 56(84) bytes of data.\n' +
        '64 bytes from 10.1.0.3: icmp_seq=1 ttl=64 time=<RTT> ms\n' +
        '64 bytes from 10.1.0.3: icmp_seq=2 ttl=64 time=<RTT> ms\n' +
        '64 bytes from 10.1.0.3: icmp_seq=3 ttl=64 time=<RTT> ms\n' +
        '\n--- 10.1.0.3 ping statistics ---\n' +
        '3 packets transmitted, 3 received, 0% packet loss, time <T>ms\n' +
        'rtt min/avg/max/mdev = <RTT>/<RTT>/<RTT>/<RTT> ms\n',
      stderr: '',
      exitCode: 0,
    });
  });

  it('reports the unanswered ARP of a silent address: 3 errors with -c 5 -W 1, pipe 4, exit 1', async () => {
    // The sleeps let each run's late ARP failure pass before the next ping starts listening.
    const [r3, , r5, , r4] = await run([
      'ip netns exec a ping -c 3 -W 1 10.1.0.99',
      'sleep 1',
      'ip netns exec a ping -c 5 -W 1 10.1.0.98',
      'sleep 4',
      'ip netns exec a ping -c 4 10.1.0.97',
    ]);
    expect(r3?.stdout).toBe(
      'PING 10.1.0.99 (10.1.0.99) 56(84) bytes of data.\n\n--- 10.1.0.99 ping statistics ---\n3 packets transmitted, 0 received, 100% packet loss, time <T>ms\n\n',
    );
    expect(r5?.stdout).toBe(
      'PING 10.1.0.98 (10.1.0.98) 56(84) bytes of data.\n' +
        'From 10.1.0.2 icmp_seq=1 Destination Host Unreachable\n' +
        'From 10.1.0.2 icmp_seq=2 Destination Host Unreachable\n' +
        'From 10.1.0.2 icmp_seq=3 Destination Host Unreachable\n' +
        '\n--- 10.1.0.98 ping statistics ---\n' +
        '5 packets transmitted, 0 received, +3 errors, 100% packet loss, time <T>ms\npipe 4\n',
    );
    expect(r4?.stdout).toContain('From 10.1.0.2 icmp_seq=4 Destination Host Unreachable\n');
    expect(r4?.stdout).toContain('4 packets transmitted, 0 received, +4 errors, 100% packet loss');
    expect([r3?.exitCode, r5?.exitCode, r4?.exitCode]).toEqual([1, 1, 1]);
  });

  it('fails to connect without a route (exit 2) and names the loopback through /etc/hosts', async () => {
    const [none, lo] = await run([
      'ip netns exec n ping -c 1 10.1.0.2',
      'ip netns exec n ping -c 1 localhost',
    ]);
    expect(none).toMatchObject({
      stdout: '',
      stderr: 'ping: connect: Network is unreachable\n',
      exitCode: 2,
    });
    expect(lo?.stdout).toBe(
      'PING localhost (127.0.0.1) 56(84) bytes of data.\n' +
        '64 bytes from localhost (127.0.0.1): icmp_seq=1 ttl=64 time=<RTT> ms\n' +
        '\n--- localhost ping statistics ---\n' +
        '1 packets transmitted, 1 received, 0% packet loss, time <T>ms\n' +
        'rtt min/avg/max/mdev = <RTT>/<RTT>/<RTT>/<RTT> ms\n',
    );
  });

  it('prints TTL expiry, small packets without times, and the usage errors of the real tool', async () => {
    const r = await run([
      'ip netns exec h sysctl -q -w net.ipv4.ip_forward=1',
      'ip -n h route add 10.9.0.0/24 dev br0',
      'ip netns exec a ping -c 1 -t 1 10.9.0.5',
      'ip netns exec a ping -c 1 -s 10 10.1.0.3',
      'ip netns exec a ping',
      'ip netns exec a ping -c 0 10.1.0.3',
      'ip netns exec a ping -Z 10.1.0.3',
    ]);
    const [ttl, small, noarg, zero, bad] = r.slice(2);
    expect(ttl).toMatchObject({
      stdout:
        'PING 10.9.0.5 (10.9.0.5) 56(84) bytes of data.\nFrom 10.1.0.1 icmp_seq=1 Time to live exceeded\n\n--- 10.9.0.5 ping statistics ---\n' +
        '1 packets transmitted, 0 received, +1 errors, 100% packet loss, time <T>ms\n\n',
      exitCode: 1,
    });
    expect(small?.stdout).toBe(
      'PING 10.1.0.3 (10.1.0.3) 10(38) bytes of data.\n18 bytes from 10.1.0.3: icmp_seq=1 ttl=64\n\n--- 10.1.0.3 ping statistics ---\n1 packets transmitted, 1 received, 0% packet loss, time <T>ms\n\n',
    );
    expect(noarg).toMatchObject({ stderr: 'ping: usage error: Destination address required\n', exitCode: 1 });
    expect(zero).toMatchObject({
      stderr: "ping: invalid argument: '0': out of range: 1 <= value <= 9223372036854775807\n",
      exitCode: 1,
    });
    expect(
      bad?.stderr.startsWith("ping: invalid option -- 'Z'\n\nUsage\n  ping [options] <destination>\n"),
    ).toBe(true);
    expect(bad?.exitCode).toBe(2);
  });
});

describe('busybox ping', () => {
  it('counts from seq=0, ignores ICMP errors, and dies on sendto errors after the PING line', async () => {
    const [ok, silent, none] = await run([
      'ip netns exec a busybox ping -c 2 10.1.0.1',
      'ip netns exec a busybox ping -c 5 -W 1 10.1.0.99',
      'ip netns exec n busybox ping -c 1 10.1.0.2',
    ]);
    expect(ok?.stdout).toBe(
      'PING 10.1.0.1 (10.1.0.1): 56 data bytes\n' +
        '64 bytes from 10.1.0.1: seq=0 ttl=64 time=<RTT> ms\n' +
        '64 bytes from 10.1.0.1: seq=1 ttl=64 time=<RTT> ms\n' +
        '\n--- 10.1.0.1 ping statistics ---\n2 packets transmitted, 2 packets received, 0% packet loss\n' +
        'round-trip min/avg/max = <RTT>/<RTT>/<RTT> ms\n',
    );
    expect(silent).toMatchObject({
      stdout:
        'PING 10.1.0.99 (10.1.0.99): 56 data bytes\n\n--- 10.1.0.99 ping statistics ---\n5 packets transmitted, 0 packets received, 100% packet loss\n',
      exitCode: 1,
    });
    expect(none).toMatchObject({
      stdout: 'PING 10.1.0.2 (10.1.0.2): 56 data bytes\n',
      stderr: 'ping: sendto: Network is unreachable\n',
      exitCode: 1,
    });
  });

  it('says bad address for names it cannot resolve', async () => {
    const [r] = await run(['ip netns exec a busybox ping -c 1 web']);
    expect(r).toMatchObject({ stdout: '', stderr: "ping: bad address 'web'\n", exitCode: 1 });
  });
});

describe('iputils formats', () => {
  it('prints round-trip times with the precision ping uses', () => {
    expect(fmtTripTime(85)).toBe('0.085 ms');
    expect(fmtTripTime(1234)).toBe('1.23 ms');
    expect(fmtTripTime(12345)).toBe('12.3 ms');
    expect(fmtTripTime(123456)).toBe('123 ms');
  });
  it('prints the loss percentage with %g', () => {
    expect(fmtG(0)).toBe('0');
    expect(fmtG(100)).toBe('100');
    expect(fmtG(100 / 3)).toBe('33.3333');
    expect(fmtG(200 / 3)).toBe('66.6667');
  });
  it('computes mdev as iputils does (llsqrt of the truncated variance)', () => {
    const t = [109, 105, 82];
    const out = fmtFinish({
      hostname: 'x',
      ntransmitted: 3,
      nreceived: 3,
      nrepeats: 0,
      nerrors: 0,
      elapsedUs: 2_038_400,
      timing: true,
      tsum: t.reduce((a, b) => a + b, 0),
      tsum2: t.reduce((a, b) => a + b * b, 0),
      tmin: 82,
      tmax: 109,
      pipesize: 1,
      ipg: { show: false, rtt: 0 },
    });
    expect(out).toBe(
      '\n--- x ping statistics ---\n3 packets transmitted, 3 received, 0% packet loss, time 2038ms\nrtt min/avg/max/mdev = 0.082/0.098/0.109/0.011 ms\n',
    );
  });
});
