import { describe, expect, it } from 'vitest';
import { topology } from '../../sim';
import { drive } from '../../sim/test_helpers';
import { emptyLayout, pinNode, placeNodes } from '../../store';
import { handleSides, newFlowCache, toFlow } from './to_flow';

describe('toFlow', () => {
  it('reuses node objects nothing touched, so memoized nodes do not re-render', async () => {
    const d = await drive();
    await d.run('ip netns add red');
    await d.run('ip netns add blue');
    const t1 = topology(d.sim.world);
    const l1 = placeNodes(t1, emptyLayout());
    const cache = newFlowCache();
    const a = toFlow(t1, l1, null, null, cache, new Map());
    const red = t1.namespaces[d.sim.world.kernel.namedNs['red'] as string];
    const blueId = `ns:${d.sim.world.kernel.namedNs['blue'] as string}`;
    // A drag moves one box: every other node object is the same object as before.
    const l2 = pinNode(l1, `ns:${red?.id}`, { x: 900, y: -900 });
    const b = toFlow(t1, l2, null, null, cache, new Map());
    const changedNodes = b.nodes.filter((n, i) => n !== a.nodes[i]).map((n) => n.id);
    expect(changedNodes).toEqual([`ns:${red?.id}`]);
    // A command that changes only red: a fresh topology, yet blue's node is reused.
    await d.run('ip -n red link set lo up');
    const t3 = topology(d.sim.world);
    const c = toFlow(t3, placeNodes(t3, l2), null, null, cache, new Map());
    expect(c.nodes.find((n) => n.id === blueId)).toBe(b.nodes.find((n) => n.id === blueId));
    expect(c.nodes.find((n) => n.id === `ns:${red?.id}`)).not.toBe(
      b.nodes.find((n) => n.id === `ns:${red?.id}`),
    );
  });

  it('returns the same objects for the same inputs, and no box is connectable, from the first call', async () => {
    // Canvas starts React Flow's store with one call and Flow's first render makes a second one: equal objects
    // keep React Flow's internal nodes; `connectable: false` spares every box a render when React Flow's
    // nodesConnectable prop (default true) reaches its store after that first render.
    const d = await drive();
    await d.run('ip netns add red');
    await d.run('ip link add veth-red type veth peer name eth0 netns red');
    const t = topology(d.sim.world);
    const layout = placeNodes(t, emptyLayout());
    const cache = newFlowCache();
    const measured = new Map<string, { width: number; height: number }>();
    const a = toFlow(t, layout, null, null, cache, measured);
    const b = toFlow(t, layout, null, null, cache, measured);
    expect(b.nodes).toHaveLength(a.nodes.length);
    b.nodes.forEach((n, i) => expect(n).toBe(a.nodes[i]));
    b.edges.forEach((e, i) => expect(e).toBe(a.edges[i]));
    expect(a.nodes.map((n) => n.connectable)).toEqual(a.nodes.map(() => false));
  });

  it('draws each veth pair as one edge between the handles of its two ends', async () => {
    const d = await drive();
    await d.run('ip netns add red');
    await d.run('ip link add veth-red type veth peer name eth0 netns red');
    const t = topology(d.sim.world);
    const { edges } = toFlow(t, placeNodes(t, emptyLayout()), null, null, newFlowCache(), new Map());
    const veth = edges.filter((e) => e.data?.kind === 'veth');
    expect(veth).toHaveLength(1);
    const e = veth[0];
    const red = d.sim.world.kernel.namedNs['red'] as string;
    expect(e?.source).toBe(`ns:${red}`);
    expect(e?.target).toBe(`ns:${t.hostNs}`);
    expect(e?.sourceHandle).toMatch(/:b$/);
    expect(e?.targetHandle).toMatch(/:t$/);
    expect(e?.data?.label).toMatch(/^eth0@if\d+ ↔ veth-red@if\d+$/);
  });

  it('gives each chip only the handles its cable may use, and every edge ends on one of them', async () => {
    const d = await drive();
    await d.run('ip netns add red');
    await d.run('ip link add veth-red type veth peer name eth0 netns red');
    await d.run('docker run -d --name web busybox sleep 1d');
    const t = topology(d.sim.world);
    expect(handleSides('host', 'veth')).toEqual(['t']);
    expect(handleSides('host', 'ether')).toEqual(['l']);
    expect(handleSides('sandbox', 'loopback')).toEqual([]);
    expect(handleSides('netns', 'veth')).toEqual(['t', 'b']);
    expect(handleSides('external', 'ether')).toEqual(['t', 'b', 'r']);
    const { edges } = toFlow(t, placeNodes(t, emptyLayout()), null, null, newFlowCache(), new Map());
    expect(edges.length).toBeGreaterThan(3);
    for (const e of edges)
      for (const h of [e.sourceHandle, e.targetHandle]) {
        const [dev, side] = (h ?? '').split(':');
        const dv = t.devices[dev as string];
        expect(dv).toBeDefined();
        const role = t.namespaces[dv?.ns as string]?.role;
        expect(handleSides(role ?? 'netns', dv?.kind ?? 'veth')).toContain(side);
      }
  });

  it("puts the LAN gateway's port toward the internet first, so that cable does not cross the other port", async () => {
    const d = await drive();
    const t = topology(d.sim.world);
    const { nodes } = toFlow(t, placeNodes(t, emptyLayout()), null, null, newFlowCache(), new Map());
    const lan = nodes.find((n) => n.data.ns.role === 'external' && n.data.devices.length > 1);
    const first = lan?.data.devices[0];
    const peer = first?.peer ? t.devices[first.peer] : undefined;
    expect(peer?.ns).not.toBe(t.hostNs);
    expect(lan?.data.devices.at(-1)?.name).toBe('eth0');
    const { edges } = toFlow(t, placeNodes(t, emptyLayout()), null, null, newFlowCache(), new Map());
    // The outside world's cables go under the boxes, veth pairs over them (their labels cross the host frame).
    expect(edges.filter((e) => e.data?.kind === 'wire').map((e) => e.zIndex)).toEqual([0, 0]);
  });
});
