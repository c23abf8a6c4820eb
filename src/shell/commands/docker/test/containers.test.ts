/**
 * docker-behaviour.md Part A.3-A.8 through the CLI: connect/disconnect, network modes, addresses, MACs,
 * interface names, published ports.
 */
import { describe, expect, it } from 'vitest';
import { Scenario } from '../../../../sim/scenario';

describe('connect and disconnect (A.3)', () => {
  it('connects a running container and lists it, then disconnects it (A.3.16)', async () => {
    const net = await Scenario.start();
    await net.run('docker network create test');
    await net.run('docker run -d --name test busybox top');
    expect((await net.run('docker network connect test test')).exitCode).toBe(0);
    const ip = await net.inspect('test', '{{.NetworkSettings.Networks.test.IPAddress}}');
    const inNet = (
      await net.run("docker network inspect -f '{{range .Containers}}{{.IPv4Address}}{{end}}' test")
    ).stdout.trim();
    expect(ip).toBe('172.18.0.2');
    expect(inNet).toBe('172.18.0.2/16');
    await net.run('docker network disconnect test test');
    expect((await net.run("docker network inspect -f '{{len .Containers}}' test")).stdout).toBe('0\n');
  });

  it('refuses a second endpoint on the same network and leaves inspect unchanged (A.3.17)', async () => {
    const net = await Scenario.start();
    await net.run('docker run -d --name bb busybox top');
    const before = await net.inspect('bb', '{{json .NetworkSettings.Networks.bridge}}');
    const r = await net.run('docker network connect bridge bb');
    expect(r.stderr).toBe(
      'Error response from daemon: endpoint with name bb already exists in network bridge\n',
    );
    expect(r.exitCode).toBe(1);
    expect(await net.inspect('bb', '{{json .NetworkSettings.Networks.bridge}}')).toBe(before);
  });

  it('starts a created container on the networks it was given (A.3.19, A.3.20)', async () => {
    const net = await Scenario.start();
    await net.run('docker network create test1');
    await net.run('docker network create test2');
    await net.run('docker create --name foo busybox top');
    await net.run('docker network connect test1 foo');
    await net.run('docker network connect test2 foo');
    const bridgeId = await net.inspect('bridge', '{{.Id}}');
    expect((await net.run(`docker network disconnect ${bridgeId} foo`)).exitCode).toBe(0);
    await net.run('docker start foo');
    const nets = await net.inspect('foo', '{{range $k, $v := .NetworkSettings.Networks}}{{$k}} {{end}}');
    expect(nets).toBe('test1 test2 ');
  });

  it('moves the default route and the ephemeral port with the gateway network (A.3.22, A.3.23, obs. 40)', async () => {
    const net = await Scenario.start();
    await net.run('docker network create aaa');
    await net.run('docker network create ccc');
    await net.run('docker run -d --name c1 -p 9000:90 -p 70 busybox top');
    expect((await net.run('docker port c1 70')).stdout).toBe('0.0.0.0:32768\n[::]:32768\n');
    expect((await net.run('docker network connect aaa c1')).exitCode).toBe(0);
    expect((await net.exec('c1', 'ip route')).stdout).toBe(
      'default via 172.18.0.1 dev eth1 \n172.17.0.0/16 dev eth0 scope link  src 172.17.0.2 \n172.18.0.0/16 dev eth1 scope link  src 172.18.0.2 \n',
    );
    expect((await net.run('docker port c1 70')).stdout).toBe('0.0.0.0:32769\n[::]:32769\n');
    expect((await net.run('docker port c1 90')).stdout).toBe('0.0.0.0:9000\n[::]:9000\n');
    await net.run('docker network disconnect aaa c1');
    expect((await net.run('docker port c1 70')).stdout).toBe('0.0.0.0:32770\n[::]:32770\n');
    await net.run('docker network connect ccc c1');
    expect((await net.run('docker port c1 70')).stdout).toBe('0.0.0.0:32770\n[::]:32770\n');
    expect((await net.exec('c1', 'ip route')).stdout).toMatch(/^default via 172\.17\.0\.1 dev eth0 \n/);
  });

  it('numbers interfaces per sandbox and never reuses a number (2.1)', async () => {
    const net = await Scenario.start();
    await net.run('docker network create n1');
    await net.run('docker run -d --name c1 busybox top');
    await net.run('docker network connect n1 c1');
    await net.run('docker network disconnect n1 c1');
    await net.run('docker network connect n1 c1');
    const r = await net.exec('c1', 'ip link');
    expect(r.stdout).toMatch(/: eth0@if\d+:/);
    expect(r.stdout).toMatch(/: eth2@if\d+:/);
    expect(r.stdout).not.toMatch(/eth1@/);
    await net.run('docker restart c1');
    const again = await net.exec('c1', 'ip link');
    expect(again.stdout).toMatch(/: eth0@if\d+:/);
    expect(again.stdout).toMatch(/: eth1@if\d+:/);
  });

  it('reports what cannot be connected or disconnected (B.3)', async () => {
    const net = await Scenario.start();
    await net.run('docker network create mynet');
    await net.run('docker run -d --name c1 busybox top');
    const id = await net.inspect('c1', '{{.Id}}');
    const cases: [string, string][] = [
      [
        'docker network connect host c1',
        'container cannot be disconnected from host network or connected to host network',
      ],
      ['docker network disconnect mynet c1', `container ${id} is not connected to network mynet`],
      ['docker network connect mynet nosuch', 'No such container: nosuch'],
      [
        'docker network connect --ip 172.21.55.44 bridge c1',
        'invalid endpoint settings:\nuser specified IP address is supported on user defined networks only',
      ],
      ['docker network connect nosuch c1', 'network nosuch not found'],
    ];
    for (const [line, msg] of cases) {
      const r = await net.run(line);
      expect(r.stderr).toBe(`Error response from daemon: ${msg}\n`);
      expect(r.exitCode).toBe(1);
    }
    await net.run('docker run -d --net=host --name h1 busybox top');
    expect((await net.run('docker network disconnect host h1')).stderr).toBe(
      'Error response from daemon: container cannot be disconnected from host network or connected to host network\n',
    );
    expect((await net.run('docker network connect mynet h1')).stderr).toBe(
      'Error response from daemon: container sharing network namespace with another container or host cannot be connected to any other network\n',
    );
    await net.run('docker run -d --net=container:c1 --name second busybox top');
    expect((await net.run('docker network connect mynet second')).stderr).toBe(
      'Error response from daemon: container sharing network namespace with another container or host cannot be connected to any other network\n',
    );
    await net.run('docker run -d --net=none --name first busybox top');
    const none =
      'Error response from daemon: container cannot be connected to multiple networks with one of the networks in private (none) mode\n';
    expect((await net.run('docker network connect mynet first')).stderr).toBe(none);
    await net.run('docker run -d --net=mynet --name third busybox top');
    expect((await net.run('docker network connect none third')).stderr).toBe(none);
    await net.run('docker stop c1');
    expect((await net.run('docker network disconnect mynet c1')).stderr).toBe(
      `Error response from daemon: container ${id} is not connected to the network mynet\n`,
    );
  });
});

