import { describe, expect, it, vi } from 'vitest';
import { topology } from './topology';
import { drive } from './test_helpers';
import type { World } from './world';

/**
 * The projection is incremental (it reuses what the last call made for what did not change): after every
 * kind of change it must equal what a projection that never saw an earlier World makes of the same World.
 */
async function fromScratch(world: World) {
  vi.resetModules();
  const fresh = (await import('./topology')) as { topology: typeof topology };
  return fresh.topology(world);
}

describe('topology, incremental', () => {
  it('equals a projection made from scratch after each line, undo and redo', async () => {
    const d = await drive();
    const lines = [
      'docker network create a',
      'docker run -d --name w1 busybox sleep 1d',
      'docker run -d --name w2 --network a busybox sleep 1d',
      'docker run -d --name w3 busybox sleep 1d',
      'docker exec w1 ping -c 1 172.17.0.3',
      'docker network connect a w1',
      'ip netns add red',
      'ip link add br0 type bridge',
      'ip link add v1 type veth peer name v2',
      'ip link set v2 netns red',
      'ip link set v1 master br0',
      'ip -n red addr add 10.9.0.2/24 dev v2',
      'docker run -d --name side --network container:w1 busybox sleep 1d',
      'docker stop w2',
      'docker exec w3 ping -c 1 172.17.0.2',
      'docker start w2',
      'ip link set v1 nomaster',
      'ip link set docker0 mtu 1400',
      'docker network disconnect a w1',
      'docker rm -f w3',
      'ip netns del red',
      'docker run -d --name hh --network host busybox sleep 1d',
      'docker run -d --name nn --network none busybox sleep 1d',
    ];
    const seen: World[] = [];
    for (const line of lines) {
      await d.run(line);
      seen.push(d.sim.world);
      expect(topology(d.sim.world), line).toEqual(await fromScratch(d.sim.world));
    }
    // Back and forth through the history: each World is projected after a different one than before.
    for (let i = 0; i < 6; i++) {
      expect(d.sim.undo()).toBe(true);
      expect(topology(d.sim.world), `undo ${i}`).toEqual(await fromScratch(d.sim.world));
    }
    for (let i = 0; i < 3; i++) {
      expect(d.sim.redo()).toBe(true);
      expect(topology(d.sim.world), `redo ${i}`).toEqual(await fromScratch(d.sim.world));
    }
    // Worlds far apart, one after the other (the journey projects the Worlds before and after a line).
    for (const w of [seen[2], seen[18], seen[5], seen[21]] as World[])
      expect(topology(w)).toEqual(await fromScratch(w));
  }, 60_000);
});
