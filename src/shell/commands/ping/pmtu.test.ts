import { describe, expect, it } from 'vitest';
import { runLines } from '../../../cli/test_lines';
import { VETH_PAIR } from './test_topology';

/** iputils 20221126 on Linux 6.18 (test/oracle-variants/neighlink). */
describe('ping -M', () => {
  const setup = [...VETH_PAIR, 'ip -n h link set eth0 mtu 1400'];
  it('-M do over the MTU: EMSGSIZE reported from the error queue, +1 errors, exit 1', async () => {
    const r = await runLines([...setup, 'ip netns exec h ping -c 1 -W 1 -s 1400 -M do 192.168.50.2']);
    const p = r[setup.length];
    expect(p?.stderr).toBe('ping: local error: message too long, mtu=1400\n');
    expect(p?.stdout).toMatch(
      /^1 packets transmitted, 0 received, \+1 errors, 100% packet loss, time \d+ms$/m,
    );
    expect(p?.exitCode).toBe(1);
  });
  it('rejects an unknown -M value (probe too: iputils 20221126 has do, dont, want)', async () => {
    const r = await runLines(['ping -M bogus 127.0.0.1', 'ping -c 1 -M probe 127.0.0.1']);
    expect([r[0]?.stderr, r[0]?.exitCode]).toEqual(['ping: invalid -M argument: bogus\n', 2]);
    expect([r[1]?.stdout, r[1]?.stderr, r[1]?.exitCode]).toEqual([
      '',
      'ping: invalid -M argument: probe\n',
      2,
    ]);
  });
});

/**
 * Datagrams over 64 KB (raw_sendmsg's 0xFFFF limit, __ip_append_data's IP_MAX_MTU), as iputils 20221126 and
 * BusyBox 1.35 print them on Linux 6.18 (captured in throwaway namespaces).
 */
describe('ping -s past the largest IP datagram', () => {
  const stats = (tx: number, errors: string) =>
    `\n--- 127.0.0.1 ping statistics ---\n${tx} packets transmitted, 0 received, ${errors}100% packet loss, time 0ms\n\n`;
  it('iputils: a datagram over 65535 bytes is a local error carrying the path MTU (loopback: 65535), +1 errors', async () => {
    const r = await runLines(['ping -c 1 -s 65508 127.0.0.1', 'ping -c 1 -M dont -s 65516 127.0.0.1']);
    for (const [p, size] of [
      [r[0], 65508],
      [r[1], 65516],
    ] as const) {
      expect(p?.stdout).toBe(
        `PING 127.0.0.1 (127.0.0.1) ${size}(${size + 28}) bytes of data.\n${stats(1, '+1 errors, ')}`,
      );
      expect(p?.stderr).toBe('ping: local error: message too long, mtu=65535\n');
      expect(p?.exitCode).toBe(1);
    }
  });
  it('iputils: with -q the error is neither printed nor counted', async () => {
    const [p] = await runLines(['ping -c 1 -q -s 65508 127.0.0.1']);
    expect([p?.stdout, p?.stderr, p?.exitCode]).toEqual([
      `PING 127.0.0.1 (127.0.0.1) 65508(65536) bytes of data.\n${stats(1, '')}`,
      '',
      1,
    ]);
  });
  it('iputils: a buffer over 0xFFFF bytes fails in sendmsg with nothing queued: no message, no error counted', async () => {
    const r = await runLines(['ping -c 1 -s 65535 127.0.0.1', 'ping -c 1 -s 70000 127.0.0.1']);
    for (const [p, size] of [
      [r[0], 65535],
      [r[1], 70000],
    ] as const)
      expect([p?.stdout, p?.stderr, p?.exitCode]).toEqual([
        `PING 127.0.0.1 (127.0.0.1) ${size}(${size + 28}) bytes of data.\n${stats(1, '')}`,
        '',
        1,
      ]);
  });
  it("iputils: the MTU in the message is the route's (a veth: 1500); 65507 still goes", async () => {
    const setup = VETH_PAIR;
    const r = await runLines([
      ...setup,
      'ip netns exec h ping -c 1 -s 65508 192.168.50.2',
      'ping -c 1 -s 65507 127.0.0.1',
    ]);
    expect(r[setup.length]?.stderr).toBe('ping: local error: message too long, mtu=1500\n');
    expect(r[setup.length + 1]?.stdout).toMatch(/^65515 bytes from 127\.0\.0\.1: icmp_seq=1 ttl=64 time=/m);
    expect(r[setup.length + 1]?.exitCode).toBe(0);
  });
  it('BusyBox: sendto fails and ping dies after its PING line; over 65535 the option is refused', async () => {
    const r = await runLines([
      'docker run -d --name bb busybox sleep 1d',
      'docker exec bb ping -c 1 -s 65508 127.0.0.1',
      'docker exec bb ping -c 1 -s 65535 127.0.0.1',
      'docker exec bb ping -c 1 -s 70000 127.0.0.1',
    ]);
    for (const [p, size] of [
      [r[1], 65508],
      [r[2], 65535],
    ] as const)
      expect([p?.stdout, p?.stderr, p?.exitCode]).toEqual([
        `PING 127.0.0.1 (127.0.0.1): ${size} data bytes\n`,
        'ping: sendto: Message too long\n',
        1,
      ]);
    expect([r[3]?.stdout, r[3]?.stderr, r[3]?.exitCode]).toEqual([
      '',
      'ping: number 70000 is not in 0..65535 range\n',
      1,
    ]);
  });
});
