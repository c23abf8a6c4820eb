/**
 * Capabilities in containers: Docker's flags and inspect, the process's set (exec --privileged, shared network
 * namespaces), and rtnetlink/mount refusals. Expected texts were captured on the 6.18 kernel with
 * `setpriv --bounding-set=-net_admin` (or -sys_admin) in a throwaway namespace.
 */
import { describe, expect, it } from 'vitest';
import { Scenario, type Outcome } from '../sim/scenario';

const EPERM_RTNL = 'RTNETLINK answers: Operation not permitted\n';

async function expectRun(net: Scenario, line: string, want: Partial<Outcome>): Promise<void> {
  const r = await net.run(line);
  expect({ line, ...r }).toEqual({ line, stdout: '', stderr: '', exitCode: 0, ...want });
}

async function withContainers(...runs: string[]): Promise<Scenario> {
  const net = await Scenario.start();
  for (const r of runs) expect((await net.run(r)).exitCode).toBe(0);
  return net;
}

describe('docker run --cap-add / --cap-drop / --privileged', () => {
  it('stores the lists as given and shows them in inspect', async () => {
    const net = await withContainers(
      'docker run -d --name plain busybox sleep 1000',
      'docker run -d --name adm --cap-add net_admin --cap-add CAP_SYS_ADMIN --cap-drop NET_RAW busybox sleep 1000',
      'docker create --name priv --privileged busybox',
    );
    const t = '{{json .HostConfig.CapAdd}} {{json .HostConfig.CapDrop}} {{.HostConfig.Privileged}}';
    expect(await net.inspect('plain', t)).toBe('null null false');
    expect(await net.inspect('adm', t)).toBe('["net_admin","CAP_SYS_ADMIN"] ["NET_RAW"] false');
    expect(await net.inspect('priv', t)).toBe('null null true');
    const sec = '{{.AppArmorProfile}} {{json .HostConfig.SecurityOpt}}';
    expect(await net.inspect('plain', sec)).toBe('docker-default null');
    expect(await net.inspect('priv', sec)).toBe('unconfined ["label=disable"]');
  });

  it('refuses an unknown name with the daemon error, before the network mode is checked', async () => {
    const net = await Scenario.start();
    await expectRun(net, 'docker run --cap-add FOO busybox', {
      stderr:
        'docker: Error response from daemon: invalid CapAdd: unknown capability: "CAP_FOO".\n' +
        "See 'docker run --help'.\n",
      exitCode: 125,
    });
    await expectRun(net, 'docker create --cap-drop cap_bar --network container: busybox', {
      stderr:
        'docker: Error response from daemon: invalid CapDrop: unknown capability: "CAP_BAR".\n' +
        "See 'docker create --help'.\n",
      exitCode: 125,
    });
    expect((await net.run('docker ps -aq')).stdout).toBe('');
  });
});

