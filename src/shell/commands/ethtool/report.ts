/**
 * What ethtool prints for a device, from the driver callbacks the kernel answers with (net/ethtool):
 *
 * - settings (`ethtool DEV`): get_link_ksettings of veth (veth_get_link_ksettings: 10000 Mb/s, full duplex,
 *   twisted pair, no autonegotiation) and of a bridge (br_get_link_ksettings: the fastest running, oper-up
 *   port, unknown duplex, port "Other"), then "Link detected" (__ethtool_get_link: running and carrier; the
 *   loopback's always_on). A driver without get_link_ksettings (loopback) shows the link line only.
 * - driver info (`-i`): veth_get_drvinfo ("veth" 1.0), br_getinfo ("bridge" 2.3, firmware and bus "N/A");
 *   the loopback has no get_drvinfo (EOPNOTSUPP).
 * - statistics (`-S`): veth_get_ethtool_stats: peer_ifindex (0 once the peer is gone), then the XDP
 *   counters of each rx and tx queue (one of each, nothing runs XDP here: zeros); others have none.
 *
 * The host's eth0 (an `ether` device) has no modelled driver (sysfs gives it no speed file either): it is
 * answered as a driver with only get_link, like the loopback.
 */
import { type KernelState, type NetDevice, xaGet } from '../../../kernel';
import { linkSettings } from '../sysfs';

const SPEED_UNKNOWN = -1;

/** Link detected: netif_running() && get_link(). */
function linkDetected(dev: NetDevice): boolean {
  return dev.adminUp && (dev.kind === 'loopback' || dev.carrier);
}

export function settingsText(k: KernelState, dev: NetDevice): string {
  const link = `\tLink detected: ${linkDetected(dev) ? 'yes' : 'no'}\n`;
  const s = dev.kind === 'veth' || dev.kind === 'bridge' ? linkSettings(k, dev) : null;
  if (!s) return `Settings for ${dev.name}:\n${link}`;
  const tp = dev.kind === 'veth';
  return (
    `Settings for ${dev.name}:\n` +
    '\tSupported ports: [  ]\n' +
    '\tSupported link modes:   Not reported\n' +
    '\tSupported pause frame use: No\n' +
    '\tSupports auto-negotiation: No\n' +
    '\tSupported FEC modes: Not reported\n' +
    '\tAdvertised link modes:  Not reported\n' +
    '\tAdvertised pause frame use: No\n' +
    '\tAdvertised auto-negotiation: No\n' +
    '\tAdvertised FEC modes: Not reported\n' +
    `\tSpeed: ${s.speed === SPEED_UNKNOWN ? 'Unknown!' : `${s.speed}Mb/s`}\n` +
    `\tDuplex: ${s.duplex === 'full' ? 'Full' : 'Unknown! (255)'}\n` +
    '\tAuto-negotiation: off\n' +
    `\tPort: ${tp ? 'Twisted Pair' : 'Other'}\n` +
    '\tPHYAD: 0\n' +
    '\tTransceiver: internal\n' +
    // ethtool prints MDI-X for twisted-pair ports only (dump_link_caps / linkmodes_reply_cb).
    (tp ? '\tMDI-X: Unknown\n' : '') +
    link
  );
}

/** `-i`: the driver's get_drvinfo, or null when it has none. */
export function driverText(dev: NetDevice): string | null {
  const tail =
    'supports-test: no\nsupports-eeprom-access: no\nsupports-register-dump: no\nsupports-priv-flags: no\n';
  if (dev.kind === 'veth') {
    return `driver: veth\nversion: 1.0\nfirmware-version: \nexpansion-rom-version: \nbus-info: \nsupports-statistics: yes\n${tail}`;
  }
  if (dev.kind === 'bridge') {
    return `driver: bridge\nversion: 2.3\nfirmware-version: N/A\nexpansion-rom-version: \nbus-info: N/A\nsupports-statistics: no\n${tail}`;
  }
  return null;
}

const VETH_RQ_STATS = [
  'xdp_packets',
  'xdp_bytes',
  'drops',
  'xdp_redirect',
  'xdp_drops',
  'xdp_tx',
  'xdp_tx_errors',
];
const VETH_TQ_STATS = ['xdp_xmit', 'xdp_xmit_errors'];

/** `-S`: the driver's statistics, or null when it has none. */
export function statsText(k: KernelState, dev: NetDevice): string | null {
  if (dev.kind !== 'veth') return null;
  const peer = xaGet(k.devices, dev.peer)?.ifindex ?? 0;
  const rows = [
    `peer_ifindex: ${peer}`,
    ...VETH_RQ_STATS.map((s) => `rx_queue_0_${s}: 0`),
    ...VETH_TQ_STATS.map((s) => `tx_queue_0_${s}: 0`),
  ];
  return `NIC statistics:\n${rows.map((r) => `     ${r}\n`).join('')}`;
}
