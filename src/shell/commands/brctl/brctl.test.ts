import { describe, expect, it } from 'vitest';
import { runLines } from '../../../cli/test_lines';
import { scanDouble, scanInt, secondsToCentis } from './cparse';

type Row = readonly [line: string, stdout: string, stderr: string, exitCode: number];

/** Lines with what Debian 12's bridge-utils 1.7.1, busybox 1.35 and iproute2 6.1 printed on Linux 6.18. */
async function expectRows(rows: readonly Row[]): Promise<void> {
  const r = await runLines(rows.map(([l]) => l));
  rows.forEach(([line, stdout, stderr, exitCode], i) => {
    expect({ line, ...r[i] }).toEqual({ line, stdout, stderr, exitCode });
  });
}

describe('brctl (bridge-utils 1.7.1 and BusyBox)', () => {
  it('creates, lists, configures and deletes bridges with the real messages', async () => {
    await expectRows([
      ['ip netns add t', '', '', 0],
      ['ip netns exec t brctl show', '', '', 0],
      ['ip netns exec t brctl addbr br0', '', '', 0],
      [
        'ip netns exec t brctl addbr br0',
        '',
        "device br0 already exists; can't create bridge with the same name\n",
        1,
      ],
      ["ip netns exec t brctl addbr 'br x'", '', 'add bridge failed: Invalid argument\n', 1],
      [
        'ip netns exec t brctl addbr',
        'Incorrect number of arguments for command\nUsage: brctl addbr <bridge>\t\tadd bridge\n',
        '',
        1,
      ],
      [
        'ip -n t link add v1 address 02:00:00:00:01:01 type veth peer name v1p address 02:00:00:00:01:02',
        '',
        '',
        0,
      ],
      [
        'ip -n t link add v2 address 02:00:00:00:02:01 type veth peer name v2p address 02:00:00:00:02:02',
        '',
        '',
        0,
      ],
      ['ip netns exec t brctl addif br0 v2 v1', '', '', 0],
      [
        'ip netns exec t brctl addif br0 v1',
        '',
        "device v1 is already a member of a bridge; can't add it to bridge br0.\n",
        1,
      ],
      ['ip netns exec t brctl addif br0 nope', '', 'interface nope does not exist!\n', 1],
      ['ip netns exec t brctl addif nope v1p', '', 'bridge nope does not exist!\n', 1],
      [
        'ip netns exec t brctl addif v1p v2p',
        '',
        "can't add v2p to bridge v1p: Operation not supported\n",
        1,
      ],
      ['ip netns exec t brctl addif br0 lo', '', "can't add lo to bridge br0: Invalid argument\n", 1],
      ['ip netns exec t brctl addbr br1', '', '', 0],
      [
        'ip netns exec t brctl addif br0 br1',
        '',
        "device br1 is a bridge device itself; can't add a bridge device to a bridge device.\n",
        1,
      ],
      [
        'ip netns exec t brctl show',
        'bridge name\tbridge id\t\tSTP enabled\tinterfaces\nbr0\t\t8000.020000000101\tno\t\tv1\n\t\t\t\t\t\t\tv2\nbr1\t\t8000.000000000000\tno\t\t\n',
        '',
        0,
      ],
      [
        'ip netns exec t brctl show br1 nope v1 br0',
        'bridge name\tbridge id\t\tSTP enabled\tinterfaces\nbr1\t\t8000.000000000000\tno\t\t\nbr0\t\t8000.020000000101\tno\t\tv1\n\t\t\t\t\t\t\tv2\n',
        'bridge nope does not exist!\ndevice v1 is not a bridge!\n',
        1,
      ],
      [
        'ip netns exec t brctl showmacs br0',
        'port no\tmac addr\t\tis local?\tageing timer\n  2\t02:00:00:00:01:01\tyes\t\t   0.00\n  1\t02:00:00:00:02:01\tyes\t\t   0.00\n',
        '',
        0,
      ],
      ['ip netns exec t brctl showmacs v1', '', 'read of forward table failed: Operation not supported\n', 1],
      ['ip netns exec t brctl showmacs nope', '', 'read of forward table failed: No such device\n', 1],
      ['ip netns exec t brctl stp br0 on', '', '', 0],
      ['ip netns exec t brctl stp br0 maybe', '', 'expect on/off for argument\n', 1],
      ['ip netns exec t brctl setageing br0 12.5', '', '', 0],
      ['ip netns exec t brctl setageing br0 abc', '', 'bad ageing time value\n', 1],
      ['ip netns exec t brctl setageing nope 1', '', 'set ageing time failed: No such device\n', 1],
      ['ip netns exec t brctl setageing v1 1', '', 'set ageing time failed: Operation not supported\n', 1],
      [
        'ip netns exec t brctl sethello br0 0.5',
        '',
        'set hello timer failed: Numerical result out of range\n',
        1,
      ],
      [
        'ip netns exec t brctl setmaxage br0 100',
        '',
        'set max age failed: Numerical result out of range\n',
        1,
      ],
      ['ip netns exec t brctl setbridgeprio br0 0x10', '', '', 0],
      [
        'ip netns exec t brctl setpathcost br0 v1 0',
        '',
        'set path cost failed: Numerical result out of range\n',
        1,
      ],
      [
        'ip netns exec t brctl setpathcost br0 v1p 5',
        '',
        'set path cost failed: No such file or directory\n',
        1,
      ],
      ['ip netns exec t brctl setportprio br0 v1 3', '', '', 0],
      ['ip netns exec t brctl hairpin br0 v1 on', '', '', 0],
      [
        'ip netns exec t brctl hairpin br0 v1p on',
        '',
        "can't set v1p to hairpin on bridge br0: No such file or directory\n",
        1,
      ],
      [
        'ip netns exec t brctl show',
        'bridge name\tbridge id\t\tSTP enabled\tinterfaces\nbr0\t\t0010.020000000101\tyes\t\tv1\n\t\t\t\t\t\t\tv2\nbr1\t\t8000.000000000000\tno\t\t\n',
        '',
        0,
      ],
      [
        'ip netns exec t bridge -d link',
        '4: v1@v1p: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 master br0 state disabled priority 3 cost 2 \n    hairpin on guard off root_block off fastleave off learning on flood on mcast_flood on bcast_flood on mcast_router 1 mcast_to_unicast off neigh_suppress off vlan_tunnel off isolated off locked off \n6: v2@v2p: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 master br0 state disabled priority 32 cost 2 \n    hairpin off guard off root_block off fastleave off learning on flood on mcast_flood on bcast_flood on mcast_router 1 mcast_to_unicast off neigh_suppress off vlan_tunnel off isolated off locked off \n',
        '',
        0,
      ],
      ['ip netns exec t brctl delif br0 v1p', '', 'device v1p is not a port of br0\n', 1],
      ['ip netns exec t brctl delif br0 v2', '', '', 0],
      ['ip netns exec t brctl delbr br1', '', '', 0],
      ['ip netns exec t brctl delbr nope', '', "bridge nope doesn't exist; can't delete it\n", 1],
      ['ip netns exec t brctl delbr v1', '', "can't delete bridge v1: Operation not permitted\n", 1],
      ['ip -n t link set br0 up', '', '', 0],
      ['ip netns exec t brctl delbr br0', '', "bridge br0 is still up; can't delete it\n", 1],
      [
        'ip netns exec t brctl foo',
        'Usage: brctl [commands]\ncommands:\n\taddbr     \t<bridge>\t\tadd bridge\n\tdelbr     \t<bridge>\t\tdelete bridge\n\taddif     \t<bridge> <device>\tadd interface to bridge\n\tdelif     \t<bridge> <device>\tdelete interface from bridge\n\thairpin   \t<bridge> <port> {on|off}\tturn hairpin on/off\n\tsetageing \t<bridge> <time>\t\tset ageing time\n\tsetbridgeprio\t<bridge> <prio>\t\tset bridge priority\n\tsetfd     \t<bridge> <time>\t\tset bridge forward delay\n\tsethello  \t<bridge> <time>\t\tset hello time\n\tsetmaxage \t<bridge> <time>\t\tset max message age\n\tsetpathcost\t<bridge> <port> <cost>\tset path cost\n\tsetportprio\t<bridge> <port> <prio>\tset port priority\n\tshow      \t[ <bridge> ]\t\tshow a list of bridges\n\tshowmacs  \t<bridge>\t\tshow a list of mac addrs\n\tshowstp   \t<bridge>\t\tshow bridge stp info\n\tstp       \t<bridge> {on|off}\tturn stp on/off\n',
        'never heard of command [foo]\n',
        1,
      ],
      ['ip netns exec t brctl -V', 'bridge-utils, 1.7\n', '', 0],
      [
        'ip netns exec t brctl setageing br0 -5',
        'Usage: brctl [commands]\ncommands:\n\taddbr     \t<bridge>\t\tadd bridge\n\tdelbr     \t<bridge>\t\tdelete bridge\n\taddif     \t<bridge> <device>\tadd interface to bridge\n\tdelif     \t<bridge> <device>\tdelete interface from bridge\n\thairpin   \t<bridge> <port> {on|off}\tturn hairpin on/off\n\tsetageing \t<bridge> <time>\t\tset ageing time\n\tsetbridgeprio\t<bridge> <prio>\t\tset bridge priority\n\tsetfd     \t<bridge> <time>\t\tset bridge forward delay\n\tsethello  \t<bridge> <time>\t\tset hello time\n\tsetmaxage \t<bridge> <time>\t\tset max message age\n\tsetpathcost\t<bridge> <port> <cost>\tset path cost\n\tsetportprio\t<bridge> <port> <prio>\tset port priority\n\tshow      \t[ <bridge> ]\t\tshow a list of bridges\n\tshowmacs  \t<bridge>\t\tshow a list of mac addrs\n\tshowstp   \t<bridge>\t\tshow bridge stp info\n\tstp       \t<bridge> {on|off}\tturn stp on/off\n',
        "brctl: invalid option -- '5'\nUnknown option '?'\n",
        1,
      ],
      ['ip netns exec t busybox brctl show', '', "brctl: invalid argument 'show' to 'brctl'\n", 1],
      ['ip netns exec t busybox brctl addbr br0', '', 'brctl: bridge br0: File exists\n', 1],
      ['ip netns exec t busybox brctl addbr bb', '', '', 0],
      ['ip netns exec t busybox brctl addif bb v1', '', 'brctl: bridge bb: Device or resource busy\n', 1],
      ['ip netns exec t busybox brctl addif bb nope', '', 'brctl: iface nope: No such device\n', 1],
      ['ip netns exec t busybox brctl addif nope v2', '', 'brctl: bridge nope: No such device\n', 1],
      ['ip netns exec t busybox brctl addif bb v2', '', '', 0],
      ['ip netns exec t busybox brctl delif bb v1', '', 'brctl: bridge bb: Invalid argument\n', 1],
      ['ip netns exec t busybox brctl delif bb v2', '', '', 0],
      ['ip netns exec t busybox brctl delbr v1', '', 'brctl: bridge v1: Operation not permitted\n', 1],
      ['ip netns exec t busybox brctl delbr br0', '', 'brctl: bridge br0: Device or resource busy\n', 1],
      ['ip netns exec t busybox brctl delbr bb', '', '', 0],
      ['ip netns exec t busybox brctl delbr bb', '', 'brctl: bridge bb: No such device or address\n', 1],
      [
        'ip netns exec t busybox brctl addif',
        '',
        'BusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1) multi-call binary.\n\nUsage: brctl COMMAND [BRIDGE [ARGS]]\n\nManage ethernet bridges\nCommands:\n\taddbr BRIDGE\t\tCreate BRIDGE\n\tdelbr BRIDGE\t\tDelete BRIDGE\n\taddif BRIDGE IFACE\tAdd IFACE to BRIDGE\n\tdelif BRIDGE IFACE\tDelete IFACE from BRIDGE\n',
        1,
      ],
      [
        'ip netns exec t busybox brctl',
        '',
        'BusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1) multi-call binary.\n\nUsage: brctl COMMAND [BRIDGE [ARGS]]\n\nManage ethernet bridges\nCommands:\n\taddbr BRIDGE\t\tCreate BRIDGE\n\tdelbr BRIDGE\t\tDelete BRIDGE\n\taddif BRIDGE IFACE\tAdd IFACE to BRIDGE\n\tdelif BRIDGE IFACE\tDelete IFACE from BRIDGE\n',
        1,
      ],
    ]);
  });
});

describe('C number parsing', () => {
  it('reads times like sscanf("%lf") and converts them like strtotimeval/__tv_to_jiffies', () => {
    expect(scanDouble('12.5')).toBe(12.5);
    expect(scanDouble(' 12abc')).toBe(12);
    expect(scanDouble('1e2')).toBe(100);
    expect(scanDouble('0x1p3')).toBe(8);
    expect(scanDouble('abc')).toBeNull();
    expect(secondsToCentis(12.5)).toBe(1250);
    expect(secondsToCentis(0.015)).toBe(1);
  });
  it('reads ints like sscanf("%i")', () => {
    expect(scanInt('0x10')).toBe(16);
    expect(scanInt('010')).toBe(8);
    expect(scanInt('-3x')).toBe(-3);
    expect(scanInt('x3')).toBeNull();
  });
});
