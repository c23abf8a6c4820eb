import { describe, expect, it } from 'vitest';
import { runLines } from '../../../cli/test_lines';

/** Debian traceroute 2.1 on Linux 6.18 (test/oracle-variants/iptables). */
describe('traceroute when the kernel refuses a probe', () => {
  it('prints a newline and perror("send"), exits 1; the REJECT reply still reaches INPUT', async () => {
    const r = await runLines([
      'ip netns add fw',
      'ip -n fw link add eth1 type veth peer name p1',
      'ip -n fw link set lo up',
      'ip -n fw link set eth1 up',
      'ip -n fw link set p1 up',
      'ip -n fw addr add 10.2.0.1/24 dev eth1',
      'ip netns exec fw iptables -A OUTPUT -o eth1 -p udp --dport 9 -j REJECT --reject-with icmp-net-unreachable',
      'ip netns exec fw iptables -A INPUT -p icmp',
      'ip netns exec fw traceroute -n -w 1 -q 1 -m 1 -p 9 10.2.0.2',
      'ip netns exec fw iptables -L INPUT -n -v -x',
    ]);
    const [tr, list] = r.slice(8);
    expect(tr?.stdout).toBe('traceroute to 10.2.0.2 (10.2.0.2), 1 hops max, 60 byte packets');
    expect(tr?.stderr).toBe('\nsend: Operation not permitted\n');
    expect(tr?.exitCode).toBe(1);
    // The ICMP net unreachable (20 + 8 + the 60-byte probe) came back through lo.
    expect(list?.stdout).toMatch(/\n +1 +88 +1 +-- /);
  });
});
