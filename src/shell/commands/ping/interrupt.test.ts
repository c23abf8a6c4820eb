import { describe, expect, it } from 'vitest';
import { drive } from '../../../sim/test_helpers';

describe('ping interrupted by Ctrl-C', () => {
  it('does not print a reply that arrives after the signal (the wait it was in was interrupted)', async () => {
    const d = await drive();
    let out = '';
    const ac = new AbortController();
    // Ctrl-C comes while ping waits for seq 2's reply: the short wait after the second echo request.
    const r = await d.sim.run(d.host, 'ping 127.0.0.1', {
      out: (s) => (out += s),
      err: (s) => (out += s),
      signal: ac.signal,
      pace: async (us) => {
        if (out.includes('icmp_seq=1 ') && us > 0 && us < 1000) ac.abort();
      },
    });
    expect(r.exitCode).toBe(0);
    expect(out).not.toContain('icmp_seq=2');
    // iputils' finish(): a newline, then the statistics; seq 2 was sent, its reply never read.
    expect(out).toMatch(
      /icmp_seq=1 ttl=64 time=[\d.]+ ms\n\n--- 127\.0\.0\.1 ping statistics ---\n2 packets transmitted, 1 received, 50% packet loss/,
    );
  });
});
