import { describe, expect, it } from 'vitest';
import { runLines } from '../../../cli/test_lines';

/** Namespaces and routes as built on Linux 6.18 (h2-c/h2-d): blackhole, unreachable, metric, host routes. */
const SETUP = [
  'ip netns add c',
  'ip netns add h2d',
  'ip -n c link add eth0 type veth peer name eth0 netns h2d',
  'ip -n c link set eth0 address 02:00:00:00:00:01',
  'ip -n h2d link set eth0 address 02:00:00:00:00:02',
  'ip -n c link add eth10 type veth peer name eth2',
  'ip -n c link set eth10 address 02:00:00:00:00:10',
  'ip -n c link set eth2 address 02:00:00:00:00:22',
  'ip -n c addr add 10.1.0.1/24 brd + dev eth0',
  'ip -n c addr add 10.9.0.1/16 dev eth0 label eth0:1',
  'ip -n c link set lo up',
  'ip -n c link set eth0 up',
  'ip -n h2d link set eth0 up',
  'ip -n c link set eth10 up',
  'ip -n c route add default via 10.1.0.2',
  'ip -n c route add blackhole 10.50.0.0/16',
  'ip -n c route add unreachable 10.51.0.0/16',
  'ip -n c route add 10.53.0.0/16 via 10.1.0.2 metric 100',
  'ip -n c route add 10.54.1.1 dev eth0',
];

/**
 * Transcript of the same commands on the real machine (net-tools 2.10, BusyBox 1.35), each command
 * followed by its stdout+stderr and "[rc=N]".
 */
const REAL = `$ route add default gw 10.1.0.2
SIOCADDRT: File exists
[rc=7]
$ route add -net 10.70.0.0 netmask 255.255.0.0 dev eth0
[rc=0]
$ route add -net 10.70.0.0 netmask 255.255.0.0 dev eth0
SIOCADDRT: File exists
[rc=7]
$ route add -net 10.72.0.0/16
SIOCADDRT: No such device
[rc=7]
$ route add -net 10.76.0.1 netmask 255.255.0.0 dev eth0
route: netmask doesn't match route address
Usage: inet_route [-vF] del {-host|-net} Target[/prefix] [gw Gw] [metric M] [[dev] If]
       inet_route [-vF] add {-host|-net} Target[/prefix] [gw Gw] [metric M]
                              [netmask N] [mss Mss] [window W] [irtt I]
                              [mod] [dyn] [reinstate] [[dev] If]
       inet_route [-vF] add {-host|-net} Target[/prefix] [metric M] reject
       inet_route [-FC] flush      NOT supported
[rc=3]
$ route add -net 10.77.0.0 netmask 255.0.255.0 dev eth0
route: bogus netmask 255.0.255.0
Usage: inet_route [-vF] del {-host|-net} Target[/prefix] [gw Gw] [metric M] [[dev] If]
       inet_route [-vF] add {-host|-net} Target[/prefix] [gw Gw] [metric M]
                              [netmask N] [mss Mss] [window W] [irtt I]
                              [mod] [dyn] [reinstate] [[dev] If]
       inet_route [-vF] add {-host|-net} Target[/prefix] [metric M] reject
       inet_route [-FC] flush      NOT supported
[rc=3]
$ route add default gw 192.168.5.1
SIOCADDRT: Network is unreachable
[rc=7]
$ route add -net 10.78.0.0/16 reject
[rc=0]
$ route del -net 10.70.0.0 netmask 255.255.0.0
[rc=0]
$ route del -net 10.70.0.0 netmask 255.255.0.0
SIOCDELRT: No such process
[rc=7]
$ route add foo
foo: Host name lookup failure
[rc=6]
$ busybox route add -net 10.90.0.0/16 gw 10.1.0.2
[rc=0]
$ busybox route del -net 10.90.0.0/16 gw 10.1.0.9
route: SIOCDELRT: No such process
[rc=1]
$ busybox route add -net 10.94.0.1 netmask 255.255.0.0 dev eth0
route: netmask and route address conflict
[rc=1]
$ route -n
Kernel IP routing table
Destination     Gateway         Genmask         Flags Metric Ref    Use Iface
0.0.0.0         10.1.0.2        0.0.0.0         UG    0      0        0 eth0
10.1.0.0        0.0.0.0         255.255.255.0   U     0      0        0 eth0
10.9.0.0        0.0.0.0         255.255.0.0     U     0      0        0 eth0
10.50.0.0       0.0.0.0         255.255.0.0     U     0      0        0 *
10.51.0.0       -               255.255.0.0     !     0      -        0 -
10.53.0.0       10.1.0.2        255.255.0.0     UG    100    0        0 eth0
10.54.1.1       0.0.0.0         255.255.255.255 UH    0      0        0 eth0
10.78.0.0       -               255.255.0.0     !     0      -        0 -
10.90.0.0       10.1.0.2        255.255.0.0     UG    0      0        0 eth0
[rc=0]
$ netstat -rn
Kernel IP routing table
Destination     Gateway         Genmask         Flags   MSS Window  irtt Iface
0.0.0.0         10.1.0.2        0.0.0.0         UG        0 0          0 eth0
10.1.0.0        0.0.0.0         255.255.255.0   U         0 0          0 eth0
10.9.0.0        0.0.0.0         255.255.0.0     U         0 0          0 eth0
10.50.0.0       0.0.0.0         255.255.0.0     U         0 0          0 *
10.51.0.0       -               255.255.0.0     !         - -          - -
10.53.0.0       10.1.0.2        255.255.0.0     UG        0 0          0 eth0
10.54.1.1       0.0.0.0         255.255.255.255 UH        0 0          0 eth0
10.78.0.0       -               255.255.0.0     !         - -          - -
10.90.0.0       10.1.0.2        255.255.0.0     UG        0 0          0 eth0
[rc=0]
$ busybox netstat -rn
Kernel IP routing table
Destination     Gateway         Genmask         Flags   MSS Window  irtt Iface
0.0.0.0         10.1.0.2        0.0.0.0         UG        0 0          0 eth0
10.1.0.0        0.0.0.0         255.255.255.0   U         0 0          0 eth0
10.9.0.0        0.0.0.0         255.255.0.0     U         0 0          0 eth0
10.50.0.0       0.0.0.0         255.255.0.0     U         0 0          0 *
10.51.0.0       0.0.0.0         255.255.0.0     !         0 0          0 *
10.53.0.0       10.1.0.2        255.255.0.0     UG        0 0          0 eth0
10.54.1.1       0.0.0.0         255.255.255.255 UH        0 0          0 eth0
10.78.0.0       0.0.0.0         255.255.0.0     !         0 0          0 *
10.90.0.0       10.1.0.2        255.255.0.0     UG        0 0          0 eth0
[rc=0]
`;

async function transcript(cmds: string[]): Promise<string> {
  return (await runLines([...SETUP, ...cmds]))
    .slice(SETUP.length)
    .map((d) => `$ ${d.line.replace('ip netns exec c ', '')}\n${d.stdout}${d.stderr}[rc=${d.exitCode}]\n`)
    .join('');
}

describe('route and netstat -r', () => {
  it('add, del, their errors, and the listings match the real tools', async () => {
    const cmds = REAL.split('\n')
      .filter((l) => l.startsWith('$ '))
      .map((l) => `ip netns exec c ${l.slice(2)}`);
    expect(await transcript(cmds)).toBe(REAL);
  });
});
