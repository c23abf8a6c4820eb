import { describe, expect, it } from 'vitest';
import { runLines } from '../../../cli/test_lines';

/** iputils 20221126 on Linux 6.18 (test/oracle-variants/neighlink). */
describe('ping -M', () => {
  const setup = [
    'ip netns add h',
    'ip netns add z',
    'ip -n h link add eth0 type veth peer name eth0 netns z',
    'ip -n h addr add 192.168.50.1/24 dev eth0',
    'ip -n z addr add 192.168.50.2/24 dev eth0',
    'ip -n h link set eth0 up',
    'ip -n z link set eth0 up',
    'ip -n h link set eth0 mtu 1400',
  ];
  it('-M do over the MTU: EMSGSIZE reported from the error queue, +1 errors, exit 1', async () => {
    const r = await runLines([...setup, 'ip netns exec h ping -c 1 -W 1 -s 1400 -M do 192.168.50.2']);
    const p = r[setup.length];
    expect(p?.stderr).toBe('ping: local error: message too long, mtu=1400\n');
    expect(p?.stdout).toMatch(
      /^1 packets transmitted, 0 received, \+1 errors, 100% packet loss, time \d+ms$/m,
    );
    expect(p?.exitCode).toBe(1);
  });
  it('rejects an unknown -M value', async () => {
    const r = await runLines(['ping -M bogus 127.0.0.1']);
    expect([r[0]?.stderr, r[0]?.exitCode]).toEqual(['ping: invalid -M argument: bogus\n', 2]);
  });
});
