/**
 * CAP_NET_ADMIN at the ioctl and nfnetlink entry points, in a container with Docker's default set. Expected
 * texts and exit codes were captured on the 6.18 kernel with `setpriv --bounding-set=-net_admin`.
 */
import { describe, expect, it } from 'vitest';
import { Scenario, type Outcome } from '../sim/scenario';

async function expectRun(net: Scenario, line: string, want: Partial<Outcome>): Promise<void> {
  const r = await net.run(line);
  expect({ line, ...r }).toEqual({ line, stdout: '', stderr: '', exitCode: 0, ...want });
}

async function containers(): Promise<Scenario> {
  const net = await Scenario.start();
  for (const r of [
    'docker run -d --name gnu nicolaka/netshoot sleep 1000',
    'docker run -d --name bb busybox sleep 1000',
  ])
    expect((await net.run(r)).exitCode).toBe(0);
  return net;
}

describe('ifconfig: SIOCS* ioctls', () => {
  it('net-tools: each refused ioctl named, SIOCSIFFLAGS failures exit 255', async () => {
    const net = await containers();
    const cases: [string, string, number][] = [
      ['ifconfig lo mtu 1300', 'SIOCSIFMTU: Operation not permitted\n', 1],
      ['ifconfig nosuch mtu 1200', 'SIOCSIFMTU: Operation not permitted\n', 1],
      ['ifconfig eth0 txqueuelen 10', 'SIOCSIFTXQLEN: Operation not permitted\n', 1],
      ['ifconfig eth0 down', 'SIOCSIFFLAGS: Operation not permitted\n', 255],
      ['ifconfig eth0 promisc', 'SIOCSIFFLAGS: Operation not permitted\n', 255],
      [
        'ifconfig eth0 10.9.0.3',
        'SIOCSIFADDR: Operation not permitted\nSIOCSIFFLAGS: Operation not permitted\n',
        255,
      ],
      ['ifconfig eth0 netmask 255.255.0.0', 'SIOCSIFNETMASK: Operation not permitted\n', 1],
      [
        'ifconfig eth0 broadcast 172.17.255.255',
        'SIOCSIFBRDADDR: Operation not permitted\nSIOCSIFFLAGS: Operation not permitted\n',
        255,
      ],
      ['ifconfig eth0 hw ether 02:00:00:00:00:09', 'SIOCSIFHWADDR: Operation not permitted\n', 1],
      ['ifconfig eth0 add fe80::1/64', 'SIOCSIFADDR: Operation not permitted\n', 1],
      ['ifconfig nosuch up', 'nosuch: ERROR while getting interface flags: No such device\n', 255],
    ];
    for (const [cmd, stderr, exitCode] of cases)
      await expectRun(net, `docker exec gnu ${cmd}`, { stderr, exitCode });
    // set_ifstate() does not check its ioctls: nothing is said, nothing changes.
    await expectRun(net, 'docker exec gnu ifconfig eth0 add 10.9.0.20', {});
    expect((await net.exec('gnu', 'ip -4 -o addr')).stdout).not.toContain('10.9.0.20');
  });

  it('BusyBox: "ifconfig: SIOC...: Operation not permitted", exit 1', async () => {
    const net = await containers();
    for (const [cmd, ioctl] of [
      ['lo mtu 1300', 'SIOCSIFMTU'],
      ['nosuch mtu 1200', 'SIOCSIFMTU'],
      ['eth0 down', 'SIOCSIFFLAGS'],
      ['eth0 promisc', 'SIOCSIFFLAGS'],
      ['eth0 10.9.0.3', 'SIOCSIFADDR'],
      ['eth0 netmask 255.255.0.0', 'SIOCSIFNETMASK'],
      ['eth0 hw ether 02:00:00:00:00:09', 'SIOCSIFHWADDR'],
    ])
      await expectRun(net, `docker exec bb ifconfig ${cmd}`, {
        stderr: `ifconfig: ${ioctl}: Operation not permitted\n`,
        exitCode: 1,
      });
  });
});

