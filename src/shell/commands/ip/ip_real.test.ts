/**
 * ip (iproute2 6.1) and BusyBox's ip applet on a small Docker-like world: a bridge with a veth whose other end
 * is in a named namespace, a bridge that never had a port, a veth pair that was never up. Every expected
 * string was captured from the same commands on Linux 6.18 with iproute2 6.1.0 and BusyBox 1.35.0.
 */
import { describe, expect, it } from 'vitest';
import { runLines, type LineOutcome } from '../../../cli/test_lines';

const SETUP = [
  'ip netns add h1-h',
  'ip netns add h1-c',
  'ip -n h1-h link set lo up',
  'ip -n h1-c link set lo up',
  'ip -n h1-h link add br0 address 02:42:00:00:00:01 txqueuelen 0 type bridge',
  'ip -n h1-h link add ve0 address 02:00:00:00:00:02 txqueuelen 0 type veth peer name eth0 netns h1-c address 02:42:ac:11:00:02',
  'ip -n h1-h link set ve0 master br0',
  'ip -n h1-h addr add 172.17.0.1/16 brd + dev br0',
  'ip -n h1-h link set br0 up',
  'ip -n h1-h link set ve0 up',
  'ip -n h1-h link add bx address 02:42:00:00:00:09 type bridge',
  'ip -n h1-h addr add 172.19.0.1/16 brd + dev bx',
  'ip -n h1-h link set bx up',
  'ip -n h1-h link add dn address 02:00:00:00:00:0d type veth peer name dn1 address 02:00:00:00:00:0e',
  'ip -n h1-c addr add 172.17.0.2/16 brd + dev eth0',
  'ip -n h1-c link set eth0 up',
  'ip -n h1-c route add default via 172.17.0.1',
  'sleep 3',
];

let cached: Promise<LineOutcome[]> | null = null;
/** The world is built once; each test looks at the outcome of its own lines. */
function run(): Promise<LineOutcome[]> {
  cached ??= runLines([...SETUP, ...CHECKS.map(([line]) => line)]);
  return cached;
}

