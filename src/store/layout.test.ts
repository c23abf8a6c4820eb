import { describe, expect, it } from 'vitest';
import { topology } from '../sim';
import { drive } from '../sim/test_helpers';
import { columnX, emptyLayout, GEOMETRY, placeNodes, subsOf } from './layout';
import { xaValues } from '../kernel';

describe('placeNodes', () => {
  it('stacks boxes above their bridge, keeps them put, and widens only the rightmost column', async () => {
    const d = await drive();
    await d.run('ip link add br0 type bridge');
    let layout = emptyLayout();
    const seen = new Map<string, { x: number; y: number }>();
    for (let i = 0; i < 9; i++) {
      for (const line of [
        `ip netns add n${i}`,
        `ip link add v${i} type veth peer name eth0 netns n${i}`,
        `ip link set v${i} master br0`,
      ]) {
        await d.run(line);
        layout = placeNodes(topology(d.sim.world), layout);
      }
      // Boxes the commands did not touch never move.
      for (const [id, p] of seen) expect(layout.pos[id]).toEqual(p);
      const id = `ns:${d.sim.world.kernel.namedNs[`n${i}`]}`;
      seen.set(id, layout.pos[id] as { x: number; y: number });
    }
    const w = d.sim.world;
    const br0 = xaValues(w.kernel.devices).find((x) => x.name === 'br0')?.id as string;
    const col = layout.bridgeCol[br0] as number;
    // docker0 (the default World's) has column 1.
    expect(col).toBe(2);
    // One box wide, two from its second box, 2 x 4 before it grows again: 9 boxes make it 3 wide.
    expect(subsOf(layout, col)).toBe(3);
    const n0 = layout.pos[`ns:${w.kernel.namedNs['n0']}`];
    expect(n0).toEqual({ x: columnX(layout, 2), y: -GEOMETRY.above - GEOMETRY.rowH });
    // A new bridge takes column 3, right of the grown one; br0's column no longer grows.
    await d.run('ip link add br1 type bridge');
    layout = placeNodes(topology(d.sim.world), layout);
    const br1 = xaValues(d.sim.world.kernel.devices).find((x) => x.name === 'br1')?.id as string;
    expect(layout.bridgeCol[br1]).toBe(3);
    // docker0 (no boxes) is one box wide, br0 three: br1 starts four boxes right of column 0.
    expect(columnX(layout, 3)).toBe(GEOMETRY.pad + GEOMETRY.col0W + 4 * (GEOMETRY.boxW + GEOMETRY.gap));
  });

  it('gives a bridge one box of width until a second box comes, so the fitted graph stays legible', async () => {
    const d = await drive();
    let layout = emptyLayout();
    for (const line of [
      'docker run -d --name web nginx',
      'docker network create backend',
      'docker run -d --name api --network backend nginx',
    ]) {
      await d.run(line);
      layout = placeNodes(topology(d.sim.world), layout);
    }
    // docker0 (column 1) holds one box: the backend bridge starts one box further, not two.
    expect(subsOf(layout, 1)).toBe(1);
    expect(columnX(layout, 2)).toBe(GEOMETRY.pad + GEOMETRY.col0W + GEOMETRY.boxW + GEOMETRY.gap);
    // The rightmost column grows with its second box: two containers side by side over their bridge.
    await d.run('docker run -d --name api2 --network backend nginx');
    layout = placeNodes(topology(d.sim.world), layout);
    expect(subsOf(layout, 2)).toBe(2);
    const t = topology(d.sim.world);
    const y = (name: string) =>
      layout.pos[`ns:${Object.values(t.containers).find((c) => c.name === name)?.ns}`]?.y;
    expect(y('api')).toBeTypeOf('number');
    expect(y('api2')).toBe(y('api'));
  });
});
