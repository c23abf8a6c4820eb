import { describe, expect, it } from 'vitest';
import { topology } from '../sim';
import { drive } from '../sim/test_helpers';
import { columnX, emptyLayout, GEOMETRY, placeNodes, subsOf } from './layout';

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
    const br0 = Object.values(w.kernel.devices).find((x) => x.name === 'br0')?.id as string;
    const col = layout.bridgeCol[br0] as number;
    // docker0 (the default World's) has column 1.
    expect(col).toBe(2);
    // 9 boxes in a column that holds 2 x 4 before it grows: it is 3 wide now.
    expect(subsOf(layout, col)).toBe(3);
    const n0 = layout.pos[`ns:${w.kernel.namedNs['n0']}`];
    expect(n0).toEqual({ x: columnX(layout, 2), y: -GEOMETRY.above - GEOMETRY.rowH });
    // A new bridge takes column 3, right of the grown one; br0's column no longer grows.
    await d.run('ip link add br1 type bridge');
    layout = placeNodes(topology(d.sim.world), layout);
    const br1 = Object.values(d.sim.world.kernel.devices).find((x) => x.name === 'br1')?.id as string;
    expect(layout.bridgeCol[br1]).toBe(3);
    expect(columnX(layout, 3)).toBe(GEOMETRY.pad + GEOMETRY.col0W + 5 * (GEOMETRY.boxW + GEOMETRY.gap));
  });
});