describe('route and arp', () => {
  it('route: SIOCADDRT/SIOCDELRT (net-tools exit 7, BusyBox 1)', async () => {
    const net = await containers();
    await expectRun(net, 'docker exec gnu route add -net 10.2.0.0/16 dev lo', {
      stderr: 'SIOCADDRT: Operation not permitted\n',
      exitCode: 7,
    });
    await expectRun(net, 'docker exec gnu route del default', {
      stderr: 'SIOCDELRT: Operation not permitted\n',
      exitCode: 7,
    });
    await expectRun(net, 'docker exec bb route add default gw 172.17.0.9', {
      stderr: 'route: SIOCADDRT: Operation not permitted\n',
      exitCode: 1,
    });
    expect((await net.exec('gnu', 'ip route')).stdout).toMatch(/^default via 172\.17\.0\.1 dev eth0 \n/);
  });

  it('arp: SIOCSARP/SIOCDARP', async () => {
    const net = await containers();
    await expectRun(net, 'docker exec gnu arp -s 172.17.0.9 02:00:00:00:00:09', {
      stderr: 'SIOCSARP: Operation not permitted\n',
      exitCode: 255,
    });
    await expectRun(net, 'docker exec gnu arp -d 172.17.0.99', {
      stderr: 'SIOCDARP(dontpub): Operation not permitted\n',
      exitCode: 255,
    });
    await expectRun(net, 'docker exec bb arp -s 172.17.0.9 02:00:00:00:00:09', {
      stderr: 'arp: SIOCSARP: Operation not permitted\n',
      exitCode: 1,
    });
    await expectRun(net, 'docker exec bb arp -d 172.17.0.99', {
      stderr: 'arp: SIOCDARP(priv): Operation not permitted\n',
      exitCode: 1,
    });
  });
});

describe('brctl: bridge ioctls and sysfs', () => {
  it('bridge-utils, with its SIOCDEVPRIVATE fallback deciding the order', async () => {
    const net = await containers();
    await net.run('ip link add brx type bridge');
    const gnu = 'docker run --rm --network host nicolaka/netshoot brctl';
    await expectRun(net, `${gnu} addbr br9`, {
      stderr: 'add bridge failed: Operation not permitted\n',
      exitCode: 1,
    });
    await expectRun(net, `${gnu} delbr nosuch`, {
      stderr: "can't delete bridge nosuch: Operation not permitted\n",
      exitCode: 1,
    });
    await expectRun(net, `${gnu} addif nosuch eth0`, {
      stderr: 'bridge nosuch does not exist!\n',
      exitCode: 1,
    });
    await expectRun(net, `${gnu} addif brx eth0`, {
      stderr: "can't add eth0 to bridge brx: Operation not permitted\n",
      exitCode: 1,
    });
    await expectRun(net, `${gnu} setageing nosuch 10`, {
      stderr: 'set ageing time failed: No such device\n',
      exitCode: 1,
    });
    await expectRun(net, `${gnu} stp brx on`, {
      stderr: 'set stp status failed: Operation not permitted\n',
      exitCode: 1,
    });
    // Ports: sysfs refused, then old_dev_ioctl(), which has no hairpin command (also with the capability,
    // since a container's /sys is read-only).
    await net.run('ip link add vx type veth peer name vy');
    await net.run('ip link set vx master brx');
    await expectRun(net, `${gnu} setpathcost brx vx 5`, {
      stderr: 'set path cost failed: Operation not permitted\n',
      exitCode: 1,
    });
    await expectRun(net, `${gnu} hairpin brx vx on`, {
      stderr: "can't set vx to hairpin on bridge brx: Operation not supported\n",
      exitCode: 1,
    });
    const adm = 'docker run --rm --network host --cap-add NET_ADMIN nicolaka/netshoot brctl';
    await expectRun(net, `${adm} setpathcost brx vx 5`, {});
    await expectRun(net, `${adm} hairpin brx vx on`, {
      stderr: "can't set vx to hairpin on bridge brx: Operation not supported\n",
      exitCode: 1,
    });
  });

  it('BusyBox: "brctl: bridge NAME: Operation not permitted"', async () => {
    const net = await containers();
    await expectRun(net, 'docker exec bb brctl addbr br9', {
      stderr: 'brctl: bridge br9: Operation not permitted\n',
      exitCode: 1,
    });
    await expectRun(net, 'docker exec bb brctl addif br0 eth0', {
      stderr: 'brctl: bridge br0: Operation not permitted\n',
      exitCode: 1,
    });
    await expectRun(net, 'docker exec bb brctl addif br0 nosuch', {
      stderr: 'brctl: iface nosuch: No such device\n',
      exitCode: 1,
    });
  });
});

