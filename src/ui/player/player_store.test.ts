/**
 * The player bound to a real app store: a ping in step mode shows the World before it, stepping fills the
 * tables as the packet arrives, stepping back to the start gives back the very World before the command, and
 * play is driven by an injected timer.
 */
import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../store';
import type { World } from '../../sim';
import { createPlayerStore, type PlayerTimer } from './player_store';
import { xaGet } from '../../kernel';

function fakeTimer() {
  const due: { fn: () => void; ms: number; id: number }[] = [];
  let n = 0;
  const timer: PlayerTimer = {
    set(fn, ms) {
      due.push({ fn, ms, id: ++n });
      return n;
    },
    clear(h) {
      const i = due.findIndex((d) => d.id === h);
      if (i >= 0) due.splice(i, 1);
    },
  };
  /** Fire the next timer; its delay. */
  const fire = (): number | null => {
    const d = due.shift();
    if (!d) return null;
    d.fn();
    return d.ms;
  };
  return { timer, fire, pending: () => due.length };
}

async function setup() {
  const app = createAppStore({ paceScale: 0 });
  await app.getState().init(1);
  const clock = fakeTimer();
  const player = createPlayerStore(app, { timer: clock.timer });
  for (let i = 0; i < 100 && !player.getState().sim; i++) await new Promise((r) => setTimeout(r, 5));
  const host = app.getState().hostTerminal as string;
  const run = (line: string) => app.getState().typeLine(host, line);
  await run('docker run -d --name c1 busybox sleep 1000');
  await run('docker run -d --name c2 busybox sleep 1000');
  return { app, player, clock, run };
}

/** 172.17.0.3, c2's address, as the kernel stores it. */
const C2 = ((172 << 24) | (17 << 16) | 3) >>> 0;

function neighState(w: World | null, ns: string): string {
  return (w ? xaGet(w.kernel.netns, ns) : undefined)?.neigh.find((e) => e.ip === C2)?.state ?? 'none';
}

describe('packet player store', () => {
  it('steps a step-mode ping forward and back: the World before the command comes back, the same object', async () => {
    const { app, player, run } = await setup();
    app.getState().setStepMode(true);
    // A line that moves no packet is not stepped, even in step mode: its World shows at once.
    await run('docker run -d --name c3 busybox sleep 1000');
    expect(player.getState().machine.status).toBe('idle');
    expect(player.getState().recent).toEqual([]);
    expect(app.getState().world).toBe(app.getState().last?.result.after);
    const before = app.getState().world;
    await run('docker exec c1 ping -c 1 172.17.0.3');
    const p = player.getState();
    expect(p.line).toBe('docker exec c1 ping -c 1 172.17.0.3');
    expect(p.tab).toBe('journey');
    expect(p.machine).toMatchObject({ status: 'stepping', cursor: -1 });
    // The graph and tables show the World before the command.
    expect(app.getState().world).toBe(before);
    const after = p.result?.after;
    expect(after).toBeDefined();
    expect(after).not.toBe(before);

    // Forward: the neighbour entry of c1 for c2 appears at the ARP reply, REACHABLE.
    const steps = p.journey?.steps ?? [];
    const states: string[] = [];
    for (let k = 0; k < p.visible.length; k++) {
      player.getState().dispatch({ type: 'step' });
      const cur = steps[player.getState().machine.cursor];
      if (cur?.stage === 'neigh_update' && cur.ns === steps[0]?.ns)
        states.push(neighState(app.getState().world, cur.ns));
    }
    expect(states).toEqual(['INCOMPLETE', 'REACHABLE']);
    expect(player.getState().machine.cursor).toBe(p.visible[p.visible.length - 1]);
    expect(app.getState().world).toBe(after);

    // Back to the start, one event at a time.
    for (let k = 0; k < p.visible.length; k++) player.getState().dispatch({ type: 'back' });
    expect(player.getState().machine.cursor).toBe(-1);
    expect(app.getState().world).toBe(before);
    expect(JSON.stringify(app.getState().world)).toBe(JSON.stringify(before));
    expect(app.getState().tables(steps[0]?.ns ?? '')?.neigh ?? []).toEqual([]);

    // Leaving the player shows the live World again.
    player.getState().finish();
    expect(app.getState().world).toBe(after);
    expect(player.getState().machine.status).toBe('idle');
  });

  it('plays on the injected timer at the chosen speed, pauses at the end; the next line ends stepping', async () => {
    const { app, player, clock, run } = await setup();
    app.getState().setStepMode(true);
    await run('docker exec c1 ping -c 1 172.17.0.3');
    player.getState().dispatch({ type: 'speed', speed: 4 });
    player.getState().toggleProto('icmp');
    const visible = player.getState().visible;
    expect(visible.length).toBeGreaterThan(0);
    expect(visible.every((i) => player.getState().journey?.steps[i]?.proto === 'icmp')).toBe(true);
    player.getState().dispatch({ type: 'play' });
    const delays: number[] = [];
    for (let d = clock.fire(); d !== null; d = clock.fire()) delays.push(d);
    expect(delays).toHaveLength(visible.length);
    expect(new Set(delays)).toEqual(new Set([250]));
    expect(player.getState().machine).toMatchObject({
      status: 'paused',
      cursor: visible[visible.length - 1],
    });
    expect(clock.pending()).toBe(0);

    player.getState().dispatch({ type: 'back' });
    const shown = app.getState().world;
    expect(shown).not.toBe(player.getState().result?.after);
    // A new line (not in step mode) ends the stepping: the live World is shown, the new journey is idle.
    app.getState().setStepMode(false);
    await run('docker exec c2 ping -c 1 172.17.0.2');
    expect(player.getState().machine.status).toBe('idle');
    expect(player.getState().line).toBe('docker exec c2 ping -c 1 172.17.0.2');
    expect(player.getState().recent.map((r) => r.line)).toEqual([
      'docker exec c2 ping -c 1 172.17.0.2',
      'docker exec c1 ping -c 1 172.17.0.3',
    ]);
    // The earlier line can be picked again, with its recording.
    const older = player.getState().recent[1]?.id as number;
    player.getState().pick(older);
    expect(player.getState().machine).toMatchObject({ status: 'stepping', cursor: -1 });
    player.getState().dispatch({ type: 'step' });
    expect(app.getState().world).not.toBe(player.getState().result?.after);
  });
});