describe('rtnetlink without CAP_NET_ADMIN', () => {
  it('refuses iproute2 changes after the device lookups, and changes nothing', async () => {
    const net = await withContainers('docker run -d --name cx nicolaka/netshoot sleep 1000');
    for (const cmd of [
      'ip link set lo mtu 1400',
      'ip link set eth0 down',
      'ip link set eth0 mtu 99999',
      'ip link add br9 type bridge',
      'ip link del eth0',
      'ip addr add 10.9.0.1/24 dev eth0',
      'ip addr del 127.0.0.1/8 dev lo',
      'ip route add 10.2.0.0/16 dev eth0',
      'ip rule add from 1.2.3.4 table 5',
      'ip neigh add 10.9.0.5 lladdr 02:00:00:00:00:01 dev eth0',
    ])
      await expectRun(net, `docker exec cx ${cmd}`, { stderr: EPERM_RTNL, exitCode: 2 });
    await expectRun(net, 'docker exec cx ip link set nosuch up', {
      stderr: 'Cannot find device "nosuch"\n',
      exitCode: 1,
    });
    await expectRun(net, 'docker exec cx ip link add name thisnameistoolong123 type bridge', {
      stderr: 'Error: argument "thisnameistoolong123" is wrong: "name" not a valid ifname\n',
      exitCode: 255,
    });
    expect((await net.exec('cx', 'ip -br link show lo')).stdout).toContain('LOOPBACK,UP,LOWER_UP');
    expect((await net.exec('cx', 'ip -4 -o addr show dev eth0')).stdout).toContain('172.17.0.2/16');
  });

  it('makes flushes fail with each flush its own exit status', async () => {
    const net = await withContainers('docker run -d --name cx nicolaka/netshoot sleep 1000');
    const failed = 'Failed to send flush request: Operation not permitted\n';
    await expectRun(net, 'docker exec cx ip -s addr flush dev eth0', { stderr: failed, exitCode: 255 });
    await expectRun(net, 'docker exec cx ip route flush dev eth0', { stderr: failed, exitCode: 2 });
    await expectRun(net, 'docker exec cx ip rule flush', {
      stderr: `${EPERM_RTNL}Dump terminated\n`,
      exitCode: 255,
    });
    // Nothing matched: nothing is sent.
    await expectRun(net, 'docker exec cx ip route flush dev lo', {});
  });

  it('gives BusyBox ip its ioctl and netlink wordings', async () => {
    const net = await withContainers('docker run -d --name cb busybox sleep 1000');
    const cases: [string, string, number][] = [
      ['ip link set lo mtu 1400', 'ip: SIOCSIFMTU: Operation not permitted\n', 2],
      ['ip link set nosuch mtu 1400', 'ip: SIOCSIFMTU: Operation not permitted\n', 2],
      ['ip link set eth0 name zz', 'ip: SIOCSIFNAME: Operation not permitted\n', 2],
      ['ip link set eth0 down', 'ip: SIOCSIFFLAGS: Operation not permitted\n', 2],
      ['ip link set eth0 address 02:00:00:00:00:09', 'ip: SIOCSIFHWADDR: Operation not permitted\n', 2],
      ['ip addr add 10.9.0.2/24 dev eth0', 'ip: RTNETLINK answers: Operation not permitted\n', 2],
      ['ip route add 10.4.0.0/16 dev eth0', 'ip: RTNETLINK answers: Operation not permitted\n', 2],
      ['ip link add d5 type veth peer name d6', 'ip: RTNETLINK answers: Operation not permitted\n', 2],
      ['ip addr flush dev eth0', "ip: can't send flush request: Operation not permitted\n", 1],
      ['ip route flush dev eth0', "ip: can't send flush request: Operation not permitted\n", 1],
    ];
    for (const [cmd, stderr, exitCode] of cases)
      await expectRun(net, `docker exec cb ${cmd}`, { stderr, exitCode });
    // do_chflags() sends SIOCSIFFLAGS only when the flag changes.
    await expectRun(net, 'docker exec cb ip link set eth0 up', {});
  });

  it('BusyBox neigh flush prints each entry it queues, then sends the batch (refused without the capability)', async () => {
    const net = await withContainers('docker run -d --name cb --cap-add NET_ADMIN busybox sleep 1000');
    const entry = '172.17.0.8 lladdr 02:00:00:00:00:08 used 0/0/0 probes 0 STALE\n';
    // BusyBox ip has no `neigh replace`: iproute2 from a netshoot sharing the namespace adds the entry.
    const r = await net.run(
      'docker run --rm --network container:cb --cap-add NET_ADMIN nicolaka/netshoot ip neigh replace 172.17.0.8 lladdr 02:00:00:00:00:08 dev eth0 nud stale',
    );
    expect(r.exitCode).toBe(0);
    await expectRun(net, 'docker run --rm --network container:cb busybox ip neigh flush dev eth0', {
      stdout: entry,
      stderr: "ip: can't send flush request: Operation not permitted\n",
      exitCode: 1,
    });
    await expectRun(net, 'docker exec cb ip neigh flush dev eth0', {
      stdout: `${entry}\n*** Round 1, deleting 1 entries ***\n*** Flush is complete after 1 round(s) ***\n`,
    });
  });

  it('refuses bridge fdb/link/vlan changes', async () => {
    const net = await withContainers('docker run -d --name cx nicolaka/netshoot sleep 1000');
    for (const cmd of [
      'bridge fdb add 02:00:00:00:00:02 dev eth0 master',
      'bridge fdb del 02:00:00:00:00:02 dev eth0 master',
      'bridge link set dev eth0 cost 5',
      'bridge vlan add vid 5 dev eth0',
    ])
      await expectRun(net, `docker exec cx ${cmd}`, { stderr: EPERM_RTNL, exitCode: 255 });
  });
});

