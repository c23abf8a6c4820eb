/**
 * The deciding tables are the tools' own rows: for every step of real journeys, the table the player shows
 * is line for line what `ip route show table T`, `ip neigh`, `bridge fdb show br BR`, `iptables -t T -S CHAIN`
 * and `conntrack -L` print in that namespace of the World right after the step (run through the same
 * command modules as a terminal, so the two cannot drift).
 */
import { describe, expect, it } from 'vitest';
import { hostProcIn, QueryRunner } from '../query';
import type { World } from '../world';
import { buildJourney, decisionTable, worldAfter, type Decision } from './index';
import { line, session } from './test_scenarios';
import { xaGet } from '../../kernel';

/** The command whose output is the decision's table, or null for tables no tool prints (a flood's ports). */
function commandOf(d: Decision, w: World): string | null {
  switch (d.kind) {
    case 'route':
      return `ip route show table ${d.table === 255 ? 'local' : (d.table ?? 254)}`;
    case 'neigh':
      return 'ip neigh';
    case 'fdb':
    case 'fdb-hit':
      return `bridge fdb show br ${xaGet(w.kernel.devices, d.bridge)?.name ?? '?'}`;
    case 'iptables':
      return `iptables -t ${d.table} -S ${d.chain}`;
    case 'conntrack':
      return 'conntrack -L';
    default:
      return null;
  }
}

async function checkEverySteppedTable(setup: string[], text: string): Promise<Set<string>> {
  const { sim, term } = await session(setup);
  const t = await line(sim, term, text, true);
  const tape = t.result?.steps;
  if (!tape) throw new Error('no step tape');
  const { buildJourney } = await import('./index');
  const j = buildJourney(t.trace, t.after, t.before);
  const q = new QueryRunner();
  const seen = new Set<string>();
  for (const s of j.steps) {
    if (!s.decision) continue;
    // An entry NAT was just set up on is not confirmed yet (conntrack -L lists only the hash table's): its
    // row is compared with the listing at the end of the line.
    const ct = s.decision.kind === 'conntrack';
    const w = ct ? t.after : worldAfter(tape, s.i + 1);
    const cmd = commandOf(s.decision, w);
    if (cmd === null) continue;
    const table = decisionTable(s.decision, w, !ct);
    const out = await q.run(w, hostProcIn(w, s.ns), cmd);
    const printed = out.stdout.split('\n').filter((l) => l !== '');
    if (ct) {
      // `conntrack -L` lists every entry; the table shows the one whose mapping was applied.
      expect(table.rows).toHaveLength(1);
      expect(printed, cmd).toContain(table.rows[0]?.text);
    } else
      expect(
        table.rows.map((r) => r.text),
        `${s.where}: ${cmd}`,
      ).toEqual(printed);
    if (s.decision.kind !== 'neigh' || s.decision.to !== 'NONE')
      expect(table.rows.filter((r) => r.hit).length, `${s.where}: ${cmd}`).toBeGreaterThan(0);
    seen.add(s.decision.kind);
  }
  return seen;
}

describe('the row that decided is the real tool row', () => {
  it('ping c1 -> c2: routes, neighbours, FDB and FORWARD rules as the tools print them', async () => {
    const seen = await checkEverySteppedTable(
      ['docker run -d --name c1 busybox sleep 1000', 'docker run -d --name c2 busybox sleep 1000'],
      'docker exec c1 ping -c 1 172.17.0.3',
    );
    expect([...seen].sort()).toEqual(['fdb', 'fdb-hit', 'iptables', 'neigh', 'route']);
  });

  it('ping c1 -> 8.8.8.8: the MASQUERADE rule, the conntrack entry, the local table', async () => {
    const seen = await checkEverySteppedTable(
      [
        'docker run -d --name c1 busybox sleep 1000',
        'ping -c 1 10.0.12.1',
        'docker exec c1 ping -c 1 172.17.0.1',
      ],
      'docker exec c1 ping -c 1 8.8.8.8',
    );
    expect([...seen].sort()).toEqual(['conntrack', 'fdb-hit', 'iptables', 'neigh', 'route']);
  });

  it('a route row is the full `ip route` line, not a summary', async () => {
    const { sim, term } = await session(['docker run -d --name c1 busybox sleep 1000']);
    const t = await line(sim, term, 'docker exec c1 ping -c 1 172.17.0.1');
    const j = buildJourney(t.trace, t.after, t.before);
    const first = j.steps[0]?.decision;
    expect(first).toMatchObject({ kind: 'route', table: 254 });
    const rows = decisionTable(first!, t.after, false).rows;
    expect(rows.find((r) => r.hit)?.text).toBe(
      '172.17.0.0/16 dev eth0 proto kernel scope link src 172.17.0.2 ',
    );
  });
});
