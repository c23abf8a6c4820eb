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

  it('completes the command line inside ip netns exec and docker exec, as that process sees it', async () => {
    const d = await drive();
    await d.run('ip netns add red');
    await d.run('ip link add v-red type veth peer name eth1 netns red');
    await d.run('docker run -d --name web nginx');
    await d.run('docker run -d --name bb busybox sleep 1d');
    const w = d.sim.world;
    const p = d.sim.hostProc();
    expect(complete(w, p, 'ip netns exec red ip a').candidates).toEqual(['address']);
    // red's interfaces, not the host's.
    expect(complete(w, p, 'ip netns exec red ip link set e').candidates).toEqual(['eth1']);
    expect(complete(w, p, 'docker exec -it web ip l').candidates).toEqual(['link']);
    expect(complete(w, p, 'docker exec web ip addr show dev e').candidates).toEqual(['eth0']);
    // The image's commands: BusyBox has ifconfig; the container name itself still completes.
    expect(complete(w, p, 'docker exec -it bb ifc').candidates).toEqual(['ifconfig']);
    expect(complete(w, p, 'docker exec -e A=1 -it b').candidates).toEqual(['bb']);
  });
});