describe('network modes (A.4)', () => {
  it('none: only lo (A.4.25)', async () => {
    const net = await Scenario.start();
    const r = await net.run('docker run --rm --net=none busybox ip a');
    expect(r.stdout.split('\n').filter((l) => /^\d+: /.test(l))).toEqual([
      '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue qlen 1000',
    ]);
    expect(await net.inspect('none', '{{len .Containers}}')).toBe('0');
  });

  it('container: shares the joined container hostname (A.4.31) and host mode the host name (A.4.32, A.4.34)', async () => {
    const net = await Scenario.start();
    await net.run('docker run -d --name parent busybox top');
    const mine = (await net.exec('parent', 'cat /etc/hostname')).stdout;
    expect((await net.run('docker run --rm --net=container:parent busybox cat /etc/hostname')).stdout).toBe(
      mine,
    );
    expect((await net.run('docker run --rm -h=testhostname busybox cat /etc/hostname')).stdout).toBe(
      'testhostname\n',
    );
    expect((await net.run('docker run --rm --net=host busybox cat /etc/hostname')).stdout).toBe(
      'docker-host\n',
    );
    expect((await net.run('docker run --rm --net=host --hostname=foobar busybox hostname')).stdout).toBe(
      'foobar\n',
    );
  });

  it('two host-mode containers both run (A.4.35); -p is discarded with a warning (B.13)', async () => {
    const net = await Scenario.start();
    const r = await net.run('docker run -d -p 80:80 --net=host --name h1 nginx');
    expect(r.stderr).toBe('WARNING: Published ports are discarded when using host network mode\n');
    expect(r.stdout).toMatch(/^[0-9a-f]{64}\n$/);
    await net.run('docker run -d --net=host --name h2 busybox top');
    expect((await net.run('docker ps -q')).stdout.split('\n').filter(Boolean)).toHaveLength(2);
    expect(await net.inspect('h1', '{{.NetworkSettings.SandboxKey}}')).toBe('/var/run/docker/netns/default');
    expect(await net.inspect('h1', '{{json .NetworkSettings.Ports}}')).toBe('{}');
  });

  it('a container: mode container has no networks of its own; its target must run (B.1.10, B.1.11)', async () => {
    const net = await Scenario.start();
    await net.run('docker create --name pp busybox top');
    const id = await net.inspect('pp', '{{.Id}}');
    let r = await net.run('docker run --net=container:pp busybox');
    expect(r.stderr).toBe(
      `docker: Error response from daemon: cannot join network of a non running container: ${id}.\n`,
    );
    expect(r.exitCode).toBe(125);
    r = await net.run('docker run --net=container:nosuch busybox');
    expect(r.stderr).toBe('docker: Error response from daemon: No such container: nosuch.\n');
    await net.run('docker start pp');
    await net.run('docker run -d --name side --net=container:pp busybox top');
    expect(await net.inspect('side', '{{json .NetworkSettings.Networks}}')).toBe('{}');
    expect(await net.inspect('side', '{{.HostConfig.NetworkMode}}')).toBe(`container:${id}`);
    expect((await net.exec('side', 'ip a')).stdout).toBe((await net.exec('pp', 'ip a')).stdout);
  });
});