/** [line, stdout, stderr, exit code] as the real tools answered. */
const CHECKS: readonly [string, string, string, number][] = [
  [
    'ip -n h1-h a',
    '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000\n    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n    inet 127.0.0.1/8 scope host lo\n       valid_lft forever preferred_lft forever\n    inet6 ::1/128 scope host \n       valid_lft forever preferred_lft forever\n2: br0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default \n    link/ether 02:42:00:00:00:01 brd ff:ff:ff:ff:ff:ff\n    inet 172.17.0.1/16 brd 172.17.255.255 scope global br0\n       valid_lft forever preferred_lft forever\n    inet6 fe80::42:ff:fe00:1/64 scope link \n       valid_lft forever preferred_lft forever\n3: ve0@if2: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue master br0 state UP group default \n    link/ether 02:00:00:00:00:02 brd ff:ff:ff:ff:ff:ff link-netns h1-c\n    inet6 fe80::ff:fe00:2/64 scope link \n       valid_lft forever preferred_lft forever\n4: bx: <NO-CARRIER,BROADCAST,MULTICAST,UP> mtu 1500 qdisc noqueue state DOWN group default qlen 1000\n    link/ether 02:42:00:00:00:09 brd ff:ff:ff:ff:ff:ff\n    inet 172.19.0.1/16 brd 172.19.255.255 scope global bx\n       valid_lft forever preferred_lft forever\n5: dn1@dn: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 qdisc noop state DOWN group default qlen 1000\n    link/ether 02:00:00:00:00:0e brd ff:ff:ff:ff:ff:ff\n6: dn@dn1: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 qdisc noop state DOWN group default qlen 1000\n    link/ether 02:00:00:00:00:0d brd ff:ff:ff:ff:ff:ff\n',
    '',
    0,
  ],
  [
    'ip -n h1-h -6 a',
    '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 state UNKNOWN qlen 1000\n    inet6 ::1/128 scope host \n       valid_lft forever preferred_lft forever\n2: br0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 state UP \n    inet6 fe80::42:ff:fe00:1/64 scope link \n       valid_lft forever preferred_lft forever\n3: ve0@br0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 state UP \n    inet6 fe80::ff:fe00:2/64 scope link \n       valid_lft forever preferred_lft forever\n',
    '',
    0,
  ],
  [
    'ip -n h1-h -4 a',
    '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000\n    inet 127.0.0.1/8 scope host lo\n       valid_lft forever preferred_lft forever\n2: br0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default \n    inet 172.17.0.1/16 brd 172.17.255.255 scope global br0\n       valid_lft forever preferred_lft forever\n4: bx: <NO-CARRIER,BROADCAST,MULTICAST,UP> mtu 1500 qdisc noqueue state DOWN group default qlen 1000\n    inet 172.19.0.1/16 brd 172.19.255.255 scope global bx\n       valid_lft forever preferred_lft forever\n',
    '',
    0,
  ],
  [
    'ip -n h1-h -br a',
    'lo               UNKNOWN        127.0.0.1/8 ::1/128 \nbr0              UP             172.17.0.1/16 fe80::42:ff:fe00:1/64 \nve0@if2          UP             fe80::ff:fe00:2/64 \nbx               DOWN           172.19.0.1/16 \ndn1@dn           DOWN           \ndn@dn1           DOWN           \n',
    '',
    0,
  ],
  [
    'ip -n h1-h -br link',
    'lo               UNKNOWN        00:00:00:00:00:00 <LOOPBACK,UP,LOWER_UP> \nbr0              UP             02:42:00:00:00:01 <BROADCAST,MULTICAST,UP,LOWER_UP> \nve0@if2          UP             02:00:00:00:00:02 <BROADCAST,MULTICAST,UP,LOWER_UP> \nbx               DOWN           02:42:00:00:00:09 <NO-CARRIER,BROADCAST,MULTICAST,UP> \ndn1@dn           DOWN           02:00:00:00:00:0e <BROADCAST,MULTICAST,M-DOWN> \ndn@dn1           DOWN           02:00:00:00:00:0d <BROADCAST,MULTICAST,M-DOWN> \n',
    '',
    0,
  ],
  [
    'ip -n h1-c -j link',
    '[{"ifindex":1,"ifname":"lo","flags":["LOOPBACK","UP","LOWER_UP"],"mtu":65536,"qdisc":"noqueue","operstate":"UNKNOWN","linkmode":"DEFAULT","group":"default","txqlen":1000,"link_type":"loopback","address":"00:00:00:00:00:00","broadcast":"00:00:00:00:00:00"},{"ifindex":2,"link_index":3,"ifname":"eth0","flags":["BROADCAST","MULTICAST","UP","LOWER_UP"],"mtu":1500,"qdisc":"noqueue","operstate":"UP","linkmode":"DEFAULT","group":"default","txqlen":1000,"link_type":"ether","address":"02:42:ac:11:00:02","broadcast":"ff:ff:ff:ff:ff:ff","link_netnsid":0}]\n',
    '',
    0,
  ],
  [
    'ip -n h1-c -j -p a',
    '[ {\n        "ifindex": 1,\n        "ifname": "lo",\n        "flags": [ "LOOPBACK","UP","LOWER_UP" ],\n        "mtu": 65536,\n        "qdisc": "noqueue",\n        "operstate": "UNKNOWN",\n        "group": "default",\n        "txqlen": 1000,\n        "link_type": "loopback",\n        "address": "00:00:00:00:00:00",\n        "broadcast": "00:00:00:00:00:00",\n        "addr_info": [ {\n                "family": "inet",\n                "local": "127.0.0.1",\n                "prefixlen": 8,\n                "scope": "host",\n                "label": "lo",\n                "valid_life_time": 4294967295,\n                "preferred_life_time": 4294967295\n            },{\n                "family": "inet6",\n                "local": "::1",\n                "prefixlen": 128,\n                "scope": "host",\n                "valid_life_time": 4294967295,\n                "preferred_life_time": 4294967295\n            } ]\n    },{\n        "ifindex": 2,\n        "link_index": 3,\n        "ifname": "eth0",\n        "flags": [ "BROADCAST","MULTICAST","UP","LOWER_UP" ],\n        "mtu": 1500,\n        "qdisc": "noqueue",\n        "operstate": "UP",\n        "group": "default",\n        "txqlen": 1000,\n        "link_type": "ether",\n        "address": "02:42:ac:11:00:02",\n        "broadcast": "ff:ff:ff:ff:ff:ff",\n        "link_netnsid": 0,\n        "addr_info": [ {\n                "family": "inet",\n                "local": "172.17.0.2",\n                "prefixlen": 16,\n                "broadcast": "172.17.255.255",\n                "scope": "global",\n                "label": "eth0",\n                "valid_life_time": 4294967295,\n                "preferred_life_time": 4294967295\n            },{\n                "family": "inet6",\n                "local": "fe80::42:acff:fe11:2",\n                "prefixlen": 64,\n                "scope": "link",\n                "valid_life_time": 4294967295,\n                "preferred_life_time": 4294967295\n            } ]\n    } ]\n',
    '',
    0,
  ],
  [
    'ip -n h1-h route show table all',
    '172.17.0.0/16 dev br0 proto kernel scope link src 172.17.0.1 \n172.19.0.0/16 dev bx proto kernel scope link src 172.19.0.1 linkdown \nlocal 127.0.0.0/8 dev lo table local proto kernel scope host src 127.0.0.1 \nlocal 127.0.0.1 dev lo table local proto kernel scope host src 127.0.0.1 \nbroadcast 127.255.255.255 dev lo table local proto kernel scope link src 127.0.0.1 \nlocal 172.17.0.1 dev br0 table local proto kernel scope host src 172.17.0.1 \nbroadcast 172.17.255.255 dev br0 table local proto kernel scope link src 172.17.0.1 \nlocal 172.19.0.1 dev bx table local proto kernel scope host src 172.19.0.1 \nbroadcast 172.19.255.255 dev bx table local proto kernel scope link src 172.19.0.1 linkdown \nfe80::/64 dev ve0 proto kernel metric 256 pref medium\nfe80::/64 dev br0 proto kernel metric 256 pref medium\nlocal ::1 dev lo table local proto kernel metric 0 pref medium\nlocal fe80::ff:fe00:2 dev ve0 table local proto kernel metric 0 pref medium\nlocal fe80::42:ff:fe00:1 dev br0 table local proto kernel metric 0 pref medium\nmulticast ff00::/8 dev ve0 table local proto kernel metric 256 pref medium\nmulticast ff00::/8 dev br0 table local proto kernel metric 256 pref medium\n',
    '',
    0,
  ],
  [
    'ip -n h1-c route get 10.0.0.1',
    '10.0.0.1 via 172.17.0.1 dev eth0 src 172.17.0.2 uid 0 \n    cache \n',
    '',
    0,
  ],
  [
    'ip -n h1-c route get 172.17.0.2',
    'local 172.17.0.2 dev lo src 172.17.0.2 uid 0 \n    cache <local> \n',
    '',
    0,
  ],
  ['ip -n h1-c route show table 100', '', 'Error: ipv4: FIB table does not exist.\nDump terminated\n', 2],
  ['ip -n h1-h link show dev nope', '', 'Device "nope" does not exist.\n', 1],
  [
    'ip netns exec h1-h busybox ip a',
    '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue qlen 1000\n    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n    inet 127.0.0.1/8 scope host lo\n       valid_lft forever preferred_lft forever\n    inet6 ::1/128 scope host \n       valid_lft forever preferred_lft forever\n2: br0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue \n    link/ether 02:42:00:00:00:01 brd ff:ff:ff:ff:ff:ff\n    inet 172.17.0.1/16 brd 172.17.255.255 scope global br0\n       valid_lft forever preferred_lft forever\n    inet6 fe80::42:ff:fe00:1/64 scope link \n       valid_lft forever preferred_lft forever\n3: ve0@br0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue master br0 \n    link/ether 02:00:00:00:00:02 brd ff:ff:ff:ff:ff:ff\n    inet6 fe80::ff:fe00:2/64 scope link \n       valid_lft forever preferred_lft forever\n4: bx: <NO-CARRIER,BROADCAST,MULTICAST,UP> mtu 1500 qdisc noqueue qlen 1000\n    link/ether 02:42:00:00:00:09 brd ff:ff:ff:ff:ff:ff\n    inet 172.19.0.1/16 brd 172.19.255.255 scope global bx\n       valid_lft forever preferred_lft forever\n5: dn1@dn: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 qdisc noop qlen 1000\n    link/ether 02:00:00:00:00:0e brd ff:ff:ff:ff:ff:ff\n6: dn@dn1: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 qdisc noop qlen 1000\n    link/ether 02:00:00:00:00:0d brd ff:ff:ff:ff:ff:ff\n',
    '',
    0,
  ],
  [
    'ip netns exec h1-h busybox ip route',
    '172.17.0.0/16 dev br0 scope link  src 172.17.0.1 \n172.19.0.0/16 dev bx scope link  src 172.19.0.1 \n',
    '',
    0,
  ],
  [
    'ip netns exec h1-c busybox ip link',
    '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue qlen 1000\n    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n2: eth0@if3: <BROADCAST,MULTICAST,UP,LOWER_UP,M-DOWN> mtu 1500 qdisc noqueue qlen 1000\n    link/ether 02:42:ac:11:00:02 brd ff:ff:ff:ff:ff:ff\n',
    '',
    0,
  ],
  ['ip -n h1-c neigh add 172.17.0.9 lladdr 02:00:00:00:00:09 dev eth0', '', '', 0],
  [
    'ip -n h1-c neigh add 172.17.0.9 lladdr 02:00:00:00:00:09 dev eth0',
    '',
    'RTNETLINK answers: File exists\n',
    2,
  ],
  ['ip -n h1-c neigh add 172.17.0.10 dev eth0', '', 'Error: No link layer address given.\n', 2],
  ['ip -n h1-c neigh', '172.17.0.9 dev eth0 lladdr 02:00:00:00:00:09 PERMANENT \n', '', 0],
  [
    'ip -n h1-c -s neigh',
    '172.17.0.9 dev eth0 lladdr 02:00:00:00:00:09  used 0/0/0probes 0 PERMANENT \n',
    '',
    0,
  ],
  [
    'ip -n h1-c -j neigh',
    '[{"dst":"172.17.0.9","dev":"eth0","lladdr":"02:00:00:00:00:09","state":["PERMANENT"]}]\n',
    '',
    0,
  ],
  [
    'ip netns exec h1-c busybox ip neigh',
    '172.17.0.9 dev eth0 lladdr 02:00:00:00:00:09 used 0/0/0 probes 0 PERMANENT\n',
    '',
    0,
  ],
  ['ip -n h1-c neigh del 172.17.0.9 dev eth0', '', '', 0],
  ['ip -n h1-c neigh del 172.17.0.9 dev eth0', '', 'RTNETLINK answers: No such file or directory\n', 2],
  [
    'ip -n h1-c neigh show nud all',
    '172.17.0.10 dev eth0 \nff02::2 dev eth0 lladdr 33:33:00:00:00:02 NOARP \nff02::1:ff11:2 dev eth0 lladdr 33:33:ff:11:00:02 NOARP \nff02::16 dev eth0 lladdr 33:33:00:00:00:16 NOARP \n',
    '',
    0,
  ],
];

describe('ip and busybox ip against captures from the real kernel', () => {
  for (const [i, [line, stdout, stderr, exitCode]] of CHECKS.entries()) {
    it(line, async () => {
      const r = (await run())[SETUP.length + i];
      expect(r?.line).toBe(line);
      if (line.endsWith('neigh show nud all')) {
        // The ND table's dump order is its hash order: compare the rows.
        expect(r?.stdout.split('\n').sort()).toEqual(stdout.split('\n').sort());
      } else expect(r?.stdout).toBe(stdout);
      expect(r?.stderr).toBe(stderr);
      expect(r?.exitCode).toBe(exitCode);
    });
  }
});
