import { describe, expect, it } from 'vitest';
import { runLines } from '../../../cli/test_lines';

// Outputs of Debian 12's ethtool 6.1 on Linux 6.18, for veths and bridges built in throwaway namespaces.
const CAPS =
  '\tSupported ports: [  ]\n' +
  '\tSupported link modes:   Not reported\n' +
  '\tSupported pause frame use: No\n' +
  '\tSupports auto-negotiation: No\n' +
  '\tSupported FEC modes: Not reported\n' +
  '\tAdvertised link modes:  Not reported\n' +
  '\tAdvertised pause frame use: No\n' +
  '\tAdvertised auto-negotiation: No\n' +
  '\tAdvertised FEC modes: Not reported\n';

const vethSettings = (name: string, link: string) =>
  `Settings for ${name}:\n${CAPS}\tSpeed: 10000Mb/s\n\tDuplex: Full\n\tAuto-negotiation: off\n\tPort: Twisted Pair\n` +
  `\tPHYAD: 0\n\tTransceiver: internal\n\tMDI-X: Unknown\n\tLink detected: ${link}\n`;

const bridgeSettings = (name: string, speed: string, link: string) =>
  `Settings for ${name}:\n${CAPS}\tSpeed: ${speed}\n\tDuplex: Unknown! (255)\n\tAuto-negotiation: off\n\tPort: Other\n` +
  `\tPHYAD: 0\n\tTransceiver: internal\n\tLink detected: ${link}\n`;

const vethStats = (peer: number) =>
  `NIC statistics:\n     peer_ifindex: ${peer}\n     rx_queue_0_xdp_packets: 0\n     rx_queue_0_xdp_bytes: 0\n` +
  '     rx_queue_0_drops: 0\n     rx_queue_0_xdp_redirect: 0\n     rx_queue_0_xdp_drops: 0\n' +
  '     rx_queue_0_xdp_tx: 0\n     rx_queue_0_xdp_tx_errors: 0\n     tx_queue_0_xdp_xmit: 0\n' +
  '     tx_queue_0_xdp_xmit_errors: 0\n';

async function outs(lines: readonly string[]) {
  const setup = [
    'ip netns add a',
    'ip netns add b',
    'ip -n a link add v0 type veth peer name v1 netns b',
    'ip -n a link add br0 type bridge',
    'ip -n a link add br1 type bridge',
    'ip -n a link set v0 master br0',
    'ip -n a link set v0 up',
    'ip -n a link set br0 up',
  ];
  return (await runLines([...setup, ...lines])).slice(setup.length);
}

describe('ethtool 6.1 on veths, bridges and the loopback', () => {
  it('settings: a veth is 10000 Mb/s full duplex; a bridge its fastest running port; link = running && carrier', async () => {
    const [v0, v1, br0, br1, lo, loUp] = await outs([
      'ip netns exec a ethtool v0',
      'ip netns exec b ethtool v1',
      'ip netns exec a ethtool br0',
      'ip netns exec a ethtool br1',
      'ip netns exec a ethtool lo',
      'ip -n a link set lo up; ip netns exec a ethtool lo',
    ]);
    // v1 is down, so v0 has no carrier; br0's port is running but not oper-up.
    expect(v0?.stdout).toBe(vethSettings('v0', 'no'));
    expect(v1?.stdout).toBe(vethSettings('v1', 'no'));
    expect(br0?.stdout).toBe(bridgeSettings('br0', 'Unknown!', 'no'));
    expect(br1?.stdout).toBe(bridgeSettings('br1', 'Unknown!', 'no'));
    expect(lo?.stdout).toBe('Settings for lo:\n\tLink detected: no\n');
    expect(loUp?.stdout).toBe('Settings for lo:\n\tLink detected: yes\n');
  });

  it('a bridge with an up port: speed 10000, link detected', async () => {
    const [br0, v0] = await outs([
      'ip -n b link set v1 up; ip netns exec a ethtool br0',
      'ip netns exec a ethtool v0 extra words',
    ]);
    expect(br0?.stdout).toBe(bridgeSettings('br0', '10000Mb/s', 'yes'));
    expect(v0?.stdout).toBe(vethSettings('v0', 'yes'));
  });

  it('-i and -S', async () => {
    const [drv, brDrv, loDrv, stats, peer, brStats, loStats] = await outs([
      'ip netns exec a ethtool -i v0',
      'ip netns exec a ethtool --driver br0',
      'ip netns exec a ethtool -i lo',
      'ip netns exec a ethtool -S v0',
      'ip netns exec b ethtool --statistics v1',
      'ip netns exec a ethtool -S br0',
      'ip netns exec a ethtool -S lo',
    ]);
    expect(drv?.stdout).toBe(
      'driver: veth\nversion: 1.0\nfirmware-version: \nexpansion-rom-version: \nbus-info: \nsupports-statistics: yes\n' +
        'supports-test: no\nsupports-eeprom-access: no\nsupports-register-dump: no\nsupports-priv-flags: no\n',
    );
    expect(brDrv?.stdout).toBe(
      'driver: bridge\nversion: 2.3\nfirmware-version: N/A\nexpansion-rom-version: \nbus-info: N/A\n' +
        'supports-statistics: no\nsupports-test: no\nsupports-eeprom-access: no\nsupports-register-dump: no\n' +
        'supports-priv-flags: no\n',
    );
    expect(loDrv).toMatchObject({
      stdout: '',
      stderr: 'Cannot get driver information: Operation not supported\n',
      exitCode: 71,
    });
    // Each end names its peer's ifindex in the peer's namespace: v0 is 2 in a, v1 is 2 in b.
    expect(stats?.stdout).toBe(vethStats(2));
    expect(peer?.stdout).toBe(vethStats(2));
    expect(brStats).toMatchObject({ stdout: '', stderr: 'no stats available\n', exitCode: 94 });
    expect(loStats).toMatchObject({ stderr: 'no stats available\n', exitCode: 94 });
  });

  it('errors: unknown devices, bad arguments', async () => {
    const [plain, drv, stats, none, bad, extra, version] = await outs([
      'ip netns exec a ethtool nope',
      'ip netns exec a ethtool -i nope',
      'ip netns exec a ethtool -S nope',
      'ethtool',
      'ethtool -y v0',
      'ip netns exec a ethtool -S v0 v1',
      'ethtool --version',
    ]);
    expect(plain).toMatchObject({
      stdout: 'No data available\n',
      stderr: 'netlink error: no device matches name (offset 24)\nnetlink error: No such device\n'.repeat(5),
      exitCode: 75,
    });
    expect(drv).toMatchObject({ stderr: 'Cannot get driver information: No such device\n', exitCode: 71 });
    expect(stats).toMatchObject({
      stderr: 'Cannot get stats strings information: No such device\n',
      exitCode: 96,
    });
    const usage = 'ethtool: bad command line argument(s)\nFor more information run ethtool -h\n';
    expect(none).toMatchObject({ stderr: usage, exitCode: 1 });
    expect(bad).toMatchObject({ stderr: usage, exitCode: 1 });
    expect(extra).toMatchObject({ stderr: `ethtool (-S): unknown parameter 'v1'\n${usage}`, exitCode: 1 });
    expect(version).toMatchObject({ stdout: 'ethtool version 6.1\n', exitCode: 0 });
  });
});
