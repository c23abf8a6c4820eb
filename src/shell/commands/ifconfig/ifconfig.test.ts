import { describe, expect, it } from 'vitest';
import { runLines, type LineOutcome } from '../../../cli/test_lines';
import { formatIfconfigBusybox, bbSizeText } from './format_busybox';
import { flagsText, formatIfconfigGnu, sizeText } from './format_gnu';
import { nstrcmp, type IfInfo } from './iface';

/** The setup verified on Linux 6.18 in namespaces h2-c/h2-d (fixed MACs). */
const SETUP = [
  'ip netns add c',
  'ip netns add d',
  'ip -n c link add eth0 type veth peer name eth0 netns d',
  'ip -n c link set eth0 address 02:00:00:00:00:01',
  'ip -n c link add eth10 type veth peer name eth2',
  'ip -n c link set eth10 address 02:00:00:00:00:10',
  'ip -n c link set eth2 address 02:00:00:00:00:22',
  'ip -n c addr add 10.1.0.1/24 brd + dev eth0',
  'ip -n c addr add 10.9.0.1/16 dev eth0 label eth0:1',
  'ip -n c link set lo up',
  'ip -n c link set eth0 up',
  'ip -n d link set eth0 up',
  'ip -n c link set eth10 up',
  'sleep 3',
];

const zeroCounters = (s: string) =>
  s.replace(
    /(packets|bytes|errors|dropped|overruns|frame|carrier|collisions)([ :])\d+( \(\d+\.\d [KMGT]?i?B\))?/g,
    '$1$20',
  );

describe('nstrcmp (net-tools lib/nstrcmp.c self-test cases)', () => {
  const less: [string, string][] = [
    ['eth', 'eth2'],
    ['eth0:1', 'eth0:2'],
    ['eth1:10', 'eth13:10'],
    ['eth1:1', 'eth1:13'],
    ['a', 'a:'],
    ['eth2', 'eth10'],
    ['eth01', 'eth1'],
    ['eth01:1', 'eth1:1'],
    ['br0', 'br-c42d4a549c65'],
  ];
  it.each(less)('%s < %s', (a, b) => {
    expect(nstrcmp(a, b)).toBe(-1);
    expect(nstrcmp(b, a)).toBe(1);
  });
});

describe('sizes', () => {
  it('net-tools switches unit only above it', () => {
    expect(sizeText(1008)).toBe('(1008.0 B)');
    expect(sizeText(1024)).toBe('(1024.0 B)');
    expect(sizeText(6575)).toBe('(6.4 KiB)');
    expect(sizeText(4395)).toBe('(4.2 KiB)');
    expect(sizeText(3 * 1048576 + 1)).toBe('(3.0 MiB)');
  });
  it('BusyBox switches at 1024', () => {
    expect(bbSizeText(1024)).toBe('1024 (1.0 KiB)');
    expect(bbSizeText(868)).toBe('868 (868.0 B)');
    expect(bbSizeText(4646)).toBe('4646 (4.5 KiB)');
  });
  it('flags with no names keep ifconfig.c quirks', () => {
    expect(flagsText(4163)).toBe('flags=4163<UP,BROADCAST,RUNNING,MULTICAST>');
    expect(flagsText(0)).toBe('flags=0<');
  });
});

const DOCKER0: IfInfo = {
  name: 'docker0',
  flags: 4163,
  mtu: 1500,
  hwType: 1,
  mac: '02:42:fd:43:ed:84',
  txqlen: 0,
  ip: { addr: 0xac110001, mask: 0xffff0000, brd: 0xac11ffff, dst: 0xac110001 },
  stats: {
    rxBytes: 4395,
    rxPackets: 76,
    rxErrs: 0,
    rxDrop: 0,
    rxFifo: 0,
    rxFrame: 0,
    rxCompressed: 0,
    rxMulticast: 0,
    txBytes: 4646,
    txPackets: 53,
    txErrs: 0,
    txDrop: 2,
    txFifo: 0,
    txColls: 0,
    txCarrier: 0,
    txCompressed: 0,
  },
  inet6: [
    {
      addr: [0xfe80, 0, 0, 0, 0x42, 0xfdff, 0xfe43, 0xed84],
      ifindex: 3,
      prefixLen: 64,
      scope: 0x20,
      flags: 0x80,
      dev: 'docker0',
    },
  ],
};

