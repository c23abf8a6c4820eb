/**
 * The journey's texts: English and Simplified Chinese have the same keys and the same placeholders, every
 * explanation of real journeys resolves in both (no key shown raw, no placeholder left), and the rows of
 * `--trace` line up.
 */
import { describe, expect, it } from 'vitest';
import { buildJourney, decisionTable, journeyRows, journeyText, JOURNEY_TEXT, type Explain } from './index';
import { line, session } from './test_scenarios';

type Tree = { [k: string]: string | Tree };

function leaves(t: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(t)) {
    if (typeof v === 'string') out.set(`${prefix}${k}`, v);
    else for (const [kk, vv] of leaves(v, `${prefix}${k}.`)) out.set(kk, vv);
  }
  return out;
}

const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('journey texts', () => {
  it('English and Chinese have the same keys and placeholders', () => {
    const en = leaves(JOURNEY_TEXT.en as unknown as Tree);
    const zh = leaves(JOURNEY_TEXT['zh-CN'] as unknown as Tree);
    expect([...zh.keys()].sort()).toEqual([...en.keys()].sort());
    for (const [k, v] of en) expect(placeholders(zh.get(k) ?? ''), k).toEqual(placeholders(v));
  });

  it('every step and table of real journeys reads fully in both languages', async () => {
    const { sim, term } = await session([
      'docker run -d --name c1 busybox sleep 1000',
      'docker run -d --name c2 busybox sleep 1000',
      'docker network create net2',
      'docker run -d --name c3 --network net2 busybox sleep 1000',
    ]);
    const texts: Explain[] = [];
    for (const l of [
      'docker exec c1 ping -c 2 172.17.0.3',
      'docker exec c1 ping -c 1 -W 1 172.18.0.2',
      'docker exec c1 ping -c 2 8.8.8.8',
      'docker exec c1 ping -c 1 -W 4 172.17.0.99',
      'docker exec c2 ping -c 1 127.0.0.1',
    ]) {
      const t = await line(sim, term, l);
      const j = buildJourney(t.trace, t.after, t.before);
      for (const s of j.steps) {
        texts.push(s.explain);
        if (s.decision) {
          const tb = decisionTable(s.decision, t.after, false);
          texts.push(tb.title);
          if (tb.note) texts.push(tb.note);
        }
      }
    }
    const keys = new Set(texts.map((e) => e.key));
    expect(keys.size).toBeGreaterThan(30);
    for (const lang of ['en', 'zh-CN'] as const) {
      for (const e of texts) {
        const s = journeyText(lang, e);
        expect(s, `${lang} ${e.key}`).not.toMatch(/\{\{|journey\.|explain\.|^[a-z_]+$/);
      }
    }
  });

  it('--trace rows: time since the line started, namespace, device, packet, stage, one-liner', async () => {
    const { sim, term } = await session(['docker run -d --name c1 busybox sleep 1000']);
    const t = await line(sim, term, 'docker exec c1 ping -c 1 172.17.0.1');
    const r = journeyRows(buildJourney(t.trace, t.after, t.before));
    expect(r.slice(0, 6)).toEqual([
      '0.000000  c1           eth0         #86  fib_table_lookup   route output 172.17.0.1: table main: 172.17.0.0/16 dev eth0 src 172.17.0.2',
      '0.000000  c1           eth0         #86  neigh_update       172.17.0.1 dev eth0: NONE -> INCOMPLETE',
      '0.000000  c1           eth0         #88  arp_send           ARP, Request who-has 172.17.0.1 tell 172.17.0.2 (for packet #86)',
      '0.000000  c1           eth0         #88  net_dev_xmit       ARP, Request who-has 172.17.0.1 tell 172.17.0.2, length 28',
      '0.000037  docker-host  vethd62dcf1  #88  netif_receive_skb  ARP, Request who-has 172.17.0.1 tell 172.17.0.2, length 28',
      '0.000037  docker-host  docker0      #88  br_fdb_update      docker0: learned 02:42:ac:11:00:02 on vethd62dcf1 (ARP, Request who-has 172.17.0.1 tell 172.17.0.2, length 28)',
    ]);
  });
});
