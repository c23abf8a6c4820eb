/**
 * Step mode: the World at every kernel event of a line. Stepping to the start gives back the World before the
 * command (the same object), to the end the World after it; in between, tables fill as the packet arrives;
 * recording changes nothing about what the line does.
 */
import { describe, expect, it } from 'vitest';
import { formatIp4 } from '../../lib';
import { kernelInvariantViolations, xaGet, xaValues } from '../../kernel';
import type { World } from '../world';
import { buildJourney, outputAfter, worldAfter } from './index';
import { line, nsOfContainer, session } from './test_scenarios';

const SETUP = ['docker run -d --name c1 busybox sleep 1000', 'docker run -d --name c2 busybox sleep 1000'];
const PING = 'docker exec c1 ping -c 1 172.17.0.3';

function neigh(w: World, ns: string, ip: string): string {
  const e = xaGet(w.kernel.netns, ns)?.neigh.find((n) => formatIp4(n.ip) === ip);
  return e ? e.state : 'none';
}

function fdbMacs(w: World): string[] {
  const br = xaValues(w.kernel.devices).find((d) => d.name === 'docker0');
  return br?.kind === 'bridge'
    ? br.bridge.fdb.filter((e) => !e.self && e.kind !== 'local').map((e) => e.mac)
    : [];
}

describe('step mode', () => {
  it('back to the start is the World before the command, forward to the end the World after it', async () => {
    const { sim, term } = await session(SETUP);
    const t = await line(sim, term, PING, true);
    const tape = t.result?.steps;
    expect(tape).toBeDefined();
    if (!tape) return;
    expect(tape.events).toBe(t.trace.length);
    expect(worldAfter(tape, 0)).toBe(t.before);
    expect(worldAfter(tape, tape.events)).toBe(t.after);
    expect(sim.world).toBe(t.after);
    // Every snapshot is a whole, consistent kernel, and the clock never goes back.
    let clock = -1;
    for (let n = 0; n <= tape.events; n++) {
      const w = worldAfter(tape, n);
      expect(kernelInvariantViolations(w.kernel)).toEqual([]);
      expect(w.clock.nowUs).toBeGreaterThanOrEqual(clock);
      clock = w.clock.nowUs;
    }
    // ... and stepping back from the end to the start visits the same Worlds backwards.
    const back = [];
    for (let n = tape.events; n >= 0; n--) back.push(worldAfter(tape, n));
    expect(back[back.length - 1]).toBe(t.before);
    expect(JSON.stringify(back[back.length - 1])).toBe(JSON.stringify(t.before));
  });

  it('tables fill as the packet arrives: the ARP entry, the FDB, the frame on its wire', async () => {
    const { sim, term } = await session(SETUP);
    const t = await line(sim, term, PING, true);
    const tape = t.result!.steps!;
    const j = buildJourney(t.trace, t.after, t.before);
    const c1 = nsOfContainer(t.after, 'c1');
    const idx = (pred: (s: (typeof j.steps)[number]) => boolean) => j.steps.findIndex(pred);

    const incomplete = idx((s) => s.stage === 'neigh_update' && s.line.endsWith('NONE -> INCOMPLETE'));
    expect(neigh(worldAfter(tape, incomplete), c1, '172.17.0.3')).toBe('none');
    expect(neigh(worldAfter(tape, incomplete + 1), c1, '172.17.0.3')).toBe('INCOMPLETE');

    const reachable = idx((s) => s.stage === 'neigh_update' && s.line.endsWith('INCOMPLETE -> REACHABLE'));
    expect(neigh(worldAfter(tape, reachable), c1, '172.17.0.3')).toBe('INCOMPLETE');
    expect(neigh(worldAfter(tape, reachable + 1), c1, '172.17.0.3')).toBe('REACHABLE');

    const learn = idx((s) => s.stage === 'br_fdb_update');
    expect(fdbMacs(worldAfter(tape, learn))).toEqual([]);
    expect(fdbMacs(worldAfter(tape, learn + 1))).toEqual(['02:42:ac:11:00:02']);
    expect(fdbMacs(t.after)).toEqual(['02:42:ac:11:00:02', '02:42:ac:11:00:03']);

    // Right after c1's eth0 sends the ARP request, the frame is on the veth, due at the host's end.
    const sent = idx((s) => s.stage === 'net_dev_xmit');
    const onWire = worldAfter(tape, sent + 1).kernel.queue.filter((e) => e.kind === 'rx');
    expect(onWire.map((e) => (e.kind === 'rx' ? xaGet(t.after.kernel.devices, e.dev)?.name : ''))).toEqual([
      'vethd62dcf1',
    ]);
  });

  it('output appears when the packet that caused it arrives', async () => {
    const { sim, term } = await session(SETUP);
    const t = await line(sim, term, PING, true);
    const tape = t.result!.steps!;
    const reply = t.trace.findIndex((e) => e.kind === 'sock_deliver');
    const text = (n: number) =>
      outputAfter(tape, n)
        .map((o) => o.text)
        .join('');
    expect(text(0)).toBe('PING 172.17.0.3 (172.17.0.3): 56 data bytes\n');
    expect(text(reply)).not.toContain('64 bytes from');
    expect(text(tape.events)).toContain('64 bytes from 172.17.0.3: seq=0 ttl=64');
  });

  it('recording does not change what the line does', async () => {
    const a = await session(SETUP);
    const b = await session(SETUP);
    const plain = await line(a.sim, a.term, PING);
    const recorded = await line(b.sim, b.term, PING, true);
    expect(plain.result?.steps).toBeUndefined();
    expect(JSON.stringify(recorded.after)).toBe(JSON.stringify(plain.after));
    expect(JSON.stringify(recorded.trace)).toBe(JSON.stringify(plain.trace));
    expect(recorded.result?.stdout).toBe(plain.result?.stdout);
  });
});
