/**
 * A datagram over the MTU in the packet player: each fragment is a packet of its own (its own skb on Linux:
 * ip_do_fragment), the first one carrying the datagram's id through reassembly to its end; the fragments
 * merged into it end as consumed. The first fragment of the reply is delivered to ping. Their layers show no transport header past the first.
 */
import { describe, expect, it } from 'vitest';
import { buildJourney, packetLayers } from './index';
import { line, session } from './test_scenarios';

describe('ping -s 3000 between two containers', () => {
  it('fragments as packets: reassembled on docker0 (br_netfilter with conntrack) and cut again', async () => {
    const { sim, term } = await session([
      'docker run -d --name c1 busybox sleep 1000',
      'docker run -d --name c2 busybox sleep 1000',
    ]);
    const t = await line(sim, term, 'docker exec c1 ping -c 1 -s 3000 172.17.0.3', true);
    const j = buildJourney(t.trace, t.after, t.before);
    const ip = j.packets.filter((p) => p.proto === 'icmp');
    // Each way: three fragments from the sender; the bridge reassembles (two merged into the first) and cuts
    // the datagram again (two new pieces); the receiver merges those into the first, which ends the datagram.
    expect(ip.length).toBe(10);
    // The reply's first fragment carries the whole reply to ping's socket.
    expect(ip.map((p) => p.fate.kind).sort()).toEqual([...Array<string>(9).fill('consumed'), 'delivered']);
    expect(ip.filter((p) => p.label.includes('ip-proto-1')).length).toBe(8);
    for (const h of Object.values(j.headers)) expect(packetLayers(h).length).toBeGreaterThan(0);
  });
});
