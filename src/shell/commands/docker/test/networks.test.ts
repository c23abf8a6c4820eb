/**
 * docker-behaviour.md Part A.1-A.2 and Part B.5: default networks, listing, inspecting, creating and removing.
 */
import { describe, expect, it } from 'vitest';
import { Scenario } from '../../../../sim/scenario';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- inspect JSON is checked field by field
type Inspected = Record<string, any>;
const json = (s: string) => JSON.parse(s) as Record<string, unknown>[];

describe('default networks (A.1)', () => {
  it('lists bridge, host and none sorted by name with 12-hex ids (A.1.1)', async () => {
    const net = await Scenario.start();
    const r = await net.run('docker network ls');
    expect(r.exitCode).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('NETWORK ID     NAME      DRIVER    SCOPE');
    expect(lines.slice(1, 4).map((l) => l.replace(/^[0-9a-f]{12} {3}/, 'ID   '))).toEqual([
      'ID   bridge    bridge    local',
      'ID   host      host      local',
      'ID   none      null      local',
    ]);
    expect(lines[4]).toBe('');
  });

  it('inspects none, host and bridge as a fresh daemon has them (A.1.2)', async () => {
    const net = await Scenario.start();
    const r = await net.run('docker network inspect none host bridge');
    const [none, host, bridge] = json(r.stdout) as [Inspected, Inspected, Inspected];
    for (const n of [none, host, bridge]) {
      expect(n.Scope).toBe('local');
      expect(n.Internal).toBe(false);
      expect(n.EnableIPv6).toBe(false);
      expect(n.IPAM.Driver).toBe('default');
    }
    expect(none.Driver).toBe('null');
    expect(host.Driver).toBe('host');
    expect(none.IPAM.Config).toBeNull();
    expect(bridge.IPAM.Config).toEqual([{ Subnet: '172.17.0.0/16', Gateway: '172.17.0.1' }]);
    expect(bridge.IPAM.Options).toBeNull();
    expect(bridge.Options).toEqual({
      'com.docker.network.bridge.default_bridge': 'true',
      'com.docker.network.bridge.enable_icc': 'true',
      'com.docker.network.bridge.enable_ip_masquerade': 'true',
      'com.docker.network.bridge.host_binding_ipv4': '0.0.0.0',
      'com.docker.network.bridge.name': 'docker0',
      'com.docker.network.driver.mtu': '1500',
    });
  });

  it('prints the found networks and an error for the missing one (A.1.4, B.43)', async () => {
    const net = await Scenario.start();
    let r = await net.run('docker network inspect host nonexistent');
    expect(json(r.stdout).map((n) => n.Name)).toEqual(['host']);
    expect(r.stderr).toBe('Error response from daemon: network nonexistent not found\n');
    expect(r.exitCode).toBe(1);
    r = await net.run('docker network inspect nonexistent');
    expect(r.stdout).toBe('[]\n');
    expect(r.exitCode).toBe(1);
  });

  it('indents with four spaces and keeps the struct order (6.3)', async () => {
    const net = await Scenario.start();
    await net.run('docker network create alpine-net');
    const r = await net.run('docker network inspect alpine-net');
    expect(r.stdout).toMatch(
      /^\[\n {4}\{\n {8}"Name": "alpine-net",\n {8}"Id": "[0-9a-f]{64}",\n {8}"Created": "2026-11-28T00:00:00Z",\n {8}"Scope": "local",\n {8}"Driver": "bridge",\n {8}"EnableIPv6": false,\n {8}"IPAM": \{\n {12}"Driver": "default",\n {12}"Options": \{\},\n {12}"Config": \[\n {16}\{\n {20}"Subnet": "172.18.0.0\/16",\n {20}"Gateway": "172.18.0.1"\n {16}\}\n {12}\]\n {8}\},\n {8}"Internal": false,\n {8}"Attachable": false,\n {8}"Ingress": false,\n {8}"ConfigFrom": \{\n {12}"Network": ""\n {8}\},\n {8}"ConfigOnly": false,\n {8}"Containers": \{\},\n {8}"Options": \{\},\n {8}"Labels": \{\}\n {4}\}\n\]\n$/,
    );
  });

  it('creates user networks on the next free default pool and reuses gaps (A.1.7, A.1.10)', async () => {
    const net = await Scenario.start();
    for (const n of ['a', 'b', 'c']) await net.run(`docker network create ${n}`);
    const subnet = (n: string) => net.inspect(n, '{{(index .IPAM.Config 0).Subnet}}');
    expect(await subnet('a')).toBe('172.18.0.0/16');
    expect(await subnet('b')).toBe('172.19.0.0/16');
    expect(await subnet('c')).toBe('172.20.0.0/16');
    await net.run('docker network rm b');
    await net.run('docker network create d');
    expect(await subnet('d')).toBe('172.19.0.0/16');
    for (let i = 0; i < 12; i++) await net.run(`docker network create n${i}`);
    expect(await subnet('n10')).toBe('172.31.0.0/16');
    expect(await subnet('n11')).toBe('192.168.0.0/20');
  });

  it('runs out of predefined pools after 30 networks', async () => {
    const net = await Scenario.start();
    for (let i = 0; i < 30; i++) expect((await net.run(`docker network create n${i}`)).exitCode).toBe(0);
    const r = await net.run('docker network create one-too-many');
    expect(r.stderr).toBe(
      'Error response from daemon: all predefined address pools have been fully subnetted\n',
    );
    expect(r.exitCode).toBe(1);
  });

  it('shows a fully specified network (A.1.8)', async () => {
    const net = await Scenario.start();
    const r = await net.run(
      'docker network create --driver=bridge --ipv6 --subnet=fd80:24e2:f998:72d6::/64 --subnet=172.28.0.0/16 --ip-range=172.28.5.0/24 --gateway=172.28.5.254 br0',
    );
    expect(r.exitCode).toBe(0);
    const [n] = json((await net.run('docker network inspect br0')).stdout) as [Inspected];
    expect(n.EnableIPv6).toBe(true);
    expect(n.IPAM.Config).toEqual([
      { Subnet: '172.28.0.0/16', IPRange: '172.28.5.0/24', Gateway: '172.28.5.254' },
      { Subnet: 'fd80:24e2:f998:72d6::/64' },
    ]);
  });
});

