import { describe, expect, it } from 'vitest';
import { runLines } from '../../../cli/test_lines';

type Row = readonly [line: string, stdout: string, stderr: string, exitCode: number];

/** Lines with what iproute2 6.1's bridge printed on Linux 6.18 (no CONFIG_BRIDGE_VLAN_FILTERING). */
async function expectRows(rows: readonly Row[]): Promise<void> {
  const r = await runLines(rows.map(([l]) => l));
  rows.forEach(([line, stdout, stderr, exitCode], i) => {
    expect({ line, ...r[i] }).toEqual({ line, stdout, stderr, exitCode });
  });
}

describe('bridge fdb add/del/get, link set, vlan and errors', () => {
  it('behaves like iproute2 6.1 on Linux 6.18', async () => {
    await expectRows([
      ['ip netns add t', '', '', 0],
      ['ip -n t link add br0 address 02:00:00:00:00:b0 type bridge', '', '', 0],
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
      ['ip netns exec t sysctl -qw net.ipv6.conf.v1p.disable_ipv6=1', '', '', 0],
      ['ip -n t link set v1 master br0', '', '', 0],
      ['ip -n t link set br0 up', '', '', 0],
      ['ip -n t link set v1 up', '', '', 0],
      ['ip -n t link set v1p up', '', '', 0],
      ['ip netns exec t bridge fdb add 02:00:00:00:00:99 dev v1 master', '', '', 0],
      ['ip netns exec t bridge fdb add 02:00:00:00:00:98 dev v1 master static', '', '', 0],
      ['ip netns exec t bridge fdb add 02:00:00:00:00:97 dev v1 master dynamic', '', '', 0],
      ['ip netns exec t bridge fdb add 02:00:00:00:00:96 dev br0 self', '', '', 0],
      [
        'ip netns exec t bridge fdb add 02:00:00:00:00:95 dev br0 dynamic',
        '',
        'RTNETLINK answers: Invalid argument\n',
        255,
      ],
      [
        'ip netns exec t bridge fdb add 02:00:00:00:00:99 dev v1 master',
        '',
        'RTNETLINK answers: File exists\n',
        255,
      ],
      [
        'ip netns exec t bridge fdb add 02:00:00:00:00:94 dev v2 master',
        '',
        'RTNETLINK answers: Operation not supported\n',
        255,
      ],
      [
        'ip netns exec t bridge fdb add 00:00:00:00:00:00 dev v1 master',
        '',
        'RTNETLINK answers: Invalid argument\n',
        255,
      ],
      ['ip netns exec t bridge fdb add zz dev v1 master', '', 'Invalid mac address zz\n', 255],
      [
        'ip netns exec t bridge fdb add 02:00:00:00:00:93 dev nope master',
        '',
        'Cannot find device "nope"\n',
        255,
      ],
      ['ip netns exec t bridge fdb add dev v1', '', 'Device and address are required arguments.\n', 255],
      ['ip netns exec t bridge fdb replace 02:00:00:00:00:99 dev v1 master static', '', '', 0],
      [
        'ip netns exec t bridge fdb show br br0',
        '33:33:00:00:00:01 dev br0 self permanent\n01:00:5e:00:00:6a dev br0 self permanent\n33:33:00:00:00:6a dev br0 self permanent\n01:00:5e:00:00:01 dev br0 self permanent\n33:33:ff:00:00:b0 dev br0 self permanent\n02:00:00:00:00:96 dev br0 master br0 permanent\n02:00:00:00:00:b0 dev br0 master br0 permanent\n02:00:00:00:00:97 dev v1 master br0 \n02:00:00:00:00:98 dev v1 master br0 static\n02:00:00:00:00:99 dev v1 master br0 static\n02:00:00:00:01:01 dev v1 master br0 permanent\n33:33:00:00:00:01 dev v1 self permanent\n01:00:5e:00:00:01 dev v1 self permanent\n33:33:ff:00:01:01 dev v1 self permanent\n',
        '',
        0,
      ],
      [
        'ip netns exec t bridge -j fdb show br br0 state static',
        '[{"mac":"02:00:00:00:00:98","ifname":"v1","flags":[],"master":"br0","state":"static"},{"mac":"02:00:00:00:00:99","ifname":"v1","flags":[],"master":"br0","state":"static"}]\n',
        '',
        0,
      ],
      [
        'ip netns exec t bridge fdb show br br0 dynamic',
        '02:00:00:00:00:97 dev v1 master br0 \n02:00:00:00:00:98 dev v1 master br0 static\n02:00:00:00:00:99 dev v1 master br0 static\n',
        '',
        0,
      ],
      ['ip netns exec t bridge fdb show dev v2 br br0', '', '', 0],
      ['ip netns exec t bridge fdb show br v1', '', '', 0],
      ['ip netns exec t bridge fdb show br nope', '', 'Cannot find bridge device "nope"\n', 255],
      ['ip netns exec t bridge fdb show dev nope', '', 'Cannot find device "nope"\n', 255],
      [
        'ip netns exec t bridge fdb get 02:00:00:00:00:99 br br0',
        '02:00:00:00:00:99 dev v1 master br0 static\n',
        '',
        0,
      ],
      ['ip netns exec t bridge fdb get 02:00:00:00:00:77 br br0', '', 'Error: Fdb entry not found.\n', 254],
      ['ip netns exec t bridge fdb del 02:00:00:00:00:99 dev v1 master', '', '', 0],
      [
        'ip netns exec t bridge fdb del 02:00:00:00:00:99 dev v1 master',
        '',
        'RTNETLINK answers: No such file or directory\n',
        255,
      ],
      ['ip netns exec t bridge fdb del 02:00:00:00:00:96 dev br0', '', '', 0],
      [
        'ip netns exec t bridge fdb del 02:00:00:00:00:96 dev br0 master',
        '',
        'RTNETLINK answers: Operation not supported\n',
        255,
      ],
      // The dynamic entry's ageing timer read 2.52 on Linux: the seconds that passed between the lines.
      [
        'ip netns exec t brctl showmacs br0',
        'port no\tmac addr\t\tis local?\tageing timer\n  1\t02:00:00:00:00:97\tno\t\t   0.00\n  1\t02:00:00:00:00:98\tno\t\t   0.00\n  1\t02:00:00:00:01:01\tyes\t\t   0.00\n',
        '',
        0,
      ],
      ['ip netns exec t bridge link set dev v1 hairpin on learning off cost 7 priority 10', '', '', 0],
      [
        'ip netns exec t bridge link set dev v1 hairpin maybe',
        '',
        'Error: argument of "hairpin" must be one of "off", "on", not "maybe"\n',
        234,
      ],
      [
        'ip netns exec t bridge link set dev v2 hairpin on',
        '',
        'RTNETLINK answers: Operation not supported\n',
        255,
      ],
      ['ip netns exec t bridge link set dev nope cost 5', '', 'Cannot find bridge device "nope"\n', 255],
      ['ip netns exec t bridge link set hairpin on', '', 'Device is a required argument.\n', 255],
      [
        'ip netns exec t bridge link set dev v1 cost 70000',
        '',
        'RTNETLINK answers: Numerical result out of range\n',
        255,
      ],
      [
        'ip netns exec t bridge link set dev v1 priority 64',
        '',
        'RTNETLINK answers: Numerical result out of range\n',
        255,
      ],
      ['ip netns exec t bridge link set dev v1 state foo', '', 'Error: invalid STP port state\n', 255],
      ['ip netns exec t bridge link set dev v1 state learning', '', '', 0],
      [
        'ip netns exec t bridge -d link show dev v1',
        '4: v1@v1p: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 master br0 state learning priority 10 cost 7 \n    hairpin on guard off root_block off fastleave off learning off flood on mcast_flood on bcast_flood on mcast_router 1 mcast_to_unicast off neigh_suppress off vlan_tunnel off isolated off locked off \n',
        '',
        0,
      ],
      ['ip netns exec t bridge link set dev v1 state blocking', '', '', 0],
      [
        'ip netns exec t bridge link show dev v1',
        '4: v1@v1p: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 master br0 state forwarding priority 10 cost 7 \n',
        '',
        0,
      ],
      ['ip netns exec t bridge link show dev nope', '', 'Cannot find device "nope"\n', 255],
      ['ip netns exec t bridge link show dev v2', '', '', 0],
      ['ip netns exec t bridge vlan show', 'port              vlan-id  \n', '', 0],
      [
        'ip netns exec t bridge vlan add vid 5 dev v1',
        '',
        'RTNETLINK answers: Operation not supported\n',
        255,
      ],
      ['ip netns exec t bridge vlan add dev v1', '', 'Device and VLAN ID are required arguments.\n', 255],
      ['ip netns exec t bridge -s vlan show', 'port              vlan-id\n', '', 0],
      [
        'ip netns exec t bridge -d vlan show',
        'port              vlan-id  \n',
        'RTNETLINK answers: Operation not supported\nDump terminated\n',
        1,
      ],
      ['ip netns exec t bridge -j vlan show dev v1', '[]\n', '', 0],
      ['ip netns exec t bridge vlan show dev nope', '', 'Cannot find device "nope"\n', 255],
      ['ip netns exec t bridge foo', '', 'Object "foo" is unknown, try "bridge help".\n', 255],
      ['ip netns exec t bridge link foo', '', 'Command "foo" is unknown, try "bridge link help".\n', 255],
      ['ip netns exec t bridge -x link', '', 'Option "-x" is unknown, try "bridge help".\n', 255],
      ['ip netns exec t bridge -V', 'bridge utility, 6.1.0\n', '', 0],
    ]);
  });
});