describe('formats (oracle golden host/ifconfig, busybox_ifconfig)', () => {
  it('net-tools', () => {
    expect(formatIfconfigGnu(DOCKER0)).toBe(
      'docker0: flags=4163<UP,BROADCAST,RUNNING,MULTICAST>  mtu 1500\n' +
        '        inet 172.17.0.1  netmask 255.255.0.0  broadcast 172.17.255.255\n' +
        '        inet6 fe80::42:fdff:fe43:ed84  prefixlen 64  scopeid 0x20<link>\n' +
        '        ether 02:42:fd:43:ed:84  txqueuelen 0  (Ethernet)\n' +
        '        RX packets 76  bytes 4395 (4.2 KiB)\n' +
        '        RX errors 0  dropped 0  overruns 0  frame 0\n' +
        '        TX packets 53  bytes 4646 (4.5 KiB)\n' +
        '        TX errors 0  dropped 2 overruns 0  carrier 0  collisions 0\n\n',
    );
  });
  it('BusyBox', () => {
    expect(formatIfconfigBusybox(DOCKER0)).toBe(
      'docker0   Link encap:Ethernet  HWaddr 02:42:FD:43:ED:84  \n' +
        '          inet addr:172.17.0.1  Bcast:172.17.255.255  Mask:255.255.0.0\n' +
        '          inet6 addr: fe80::42:fdff:fe43:ed84/64 Scope:Link\n' +
        '          UP BROADCAST RUNNING MULTICAST  MTU:1500  Metric:1\n' +
        '          RX packets:76 errors:0 dropped:0 overruns:0 frame:0\n' +
        '          TX packets:53 errors:0 dropped:2 overruns:0 carrier:0\n' +
        '          collisions:0 txqueuelen:0 \n' +
        '          RX bytes:4395 (4.2 KiB)  TX bytes:4646 (4.5 KiB)\n\n',
    );
  });
});

