import { describe, expect, it } from 'vitest';
import { runLines } from '../../../cli/test_lines';

/** Each line with the stdout Linux 6.18 / iproute2 6.1 / bridge-utils 1.7.1 printed for it (scratch namespace). */
async function expectTranscript(rows: readonly (readonly [string, string])[]): Promise<void> {
  const r = await runLines(rows.map(([l]) => l));
  rows.forEach(([line, stdout], i) => {
    expect({ line, stdout: r[i]?.stdout, stderr: r[i]?.stderr, exitCode: r[i]?.exitCode }).toEqual({
      line,
      stdout,
      stderr: '',
      exitCode: 0,
    });
  });
}

describe('bridge fdb / link and brctl on a bridge with two veth ports', () => {
  it('lists self entries from device state, follows the smallest port MAC and zeroes it when the last port leaves', async () => {
    await expectTranscript([
      ['ip netns add t', ''],
      ['ip -n t link set lo up', ''],
      ['ip -n t link add br0 type bridge', ''],
      ['ip -n t link add v1 address 02:00:00:00:01:01 type veth peer name v1p address 02:00:00:00:01:02', ''],
      ['ip -n t link add v2 address 02:00:00:00:02:01 type veth peer name v2p address 02:00:00:00:02:02', ''],
      ['ip -n t link set v1 master br0', ''],
      ['ip -n t link set v2 master br0', ''],
      ['ip -n t link set br0 up', ''],
      ['ip -n t link set v1 up', ''],
      ['ip netns exec t sysctl -qw net.ipv6.conf.v1p.disable_ipv6=1', ''],
      ['ip -n t link set v1p up', ''],
      [
        'ip netns exec t bridge fdb show',
        '33:33:00:00:00:01 dev br0 self permanent\n01:00:5e:00:00:6a dev br0 self permanent\n33:33:00:00:00:6a dev br0 self permanent\n01:00:5e:00:00:01 dev br0 self permanent\n33:33:ff:00:01:01 dev br0 self permanent\n33:33:00:00:00:01 dev v1p self permanent\n01:00:5e:00:00:01 dev v1p self permanent\n02:00:00:00:01:01 dev v1 master br0 permanent\n33:33:00:00:00:01 dev v1 self permanent\n01:00:5e:00:00:01 dev v1 self permanent\n33:33:ff:00:01:01 dev v1 self permanent\n33:33:00:00:00:01 dev v2p self permanent\n02:00:00:00:02:01 dev v2 master br0 permanent\n33:33:00:00:00:01 dev v2 self permanent\n',
      ],
      [
        'ip netns exec t bridge link',
        '4: v1@v1p: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 master br0 state forwarding priority 32 cost 2 \n6: v2@v2p: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 master br0 state disabled priority 32 cost 2 \n',
      ],
      [
        'ip netns exec t brctl show',
        'bridge name\tbridge id\t\tSTP enabled\tinterfaces\nbr0\t\t8000.020000000101\tno\t\tv1\n\t\t\t\t\t\t\tv2\n',
      ],
      ['ip -n t link set v1p down', ''],
      ['ip netns exec t bridge fdb show dev v1p', '33:33:00:00:00:01 self permanent\n'],
      [
        'ip netns exec t bridge fdb show dev v1',
        '02:00:00:00:01:01 master br0 permanent\n33:33:00:00:00:01 self permanent\n01:00:5e:00:00:01 self permanent\n33:33:ff:00:01:01 self permanent\n',
      ],
      ['ip netns exec t sysctl -qw net.ipv6.conf.br0.disable_ipv6=1', ''],
      [
        'ip netns exec t bridge fdb show br br0',
        '01:00:5e:00:00:6a dev br0 self permanent\n01:00:5e:00:00:01 dev br0 self permanent\n02:00:00:00:01:01 dev v1 master br0 permanent\n33:33:00:00:00:01 dev v1 self permanent\n01:00:5e:00:00:01 dev v1 self permanent\n33:33:ff:00:01:01 dev v1 self permanent\n02:00:00:00:02:01 dev v2 master br0 permanent\n33:33:00:00:00:01 dev v2 self permanent\n',
      ],
      ['ip -n t link set v1 nomaster', ''],
      ['ip -n t link set v2 nomaster', ''],
      [
        'ip netns exec t bridge fdb show br br0',
        '01:00:5e:00:00:6a dev br0 self permanent\n01:00:5e:00:00:01 dev br0 self permanent\n',
      ],
      [
        'ip netns exec t brctl show',
        'bridge name\tbridge id\t\tSTP enabled\tinterfaces\nbr0\t\t8000.000000000000\tno\t\t\n',
      ],
      // Linux published the carrier loss at once (linkwatch had been idle for over a second); the simulation
      // always defers it by linkwatch's delay, so wait that out.
      ['sleep 1', ''],
      [
        'ip -n t link show br0',
        '2: br0: <NO-CARRIER,BROADCAST,MULTICAST,UP> mtu 1500 qdisc noqueue state DOWN mode DEFAULT group default qlen 1000\n    link/ether 00:00:00:00:00:00 brd ff:ff:ff:ff:ff:ff\n',
      ],
      ['ip -n t link set v1 master br0', ''],
      ['ip -n t link set br0 down', ''],
      [
        'ip netns exec t bridge fdb show br br0',
        '02:00:00:00:01:01 dev v1 master br0 permanent\n33:33:00:00:00:01 dev v1 self permanent\n01:00:5e:00:00:01 dev v1 self permanent\n33:33:ff:00:01:01 dev v1 self permanent\n',
      ],
      [
        'ip netns exec t brctl showmacs br0',
        'port no\tmac addr\t\tis local?\tageing timer\n  1\t02:00:00:00:01:01\tyes\t\t   0.00\n',
      ],
      [
        'ip netns exec t bridge -d link show dev v1',
        '4: v1@v1p: <NO-CARRIER,BROADCAST,MULTICAST,UP,M-DOWN> mtu 1500 master br0 state disabled priority 32 cost 2 \n    hairpin off guard off root_block off fastleave off learning on flood on mcast_flood on bcast_flood on mcast_router 1 mcast_to_unicast off neigh_suppress off vlan_tunnel off isolated off locked off \n',
      ],
      [
        'ip netns exec t bridge -j link',
        '[{"ifindex":4,"link":"v1p","ifname":"v1","flags":["NO-CARRIER","BROADCAST","MULTICAST","UP","M-DOWN"],"mtu":1500,"master":"br0","state":"disabled","priority":32,"cost":2}]\n',
      ],
    ]);
  });
});