describe('files Docker writes (A.5)', () => {
  it('writes /etc/hosts with the IPv6 defaults and its own address (A.5.44); peers never appear (A.5.43)', async () => {
    const net = await Scenario.start();
    await net.run('docker network create testnetwork');
    await net.run('docker run -d --name first --network testnetwork busybox top');
    const id = await net.inspect('first', '{{.Id}}');
    const hosts = (await net.exec('first', 'cat /etc/hosts')).stdout;
    expect(hosts).toBe(
      `127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nff00::0\tip6-mcastprefix\nff02::1\tip6-allnodes\nff02::2\tip6-allrouters\n172.18.0.2\t${id.slice(0, 12)}\n`,
    );
    await net.run('docker run -d --name second --network testnetwork busybox top');
    expect((await net.exec('first', 'cat /etc/hosts')).stdout).toBe(hosts);
  });

  it('points user networks at the embedded resolver (A.5.47) and copies the host file on the default bridge', async () => {
    const net = await Scenario.start();
    await net.run('docker network create un');
    await net.run('docker run -d --name u1 --network un busybox top');
    expect((await net.exec('u1', 'cat /etc/resolv.conf')).stdout).toBe(
      "# Generated by Docker Engine.\n# This file can be edited; Docker Engine will not make further changes once it\n# has been modified.\n\nnameserver 127.0.0.11\noptions ndots:0\n\n# Based on host file: '/etc/resolv.conf' (internal resolver)\n# ExtServers: [8.8.8.8]\n# Overrides: []\n# Option ndots from: internal\n",
    );
    await net.run('docker run -d --name b1 busybox top');
    expect((await net.exec('b1', 'cat /etc/resolv.conf')).stdout).toBe(
      "# Generated by Docker Engine.\n# This file can be edited; Docker Engine will not make further changes once it\n# has been modified.\n\nnameserver 8.8.8.8\n\n# Based on host file: '/etc/resolv.conf' (legacy)\n# Overrides: []\n",
    );
  });

  it('applies --dns options and warns about a localhost server (A.5.46)', async () => {
    const net = await Scenario.start();
    const r = await net.run(
      'docker run --rm --dns=127.0.0.1 --dns-search=mydomain --dns-opt=ndots:9 busybox cat /etc/resolv.conf',
    );
    expect(r.stderr).toContain('WARNING: Localhost DNS setting (--dns=127.0.0.1) may fail in containers.');
    const body = r.stdout.split('\n').filter((l) => l !== '' && !l.startsWith('#'));
    expect(body).toEqual(['nameserver 127.0.0.1', 'search mydomain', 'options ndots:9']);
    const dot = await net.run('docker run --rm --dns-search=. busybox cat /etc/resolv.conf');
    expect(dot.stdout.split('\n').filter((l) => l.startsWith('search'))).toEqual([]);
  });
});

