import { describe, expect, it } from 'vitest';
import { runLines, type LineOutcome } from '../../../cli/test_lines';

const DOCKER = ['docker run -d --name c1 busybox sleep 1000'];

/** The same case as on Linux 6.18: a bridge with a veth port whose peer is in another namespace. */
const NETNS = [
  'ip netns add sf-a',
  'ip netns add sf-b',
  'ip -n sf-b link add br0 type bridge',
  'ip -n sf-b link add vb type veth peer name eth0 netns sf-a',
  'ip -n sf-b link set vb master br0',
  'ip -n sf-b link add v1 type veth peer name v2',
  'ip -n sf-b link set br0 up',
  'ip -n sf-b link set vb up',
  'ip -n sf-a link set eth0 up',
  'ip -n sf-a link set lo up',
  'ip -n sf-b link set v1 up',
  'sleep 2',
];

async function after(setup: readonly string[], lines: readonly string[]): Promise<LineOutcome[]> {
  return (await runLines([...setup, ...lines])).slice(setup.length);
}

describe('/sys/class/net', () => {
  it("a container's eth0 iflink is its host veth's ifindex, and the veth's iflink is eth0's", async () => {
    const [iflink, ifindex, link, grep] = await after(DOCKER, [
      'docker exec c1 cat /sys/class/net/eth0/iflink',
      'docker exec c1 cat /sys/class/net/eth0/ifindex',
      'ip -o link show type veth',
      'grep -l 5 /sys/class/net/veth*/ifindex',
    ]);
    const m = /^(\d+): (veth\w+)@if(\d+):/.exec(link?.stdout ?? '');
    expect(m).not.toBeNull();
    const [, vethIndex, veth, peerIndex] = m as RegExpExecArray;
    expect(iflink?.stdout).toBe(`${vethIndex}\n`);
    expect(ifindex?.stdout).toBe(`${peerIndex}\n`);
    expect(vethIndex).toBe('5');
    expect(grep?.stdout).toBe(`/sys/class/net/${veth}/ifindex\n`);
  });

  it('lists the reading namespace: the host, a container, ip netns exec', async () => {
    const [host, cont, ns, devices] = await after(
      [...DOCKER, ...NETNS],
      [
        'ls -1 /sys/class/net',
        'docker exec c1 ls /sys/class/net',
        'ip netns exec sf-b ls -1 /sys/class/net',
        'ip netns exec sf-a ls -1 /sys/devices/virtual/net',
      ],
    );
    expect(host?.stdout).toMatch(/^docker0\neth0\nlo\nveth\w{7}\n$/);
    expect(cont?.stdout).toBe('eth0\nlo\n');
    expect(ns?.stdout).toBe('br0\nlo\nv1\nv2\nvb\n');
    expect(devices?.stdout).toBe('eth0\nlo\n');
  });

  it('links into /sys/devices/virtual/net, and a device directory lists what Linux lists', async () => {
    const [link, veth, br, port] = await after(NETNS, [
      'ip netns exec sf-a readlink /sys/class/net/eth0',
      'ip netns exec sf-a ls -1 /sys/class/net/eth0',
      'ip netns exec sf-b ls -1 /sys/class/net/br0',
      'ip netns exec sf-b ls -1 /sys/class/net/vb',
    ]);
    expect(link?.stdout).toBe('../../devices/virtual/net/eth0\n');
    const common = [
      'addr_len address broadcast carrier dev_id dev_port dormant duplex flags ifalias ifindex iflink',
      'link_mode mtu netdev_group operstate proto_down speed statistics subsystem testing tx_queue_len',
      'type uevent',
    ]
      .join(' ')
      .split(' ');
    const sorted = (xs: string[]) => `${[...xs].sort().join('\n')}\n`;
    expect(veth?.stdout).toBe(sorted(common));
    expect(br?.stdout).toBe(sorted([...common, 'bridge', 'brif', 'lower_vb']));
    expect(port?.stdout).toBe(sorted([...common, 'brport', 'master', 'upper_br0']));
  });

  it('reads as Linux 6.18 prints (cat -A): veth across namespaces, loopback, a down peer', async () => {
    const cat = (ns: string, files: string) =>
      `ip netns exec ${ns} bash -c 'cd /sys/class/net; for f in ${files}; do printf "%s: " $f; cat -A $f 2>/dev/null | tr "\\n" "|"; echo; done'`;
    const [eth0, vb, lo, v2] = await after(NETNS, [
      cat(
        'sf-a',
        'eth0/ifindex eth0/iflink eth0/flags eth0/operstate eth0/carrier eth0/speed eth0/duplex eth0/type eth0/dev_id eth0/ifalias eth0/uevent',
      ),
      cat(
        'sf-b',
        'vb/iflink vb/flags br0/flags br0/speed br0/duplex br0/uevent vb/brport/state vb/brport/port_id',
      ),
      cat('sf-b', 'lo/type lo/flags lo/operstate lo/carrier lo/mtu'),
      cat('sf-b', 'v1/operstate v1/carrier v2/operstate v2/carrier v2/flags v2/iflink'),
    ]);
    expect(eth0?.stdout).toBe(
      [
        'eth0/ifindex: 2$|',
        'eth0/iflink: 3$|',
        'eth0/flags: 0x1003$|',
        'eth0/operstate: up$|',
        'eth0/carrier: 1$|',
        'eth0/speed: 10000$|',
        'eth0/duplex: full$|',
        'eth0/type: 1$|',
        'eth0/dev_id: 0x0$|',
        'eth0/ifalias: ',
        'eth0/uevent: INTERFACE=eth0$|IFINDEX=2$|',
        '',
      ].join('\n'),
    );
    expect(vb?.stdout).toBe(
      [
        'vb/iflink: 2$|',
        'vb/flags: 0x1303$|',
        'br0/flags: 0x1003$|',
        'br0/speed: 10000$|',
        'br0/duplex: unknown$|',
        'br0/uevent: DEVTYPE=bridge$|INTERFACE=br0$|IFINDEX=2$|',
        'vb/brport/state: 3$|',
        'vb/brport/port_id: 0x8001$|',
        '',
      ].join('\n'),
    );
    // Down: lo's carrier cannot be read (EINVAL); no carrier on v1 whose peer is down.
    expect(lo?.stdout).toBe(
      'lo/type: 772$|\nlo/flags: 0x8$|\nlo/operstate: down$|\nlo/carrier: \nlo/mtu: 65536$|\n',
    );
    expect(v2?.stdout).toBe(
      'v1/operstate: lowerlayerdown$|\nv1/carrier: 0$|\nv2/operstate: down$|\nv2/carrier: \nv2/flags: 0x1002$|\nv2/iflink: 5$|\n',
    );
  });

  it('carrier of a down device is a read error (EINVAL), as each userland reports it', async () => {
    const [gnu, bb] = await after(NETNS, [
      'ip netns exec sf-b cat /sys/class/net/v2/carrier',
      'ip netns exec sf-b busybox cat /sys/class/net/v2/carrier',
    ]);
    expect(gnu).toEqual(
      expect.objectContaining({
        stdout: '',
        stderr: 'cat: /sys/class/net/v2/carrier: Invalid argument\n',
        exitCode: 1,
      }),
    );
    expect(bb).toEqual(
      expect.objectContaining({ stdout: '', stderr: 'cat: read error: Invalid argument\n', exitCode: 1 }),
    );
  });

  it("a bridge's brif/ lists its ports, linked to their brport/ directories", async () => {
    const [brif, link, stp, host] = await after(
      [...DOCKER, ...NETNS],
      [
        'ip netns exec sf-b ls /sys/class/net/br0/brif/',
        'ip netns exec sf-b readlink /sys/class/net/br0/brif/vb /sys/class/net/vb/master /sys/class/net/vb/brport/bridge',
        'ip netns exec sf-b cat /sys/class/net/br0/bridge/stp_state /sys/class/net/br0/brif/vb/path_cost',
        'ls /sys/class/net/docker0/brif/',
      ],
    );
    expect(brif?.stdout).toBe('vb\n');
    expect(link?.stdout).toBe('../../vb/brport\n../br0\n../../br0\n');
    expect(stp?.stdout).toBe('0\n2\n');
    expect(host?.stdout).toMatch(/^veth\w{7}\n$/);
  });

  it('statistics/ are the counters ip -s link prints', async () => {
    const sys = '/sys/class/net/eth0/statistics';
    const [, stats, ip] = await after(NETNS, [
      'ip -n sf-a addr add 10.9.0.2/24 dev eth0; ip -n sf-b addr add 10.9.0.1/24 dev br0; ip netns exec sf-a ping -c 2 -i 0.2 10.9.0.1',
      `ip netns exec sf-a cat ${sys}/rx_bytes ${sys}/rx_packets ${sys}/tx_bytes ${sys}/tx_packets ${sys}/collisions`,
      'ip -n sf-a -s link show eth0',
    ]);
    const rows = (ip?.stdout ?? '').split('\n');
    const row = (head: string) =>
      rows[rows.findIndex((l) => l.trimStart().startsWith(head)) + 1]?.trim().split(/\s+/);
    const [rxBytes, rxPackets] = row('RX:') ?? [];
    const [txBytes, txPackets] = row('TX:') ?? [];
    expect(Number(txPackets)).toBeGreaterThan(2);
    expect(stats?.stdout).toBe(`${rxBytes}\n${rxPackets}\n${txBytes}\n${txPackets}\n0\n`);
  });

  it('writes: mtu through the kernel, read-only files, a container is read-only, a missing device', async () => {
    const out = await after(
      [...DOCKER, ...NETNS],
      [
        'echo 1400 > /sys/class/net/docker0/mtu',
        'ip link show docker0',
        'echo abc > /sys/class/net/docker0/mtu',
        'echo 1 > /sys/class/net/docker0/ifindex',
        'echo 1 > /sys/class/net/nope/mtu',
        "docker exec c1 sh -c 'echo 1400 > /sys/class/net/eth0/mtu'",
        "docker exec c1 sh -c 'echo 1 > /sys/class/net/nope/mtu'",
        'echo 1 > /sys/class/net/eth0/carrier',
        'echo 500 > /sys/class/net/eth0/tx_queue_len; cat /sys/class/net/eth0/tx_queue_len',
        'echo 4294967296 > /sys/class/net/eth0/tx_queue_len',
      ],
    );
    expect(out.map((o) => o.stderr)).toEqual([
      '',
      '',
      'bash: echo: write error: Invalid argument\n',
      'bash: /sys/class/net/docker0/ifindex: Permission denied\n',
      'bash: /sys/class/net/nope/mtu: No such file or directory\n',
      "sh: can't create /sys/class/net/eth0/mtu: Read-only file system\n",
      "sh: can't create /sys/class/net/nope/mtu: nonexistent directory\n",
      'bash: echo: write error: Operation not supported\n',
      '',
      'bash: echo: write error: Numerical result out of range\n',
    ]);
    expect(out[1]?.stdout).toContain('mtu 1400 ');
    expect(out[8]?.stdout).toBe('500\n');
  });
});
