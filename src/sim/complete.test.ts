import { describe, expect, it } from 'vitest';
import { complete, commonPrefix } from './complete';
import { drive } from './test_helpers';

describe('complete', () => {
  it('completes commands, ip objects and verbs, interface and netns names', async () => {
    const d = await drive();
    await d.run('ip netns add red');
    await d.run('ip netns add green');
    await d.run('ip link add veth-red type veth peer name veth-host');
    const w = d.sim.world;
    const p = d.sim.hostProc();
    expect(complete(w, p, 'dock').candidates).toEqual(['docker']);
    expect(complete(w, p, 'ip l').candidates).toEqual(['link']);
    expect(complete(w, p, 'ip link s').candidates).toEqual(['set', 'show']);
    expect(complete(w, p, 'ip link set veth-').candidates).toEqual(['veth-host', 'veth-red']);
    expect(complete(w, p, 'ip addr add 10.0.0.1/24 dev e')).toEqual({ start: 28, candidates: ['eth0'] });
    expect(complete(w, p, 'ip netns exec r').candidates).toEqual(['red']);
    expect(complete(w, p, 'ip -n g').candidates).toEqual(['green']);
    expect(complete(w, p, 'echo hi | gr').candidates).toEqual(['grep']);
  });

  it('completes docker verbs, flags and network modes', async () => {
    const d = await drive();
    const w = d.sim.world;
    const p = d.sim.hostProc();
    expect(complete(w, p, 'docker netw').candidates).toEqual(['network']);
    expect(complete(w, p, 'docker network c').candidates).toEqual(['connect', 'create']);
    expect(complete(w, p, 'docker run --netw').candidates).toEqual(['--network', '--network-alias']);
    expect(complete(w, p, 'docker run --network h').candidates).toEqual(['host']);
    expect(complete(w, p, 'docker run -d --name web ngi').candidates).toEqual(['nginx']);
  });

  it('finds the common prefix', () => {
    expect(commonPrefix(['veth-host', 'veth-red'])).toBe('veth-');
    expect(commonPrefix([])).toBe('');
  });
});