describe('internal networks and ICC (A.6)', () => {
  it('internal: no default route, Internal true, drop rules instead of NAT (A.6.52)', async () => {
    const net = await Scenario.start();
    await net.run('docker network create --internal internal');
    expect(await net.inspect('internal', '{{.Internal}}')).toBe('true');
    expect((await net.run('docker run --rm --network internal busybox ip route')).stdout).toBe(
      '172.18.0.0/16 dev eth0 scope link  src 172.18.0.2 \n',
    );
    const br = `br-${(await net.inspect('internal', '{{.Id}}')).slice(0, 12)}`;
    const filter = (await net.run('iptables -S DOCKER-ISOLATION-STAGE-1')).stdout;
    expect(filter).toContain(
      `-A DOCKER-ISOLATION-STAGE-1 ! -s 172.18.0.0/16 -o ${br} -j DROP\n-A DOCKER-ISOLATION-STAGE-1 ! -d 172.18.0.0/16 -i ${br} -j DROP\n`,
    );
    expect((await net.run('iptables -t nat -S')).stdout).not.toContain(br);
  });

  it('ICC off appends a DROP at the end of FORWARD (A.6.53)', async () => {
    const net = await Scenario.start();
    await net.run('docker network create -o com.docker.network.bridge.enable_icc=false noicc');
    const br = `br-${(await net.inspect('noicc', '{{.Id}}')).slice(0, 12)}`;
    const lines = (await net.run('iptables -S FORWARD')).stdout.trim().split('\n');
    expect(lines[lines.length - 1]).toBe(`-A FORWARD -i ${br} -o ${br} -j DROP`);
    expect(lines).not.toContain(`-A FORWARD -i ${br} -o ${br} -j ACCEPT`);
  });
});

describe('addresses and MACs (A.7, A.1.2)', () => {
  it('hands out the lowest free address and derives the MAC from it (A.7.55, obs. 39)', async () => {
    const net = await Scenario.start();
    await net.run('docker run -d --name c1 busybox top');
    await net.run('docker run -d --name c2 busybox top');
    expect(await net.inspect('c2', '{{.NetworkSettings.IPAddress}} {{.NetworkSettings.MacAddress}}')).toBe(
      '172.17.0.3 02:42:ac:11:00:03',
    );
    await net.run('docker rm -f c2');
    await net.run('docker run -d --name c4 busybox top');
    expect(await net.inspect('c4', '{{.NetworkSettings.IPAddress}} {{.NetworkSettings.MacAddress}}')).toBe(
      '172.17.0.3 02:42:ac:11:00:03',
    );
    await net.run('docker network create mynet');
    await net.run('docker run -d --name c3 --network mynet busybox top');
    expect(await net.inspect('c3', '{{.NetworkSettings.Networks.mynet.MacAddress}}')).toBe(
      '02:42:ac:12:00:02',
    );
    expect(await net.inspect('c3', '{{.NetworkSettings.IPAddress}}')).toBe('');
  });

  it('sets --mac-address on the first network only (A.7.56)', async () => {
    const net = await Scenario.start();
    await net.run('docker network create other');
    await net.run('docker run -d --name m1 --mac-address 12:34:56:78:9a:bc busybox top');
    expect((await net.exec('m1', 'ip link show eth0')).stdout).toContain('link/ether 12:34:56:78:9a:bc ');
    expect(await net.inspect('m1', '{{.NetworkSettings.Networks.bridge.MacAddress}}')).toBe(
      '12:34:56:78:9a:bc',
    );
    await net.run('docker network connect other m1');
    expect(await net.inspect('m1', '{{.NetworkSettings.Networks.other.MacAddress}}')).toBe(
      '02:42:ac:12:00:02',
    );
    const bad = await net.run('docker run --mac-address 92:d0:c6:0a:29 busybox');
    expect(bad.stderr).toBe("docker: 92:d0:c6:0a:29 is not a valid mac address.\nSee 'docker run --help'.\n");
    expect(bad.exitCode).toBe(125);
  });

  it('keeps static --ip inside user subnets (B.4.26-28, 3.3)', async () => {
    const net = await Scenario.start();
    await net.run('docker network create --subnet 172.30.0.0/16 static');
    await net.run('docker network create dyn');
    expect(
      (await net.run('docker run -d --name s1 --network static --ip 172.30.100.104 busybox top')).exitCode,
    ).toBe(0);
    expect(await net.inspect('s1', '{{.NetworkSettings.Networks.static.IPAddress}}')).toBe('172.30.100.104');
    const cases: [string, string][] = [
      ['--network static --ip 172.30.100.104', 'Address already in use.'],
      [
        '--network dyn --ip 172.19.0.9',
        "invalid config for network dyn: invalid endpoint settings:\nuser specified IP address is supported only when connecting to networks with user configured subnets.\nSee 'docker run --help'.",
      ],
      [
        '--network static --ip 10.0.0.5',
        "invalid config for network static: invalid endpoint settings:\nno configured subnet or ip-range contain the IP address 10.0.0.5.\nSee 'docker run --help'.",
      ],
      [
        '--network static --ip mynet_ip',
        "invalid config for network static: invalid endpoint settings:\ninvalid IPv4 address: mynet_ip.\nSee 'docker run --help'.",
      ],
    ];
    for (const [flags, msg] of cases) {
      const r = await net.run(`docker run -d ${flags} busybox top`);
      expect(r.stderr).toContain(`docker: Error response from daemon: ${msg}\n`);
      expect(r.exitCode).toBe(125);
    }
    for (const mode of ['bridge', 'host', 'none', 'default']) {
      const r = await net.run(`docker run -d --net ${mode} --ip 172.28.99.88 busybox top`);
      expect(r.stderr).toBe(
        `docker: Error response from daemon: invalid config for network ${mode === 'default' ? 'bridge' : mode}: invalid endpoint settings:\nuser specified IP address is supported on user defined networks only.\nSee 'docker run --help'.\n`,
      );
    }
  });
});

