import { describe, expect, it } from 'vitest';
import { runLines } from '../../../cli/test_lines';

/** iptables v1.8.9 (nf_tables) on Linux 6.18, checked in a vx- namespace. */
describe('iptables -X on a built-in chain', () => {
  it('is ENOENT until instantiated, EBUSY with rules, and deletes an empty base chain', async () => {
    const r = await runLines([
      'ip netns add t',
      'ip netns exec t iptables -X INPUT',
      'ip netns exec t iptables -A INPUT -j ACCEPT',
      'ip netns exec t iptables -X INPUT',
      'ip netns exec t iptables -F INPUT',
      'ip netns exec t iptables -X INPUT',
      'ip netns exec t iptables -S',
      'ip netns exec t iptables -X FORWARD',
    ]);
    expect([r[1]?.stderr, r[1]?.exitCode]).toEqual(['iptables: No chain/target/match by that name.\n', 1]);
    expect([r[3]?.stderr, r[3]?.exitCode]).toEqual([
      'iptables v1.8.9 (nf_tables):  CHAIN_DEL failed (Device or resource busy): chain INPUT\n',
      4,
    ]);
    expect([r[5]?.stderr, r[5]?.exitCode]).toEqual(['', 0]);
    expect(r[6]?.stdout).toBe('-P INPUT ACCEPT\n-P FORWARD ACCEPT\n-P OUTPUT ACCEPT\n');
    expect(r[7]?.exitCode).toBe(1);
  });
});
