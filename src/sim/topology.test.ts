import { describe, expect, it } from 'vitest';
import { topology } from './topology';
import { drive } from './test_helpers';

describe('topology', () => {
  it('draws the default host frame with its uplink to the LAN gateway and the internet', async () => {
    const { sim } = await drive();
    const t = topology(sim.world);
    const host = t.namespaces[t.hostNs];
    expect(host?.role).toBe('host');
    expect(host?.title).toBe('docker-host');
    expect(host?.devices.map((d) => t.devices[d]?.name)).toEqual(['lo', 'eth0']);
    const ext = t.order.map((id) => t.namespaces[id]).filter((n) => n?.role === 'external');
    expect(ext.map((n) => n?.title)).toEqual(['LAN gateway', 'internet']);
    expect(t.links.filter((l) => l.kind === 'wire').map((l) => l.label)).toEqual([
      'eth0 ↔ eth0',
      'eth1 ↔ eth0',
    ]);
    const eth0 = Object.values(t.devices).find((d) => d.ns === t.hostNs && d.name === 'eth0');
    expect(eth0?.addrs).toEqual(['10.0.12.13/22']);
  });

  it('shows a named netns, a veth pair as one labelled link, and a bridge with its port', async () => {
    const d = await drive();
    for (const line of [
      'ip netns add red',
      'ip link add br0 type bridge',
      'ip link add veth-red type veth peer name eth0 netns red',
      'ip link set veth-red master br0',
      'ip -n red addr add 10.1.0.2/24 dev eth0',
    ])
      await d.run(line);
    const t = topology(d.sim.world);
    const red = Object.values(t.namespaces).find((n) => n.netnsName === 'red');
    expect(red?.role).toBe('netns');
    expect(red?.title).toBe('red');
    expect(red?.devices.map((id) => t.devices[id]?.name)).toEqual(['lo', 'eth0']);
    const host = t.namespaces[t.hostNs];
    // dockerd's docker0 is there from the start (default world); br0 comes after it.
    expect(host?.bridges.map((id) => t.devices[id]?.name)).toEqual(['docker0', 'br0']);
    // The enslaved veth end is drawn on its bridge, not as a loose port of the host frame.
    expect(host?.devices.map((id) => t.devices[id]?.name)).toEqual(['lo', 'eth0']);
    const br0 = t.devices[host?.bridges[1] as string];
    expect(br0?.ports.map((id) => t.devices[id]?.name)).toEqual(['veth-red']);
    const veths = t.links.filter((l) => l.kind === 'veth');
    expect(veths).toHaveLength(1);
    const hostEnd = t.devices[veths[0]?.b as string];
    const redEnd = t.devices[veths[0]?.a as string];
    expect(redEnd?.name).toBe('eth0');
    expect(veths[0]?.label).toBe(`eth0@if${hostEnd?.ifindex} ↔ veth-red@if${redEnd?.ifindex}`);
    expect(redEnd?.addrs).toEqual(['10.1.0.2/24']);
    expect(redEnd?.linkName).toBe(`eth0@if${hostEnd?.ifindex}`);
  });

  it('draws a veth pair with both ends in the host namespace once', async () => {
    const d = await drive();
    await d.run('ip link add a1 type veth peer name a2');
    const t = topology(d.sim.world);
    const veths = t.links.filter((l) => l.kind === 'veth');
    expect(veths.map((l) => l.label)).toEqual([
      expect.stringMatching(/^a2@if\d+ ↔ a1@if\d+$|^a1@if\d+ ↔ a2@if\d+$/),
    ]);
    expect(t.devices[veths[0]?.a as string]?.linkName).toMatch(/@a[12]$/);
  });

  it('is the same object after a line that changed nothing it shows, a new one after one that did', async () => {
    const d = await drive();
    await d.run('docker run -d --name web1 busybox sleep 1d');
    await d.run('docker run -d --name web2 busybox sleep 1d');
    const t0 = topology(d.sim.world);
    const w0 = d.sim.world;
    // A ping changes counters, neighbour entries and conntrack: not what the graph draws.
    await d.run('docker exec web1 ping -c 1 172.17.0.3');
    expect(d.sim.world).not.toBe(w0);
    expect(topology(d.sim.world)).toBe(t0);
    await d.run('ip link set docker0 mtu 1400');
    const t1 = topology(d.sim.world);
    expect(t1).not.toBe(t0);
    // Only the bridge changed: every other device and box is the object it was.
    const br = Object.values(t1.devices).find((x) => x.name === 'docker0');
    expect(br?.mtu).toBe(1400);
    expect(t1.devices[br?.id as string]).not.toBe(t0.devices[br?.id as string]);
    const others = Object.keys(t1.devices).filter((id) => id !== br?.id);
    expect(others.every((id) => t1.devices[id] === t0.devices[id])).toBe(true);
    expect(t1.namespaces).toBe(t0.namespaces);
    expect(t1.links).toBe(t0.links);
    // And back (undo): a World seen before projects to what it showed then.
    await d.run('ip link set docker0 mtu 1500');
    expect(topology(d.sim.world).devices[br?.id as string]?.mtu).toBe(1500);
  });
});