describe('published ports (A.8)', () => {
  it('binds on the network host_binding_ipv4 (A.8.61)', async () => {
    const net = await Scenario.start();
    await net.run('docker network create -o com.docker.network.bridge.host_binding_ipv4=192.168.10.1 hb');
    await net.run('docker run -d --name c1 --network hb -p 5000:5000 busybox top');
    expect((await net.run("docker ps --format '{{.Ports}}'")).stdout).toBe('192.168.10.1:5000->5000/tcp\n');
  });

  it('refuses a port in use at start and leaves the container Created (A.8.62, B.4.31)', async () => {
    const net = await Scenario.start();
    await net.run('docker run -d -p 1234:80 --name p1 busybox top');
    const r = await net.run('docker run -d -p 1234:80 --name p2 busybox top');
    const ep = /on endpoint p2 \(([0-9a-f]{64})\)/.exec(r.stderr)?.[1];
    expect(ep).toBeDefined();
    expect(r.stderr).toBe(
      `docker: Error response from daemon: driver failed programming external connectivity on endpoint p2 (${ep}): Bind for 0.0.0.0:1234 failed: port is already allocated.\n`,
    );
    expect(r.exitCode).toBe(125);
    expect((await net.run("docker ps -a --format '{{.Names}} {{.Status}}'")).stdout).toBe(
      'p2 Created\np1 Up Less than a second\n',
    );
  });

  it('formats ports like the 27.5 CLI (6.4)', async () => {
    const net = await Scenario.start();
    await net.run('docker run -d -p 8080:80 --name aa nginx');
    await net.run('docker run -d -p 80:80 --name bb nginx');
    await net.run('docker run -d --name cc nginx');
    const r = await net.run("docker ps --format '{{.Names}}: {{.Ports}}'");
    expect(r.stdout).toBe(
      'cc: 80/tcp\nbb: 0.0.0.0:80->80/tcp, :::80->80/tcp\naa: 0.0.0.0:8080->80/tcp, [::]:8080->80/tcp\n',
    );
    expect((await net.run('docker port aa')).stdout).toBe('80/tcp -> 0.0.0.0:8080\n80/tcp -> [::]:8080\n');
    const none = await net.run('docker port cc 80');
    expect(none.stderr).toBe("Error: No public port '80' published for cc\n");
    expect(none.exitCode).toBe(1);
  });
});
