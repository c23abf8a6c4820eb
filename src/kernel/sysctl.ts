/**
 * Defaults of the sysctls the simulation honours, per namespace and per device, as a fresh namespace on
 * Linux 6.x has them (net.core.devconf_inherit_init_net=0: new namespaces start from defaults).
 */
import type { DeviceConf, NsSysctl } from './types';

export function defaultNsSysctl(): NsSysctl {
  return {
    'net.ipv4.ip_forward': 0,
    'net.ipv4.conf.all.forwarding': 0,
    'net.ipv4.conf.default.forwarding': 0,
    // br_netfilter is loaded on a Docker host, and its per-namespace switches default to 1.
    'net.bridge.bridge-nf-call-iptables': 1,
    'net.bridge.bridge-nf-call-ip6tables': 1,
    'net.ipv6.conf.all.disable_ipv6': 0,
    'net.ipv6.conf.default.disable_ipv6': 0,
    'net.ipv4.ip_local_port_range': '32768\t60999',
    'net.ipv4.neigh.default.base_reachable_time_ms': 30000,
    'net.ipv4.conf.all.route_localnet': 0,
  };
}

export function defaultDeviceConf(nsDefaults: NsSysctl): DeviceConf {
  return {
    disable_ipv6: Number(nsDefaults['net.ipv6.conf.default.disable_ipv6']) ? 1 : 0,
    // A new device copies conf.default (devinet_sysctl_register -> ipv4_devconf_dflt), not ip_forward;
    // the two differ only once someone writes conf.default on its own.
    forwarding: Number(nsDefaults['net.ipv4.conf.default.forwarding'] ?? nsDefaults['net.ipv4.ip_forward'])
      ? 1
      : 0,
  };
}