describe('ifconfig against the real tools', () => {
  it('lists aliases, sorts as each tool does, hides counters of aliases', async () => {
    const r = await runLines([...SETUP, 'ip netns exec c ifconfig -a', 'ip netns exec c busybox ifconfig']);
    expect(zeroCounters(r[SETUP.length]?.stdout ?? '')).toBe(
      [
        'eth0: flags=4163<UP,BROADCAST,RUNNING,MULTICAST>  mtu 1500',
        '        inet 10.1.0.1  netmask 255.255.255.0  broadcast 10.1.0.255',
        '        inet6 fe80::ff:fe00:1  prefixlen 64  scopeid 0x20<link>',
        '        ether 02:00:00:00:00:01  txqueuelen 1000  (Ethernet)',
        '        RX packets 0  bytes 0',
        '        RX errors 0  dropped 0  overruns 0  frame 0',
        '        TX packets 0  bytes 0',
        '        TX errors 0  dropped 0 overruns 0  carrier 0  collisions 0',
        '',
        'eth0:1: flags=4163<UP,BROADCAST,RUNNING,MULTICAST>  mtu 1500',
        '        inet 10.9.0.1  netmask 255.255.0.0  broadcast 0.0.0.0',
        '        ether 02:00:00:00:00:01  txqueuelen 1000  (Ethernet)',
        '',
        'eth2: flags=4098<BROADCAST,MULTICAST>  mtu 1500',
        '        ether 02:00:00:00:00:22  txqueuelen 1000  (Ethernet)',
        '        RX packets 0  bytes 0',
        '        RX errors 0  dropped 0  overruns 0  frame 0',
        '        TX packets 0  bytes 0',
        '        TX errors 0  dropped 0 overruns 0  carrier 0  collisions 0',
        '',
        'eth10: flags=4099<UP,BROADCAST,MULTICAST>  mtu 1500',
        '        ether 02:00:00:00:00:10  txqueuelen 1000  (Ethernet)',
        '        RX packets 0  bytes 0',
        '        RX errors 0  dropped 0  overruns 0  frame 0',
        '        TX packets 0  bytes 0',
        '        TX errors 0  dropped 0 overruns 0  carrier 0  collisions 0',
        '',
        'lo: flags=73<UP,LOOPBACK,RUNNING>  mtu 65536',
        '        inet 127.0.0.1  netmask 255.0.0.0',
        '        inet6 ::1  prefixlen 128  scopeid 0x10<host>',
        '        loop  txqueuelen 1000  (Local Loopback)',
        '        RX packets 0  bytes 0',
        '        RX errors 0  dropped 0  overruns 0  frame 0',
        '        TX packets 0  bytes 0',
        '        TX errors 0  dropped 0 overruns 0  carrier 0  collisions 0',
        '',
        '',
      ].join('\n'),
    );
    // BusyBox: strcmp order (eth10 before eth2), only interfaces that are up.
    const names = (r[SETUP.length + 1]?.stdout ?? '')
      .split('\n')
      .filter((l) => /^\S/.test(l))
      .map((l) => l.split(' ')[0]);
    expect(names).toEqual(['eth0', 'eth0:1', 'eth10', 'lo']);
  });

  it('configures with the ioctl semantics and errors of the real tools', async () => {
    const r = await runLines([
      ...SETUP,
      'ip netns exec c ifconfig eth9',
      'ip netns exec c ifconfig eth9 10.1.1.1 netmask 255.255.255.0',
      'ip netns exec c ifconfig eth2 172.20.3.4',
      'ip netns exec c ifconfig eth2',
      'ip netns exec c ifconfig eth2 netmask 255.255.255.0',
      'ip netns exec c ip -4 addr show dev eth2',
      'ip netns exec c ifconfig eth2 netmask 255.0.255.0',
      'ip netns exec c ifconfig eth2 224.1.1.1',
      'ip netns exec c ifconfig eth2:3 10.8.0.1',
      'ip netns exec c ifconfig eth2:3 down',
      'ip netns exec c ifconfig eth2 0',
      'ip netns exec c ip -4 addr show dev eth2',
      'ip netns exec c busybox ifconfig eth2 mtu abc',
      'ip netns exec c ifconfig eth2 hw ether zz',
    ]);
    const at = (i: number) => r[SETUP.length + i] as LineOutcome;
    expect(at(0)).toMatchObject({
      stderr: 'eth9: error fetching interface information: Device not found\n',
      exitCode: 1,
    });
    expect(at(1)).toMatchObject({
      stderr:
        'SIOCSIFADDR: No such device\neth9: ERROR while getting interface flags: No such device\nSIOCSIFNETMASK: No such device\n',
      exitCode: 255,
    });
    expect(at(3).stdout.split('\n').slice(0, 2).join('\n')).toBe(
      'eth2: flags=4163<UP,BROADCAST,RUNNING,MULTICAST>  mtu 1500\n        inet 172.20.3.4  netmask 255.255.0.0  broadcast 172.20.255.255',
    );
    expect(at(5).stdout).toContain('    inet 172.20.3.4/24 brd 172.20.3.255 scope global eth2\n');
    expect(at(6)).toMatchObject({ stderr: 'SIOCSIFNETMASK: Invalid argument\n', exitCode: 1 });
    expect(at(7)).toMatchObject({ stderr: 'SIOCSIFADDR: Invalid argument\n', exitCode: 1 });
    expect(at(11).stdout).toBe('');
    expect(at(12)).toMatchObject({ stderr: 'ifconfig: SIOCSIFMTU: Invalid argument\n', exitCode: 1 });
    expect(at(13)).toMatchObject({ stderr: 'zz: invalid ether address.\n', exitCode: 1 });
  });
});
