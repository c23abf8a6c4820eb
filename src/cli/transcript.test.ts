/** The transcript runner's --trace: each line's packet journey after its output (plain) or beside it (JSON). */
import { describe, expect, it } from 'vitest';
import { runTranscript } from './transcript';

async function run(script: string, mode: 'plain' | 'json'): Promise<string> {
  let out = '';
  await runTranscript(
    script,
    { seed: 1, mode, trace: true },
    (s) => (out += s),
    () => {},
  );
  return out;
}

describe('--trace', () => {
  it('prints the journey as comment rows after the output of a line that moved packets', async () => {
    const out = await run(
      'docker run -d --name nn --network none busybox sleep 1000\ndocker exec nn ping -c 1 8.8.8.8\n',
      'plain',
    );
    expect(out.split('\n').slice(1)).toEqual([
      'PING 8.8.8.8 (8.8.8.8): 56 data bytes',
      'ping: sendto: Network is unreachable',
      '# journey: 0 packets, 1 event',
      '# 0.000000  nn  -  -  fib_table_lookup  route output 8.8.8.8: no route',
      '',
    ]);
  });

  it('adds the rows to each JSON record', async () => {
    const out = await run(
      'docker run -d --name c1 busybox sleep 1000\ndocker exec c1 ping -c 1 172.17.0.1\n',
      'json',
    );
    const [run1, ping] = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { journey: string[] });
    expect(run1?.journey).toEqual([]);
    expect(ping?.journey[0]).toBe('journey: 4 packets, 37 events');
    expect(ping?.journey.at(-1)).toBe(
      '0.000127  c1           eth0         #93  consume_skb        IP 172.17.0.1 > 172.17.0.2: ICMP echo reply, id 100, seq 0, length 64',
    );
  });
});