describe('nfnetlink: iptables and conntrack, listing included', () => {
  const genid = (prog: string) =>
    `${prog} v1.8.9 (nf_tables): Could not fetch rule set generation id: Permission denied (you must be root)\n`;
  const ctFailed =
    'conntrack v1.4.7 (conntrack-tools): Operation failed: sorry, you must be root or get CAP_NET_ADMIN capability to do this\n';

  it('iptables: argument and table errors first, then the refused generation id (exit 4)', async () => {
    const net = await containers();
    for (const cmd of ['iptables -L', 'iptables -S', 'iptables -t nat -L -n', 'iptables -A INPUT -j NOSUCH'])
      await expectRun(net, `docker exec gnu ${cmd}`, { stderr: genid('iptables'), exitCode: 4 });
    await expectRun(net, 'docker exec gnu iptables-save -t nosuch', {
      stderr: genid('iptables-save'),
      exitCode: 4,
    });
    await expectRun(net, 'docker exec gnu iptables -t nosuch -L', {
      stderr:
        "iptables v1.8.9 (nf_tables): table 'nosuch' does not exist\n" +
        'Perhaps iptables or your kernel needs to be upgraded.\n',
      exitCode: 3,
    });
    await expectRun(net, 'docker exec gnu iptables -V', { stdout: 'iptables v1.8.9 (nf_tables)\n' });
  });

  it('conntrack: every command fails, after what it prints anyway', async () => {
    const net = await containers();
    await expectRun(net, 'docker exec gnu conntrack -L', { stderr: ctFailed, exitCode: 1 });
    await expectRun(net, 'docker exec gnu conntrack -D -s 1.2.3.4', { stderr: ctFailed, exitCode: 1 });
    await expectRun(net, 'docker exec gnu conntrack -F', {
      stderr: `conntrack v1.4.7 (conntrack-tools): connection tracking table has been emptied.\n${ctFailed}`,
      exitCode: 1,
    });
    await expectRun(net, 'docker exec gnu conntrack -C', { stdout: '0\n', stderr: ctFailed, exitCode: 1 });
  });

  it('works with --cap-add NET_ADMIN', async () => {
    const net = await Scenario.start();
    await expectRun(net, 'docker run --rm --cap-add NET_ADMIN nicolaka/netshoot iptables -S', {
      stdout: '-P INPUT ACCEPT\n-P FORWARD ACCEPT\n-P OUTPUT ACCEPT\n',
    });
  });
});

describe('raw sockets without CAP_NET_RAW (--cap-drop NET_RAW)', () => {
  it('BusyBox ping dies after its PING line, traceroute before anything', async () => {
    const net = await Scenario.start();
    await net.run('docker run -d --name bb --cap-drop NET_RAW busybox sleep 1000');
    await expectRun(net, 'docker exec bb ping -c1 172.17.0.1', {
      stdout: 'PING 172.17.0.1 (172.17.0.1): 56 data bytes\n',
      stderr: 'ping: permission denied (are you root?)\n',
      exitCode: 1,
    });
    await expectRun(net, 'docker exec bb traceroute 172.17.0.1', {
      stderr: 'traceroute: socket: Operation not permitted\n',
      exitCode: 1,
    });
  });

  it("tcpdump's packet socket is refused before the device is looked at", async () => {
    const net = await Scenario.start();
    await net.run('docker run -d --name gnu --cap-drop ALL nicolaka/netshoot sleep 1000');
    const denied = (dev: string) =>
      `tcpdump: ${dev}: You don't have permission to perform this capture on that device\n(socket: Operation not permitted)\n`;
    await expectRun(net, 'docker exec gnu tcpdump -i nosuch -c1', { stderr: denied('nosuch'), exitCode: 1 });
    await expectRun(net, 'docker exec gnu tcpdump -c1', { stderr: denied('eth0'), exitCode: 1 });
  });

  it("iputils ping falls back to an ICMP datagram socket, allowed by Docker's ping_group_range except on the host", async () => {
    const net = await Scenario.start();
    await net.run('docker run -d --name own --cap-drop NET_RAW nicolaka/netshoot sleep 1000');
    await net.run('docker run -d --name hm --network host --cap-drop NET_RAW nicolaka/netshoot sleep 1000');
    const r = await net.run('docker exec own ping -c1 172.17.0.1');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('1 packets transmitted, 1 received');
    await expectRun(net, 'docker exec hm ping -c1 172.17.0.1', {
      stderr: 'ping: socktype: SOCK_RAW\nping: socket: Operation not permitted\n',
      exitCode: 2,
    });
  });
});