describe("a process's capabilities", () => {
  it('comes from its container: --cap-add, ALL, --privileged, exec --privileged', async () => {
    const net = await withContainers(
      'docker run -d --name plain nicolaka/netshoot sleep 1000',
      'docker run -d --name adm --cap-add NET_ADMIN nicolaka/netshoot sleep 1000',
      'docker run -d --name all --cap-add ALL --cap-drop NET_ADMIN nicolaka/netshoot sleep 1000',
      'docker run -d --name priv --privileged nicolaka/netshoot sleep 1000',
    );
    await expectRun(net, 'docker exec plain ip link set lo mtu 1400', { stderr: EPERM_RTNL, exitCode: 2 });
    await expectRun(net, 'docker exec adm ip link set lo mtu 1400', {});
    await expectRun(net, 'docker exec all ip link set lo mtu 1400', { stderr: EPERM_RTNL, exitCode: 2 });
    await expectRun(net, 'docker exec priv ip link set lo mtu 1400', {});
    await expectRun(net, 'docker exec --privileged plain ip link set lo mtu 1300', {});
    expect((await net.exec('plain', 'ip -o link show lo')).stdout).toContain('mtu 1300');
    // The host's shell keeps every capability.
    await expectRun(net, 'ip link set lo mtu 1500', {});
  });

  it('is its own in a shared network namespace (--network container:)', async () => {
    const net = await withContainers(
      'docker run -d --name pod --cap-add NET_ADMIN busybox sleep 1000',
      'docker run -d --name side --network container:pod busybox sleep 1000',
    );
    await expectRun(net, 'docker exec side ip link set lo mtu 1400', {
      stderr: 'ip: SIOCSIFMTU: Operation not permitted\n',
      exitCode: 2,
    });
    await expectRun(net, 'docker exec pod ip link set lo mtu 1400', {});
    expect((await net.exec('side', 'ip link show lo')).stdout).toContain('mtu 1400');
  });

  it('goes with a shell opened by exec -it --privileged', async () => {
    const net = await withContainers('docker run -d --name cb busybox sleep 1000');
    await net.run('docker exec -it --privileged cb sh');
    expect(net.inContainer).toBe(true);
    await expectRun(net, 'ip link set lo mtu 1400', {});
    await net.run('exit');
    await net.run('docker exec -it cb sh');
    await expectRun(net, 'ip link set lo mtu 1300', {
      stderr: 'ip: SIOCSIFMTU: Operation not permitted\n',
      exitCode: 2,
    });
  });

  it('needs CAP_SYS_ADMIN for ip netns add (it mounts /run/netns)', async () => {
    const net = await withContainers(
      'docker run -d --name cx --cap-add NET_ADMIN nicolaka/netshoot sleep 1000',
      'docker run -d --name cy --cap-add SYS_ADMIN nicolaka/netshoot sleep 1000',
    );
    await expectRun(net, 'docker exec cx ip netns add foo', {
      stderr: 'mount --make-shared /run/netns failed: Operation not permitted\n',
      exitCode: 1,
    });
    await expectRun(net, 'docker exec cy ip netns add foo', {});
  });

  it('decides the mounts only for a --privileged container: /proc/sys is writable there', async () => {
    const net = await withContainers(
      'docker run -d --name plain busybox sleep 1000',
      'docker run -d --name priv --privileged busybox sleep 1000',
    );
    await expectRun(net, 'docker exec priv sysctl -w net.ipv4.ip_forward=1', {
      stdout: 'net.ipv4.ip_forward = 1\n',
    });
    // exec --privileged gives capabilities, not read-write mounts.
    const r = await net.run('docker exec --privileged plain sysctl -w net.ipv4.ip_forward=1');
    expect(r.exitCode).not.toBe(0);
    expect(r.stderr).toContain('Read-only file system');
  });
});