describe('create and remove errors (B.5)', () => {
  it('refuses predefined names (B.34, B.35)', async () => {
    const net = await Scenario.start();
    for (const n of ['bridge', 'host', 'none', 'default']) {
      const r = await net.run(`docker network create ${n}`);
      expect(r.stderr).toBe(
        `Error response from daemon: operation is not permitted on predefined ${n} network \n`,
      );
      expect(r.exitCode).toBe(1);
    }
    for (const n of ['bridge', 'host', 'none']) {
      const r = await net.run(`docker network rm ${n}`);
      expect(r.stderr).toBe(
        `Error response from daemon: ${n} is a pre-defined network and cannot be removed\n`,
      );
    }
    expect((await net.run('docker network rm default')).stderr).toBe(
      'Error response from daemon: network default not found\n',
    );
  });

  it('refuses a duplicate name (A.1.11, B.38)', async () => {
    const net = await Scenario.start();
    await net.run('docker network create mynet');
    const r = await net.run('docker network create mynet');
    expect(r.stderr).toBe('Error response from daemon: network with name mynet already exists\n');
    expect(r.exitCode).toBe(1);
  });

  it('checks IPAM flags in the CLI (B.40)', async () => {
    const net = await Scenario.start();
    const cases: [string, string][] = [
      ['--subnet=192.168.0.0/16 --ip-range=192.170.0.0/16', 'no matching subnet for range 192.170.0.0/16'],
      [
        '--subnet=192.168.0.0/16 --gateway=192.168.0.1 --gateway=192.168.0.2',
        'every ip-range or gateway must have a corresponding subnet',
      ],
      [
        '--subnet=192.168.0.0/16 --subnet=192.168.1.0/16',
        'multiple overlapping subnet configuration is not supported',
      ],
      [
        '--subnet=192.168.0.0/16 --subnet=192.170.0.0/16 --gateway=192.168.0.1 --gateway=192.168.0.2',
        'cannot configure multiple gateways (192.168.0.2, 192.168.0.1) for the same subnet (192.168.0.0/16)',
      ],
      ['--subnet=192.168.0.0/16 --gateway=10.0.0.1', 'no matching subnet for gateway 10.0.0.1'],
    ];
    for (const [flags, msg] of cases) {
      const r = await net.run(`docker network create ${flags} test`);
      expect(r.stderr).toBe(`${msg}\n`);
      expect(r.stdout).toBe('');
      expect(r.exitCode).toBe(1);
    }
  });

  it('rejects a non-canonical subnet and an overlapping one (B.41)', async () => {
    const net = await Scenario.start();
    let r = await net.run('docker network create --subnet 10.1.2.3/16 x');
    expect(r.stderr).toBe(
      'Error response from daemon: invalid network config:\ninvalid subnet 10.1.2.3/16: it should be 10.1.0.0/16\n',
    );
    r = await net.run('docker network create --subnet 172.17.5.0/24 x');
    expect(r.stderr).toBe(
      'Error response from daemon: invalid pool request: Pool overlaps with other one on this address space\n',
    );
  });

  it('keeps a network with active endpoints and removes the others (A.2.13, A.2.14, B.37)', async () => {
    const net = await Scenario.start();
    for (const n of ['testDelMulti0', 'testDelMulti1', 'testDelMulti2'])
      await net.run(`docker network create ${n}`);
    await net.run('docker run -d --name c1 --network testDelMulti2 busybox top');
    const id = await net.inspect('testDelMulti2', '{{.Id}}');
    const r = await net.run('docker network rm testDelMulti0 testDelMulti1 testDelMulti2');
    expect(r.stdout).toBe('testDelMulti0\ntestDelMulti1\n');
    expect(r.stderr).toBe(
      `Error response from daemon: error while removing network: network testDelMulti2 id ${id} has active endpoints\n`,
    );
    expect(r.exitCode).toBe(1);
    expect(
      (await net.run('docker network ls -q -f name=testDelMulti')).stdout.split('\n').filter(Boolean),
    ).toHaveLength(1);
    await net.run('docker stop c1');
    expect((await net.run('docker network rm testDelMulti2')).exitCode).toBe(0);
  });

  it('prunes unused custom networks only', async () => {
    const net = await Scenario.start();
    await net.run('docker network create used');
    await net.run('docker network create unused');
    await net.run('docker run -d --network used --name c1 busybox top');
    const r = await net.run('docker network prune -f');
    expect(r.stdout).toBe('Deleted Networks:\nunused\n\n');
  });
});

describe('renamed containers (A.1.5)', () => {
  it('shows the new name in the network', async () => {
    const net = await Scenario.start();
    await net.run('docker network create brNetForInspect');
    await net.run('docker run -d --name testNetInspect1 --net brNetForInspect busybox top');
    const id = await net.inspect('testNetInspect1', '{{.Id}}');
    const name = async () =>
      (await net.run(`docker network inspect -f '{{(index .Containers "${id}").Name}}' brNetForInspect`))
        .stdout;
    expect(await name()).toBe('testNetInspect1\n');
    expect((await net.run('docker rename testNetInspect1 HappyNewName')).exitCode).toBe(0);
    expect(await name()).toBe('HappyNewName\n');
    const same = await net.run('docker rename HappyNewName HappyNewName');
    expect(same.stderr).toBe(
      'Error response from daemon: Renaming a container with the same name as its current name\nError: failed to rename container named HappyNewName\n',
    );
    expect((await net.run('docker kill HappyNewName')).stdout).toBe('HappyNewName\n');
    expect((await net.run('docker kill HappyNewName')).stderr).toBe(
      `Error response from daemon: Cannot kill container: HappyNewName: container ${id} is not running\n`,
    );
  });
});
