/**
 * dockerd starting on the host (daemon_unix.go initNetworkController/configureNetworking, the bridge driver's
 * configure): IP forwarding switched on (and the FORWARD policy set to DROP because the daemon had to switch it
 * on, setup_ip_forwarding.go), the driver's chains, then the predefined networks in the daemon's order: none
 * (null), host (host) and the default bridge docker0 with the first free predefined pool (172.17.0.0/16).
 */
import type { Ip4 } from '../lib';
import { parseIp4 } from '../lib';
import type { KernelCtx } from '../kernel';
import { setIpForward, xaGet } from '../kernel';
import { createNetwork } from './network';
import type { DockerState } from './state';
import { IMAGES } from './images';
import { setupDriverChains } from './drivers/bridge_rules';
import { setPolicy } from './drivers/iptables';
import {
  OPT_BRIDGE_NAME,
  OPT_DEFAULT_BRIDGE,
  OPT_HOST_BINDING,
  OPT_ICC,
  OPT_MASQUERADE,
  OPT_MTU,
} from './drivers/bridge';

export interface DaemonHost {
  hostname: string;
  etcHosts: string;
  resolvConf: string;
}

/** Nameservers of a resolv.conf text (IPv4 only). */
export function resolvNameservers(text: string): Ip4[] {
  const out: Ip4[] = [];
  for (const line of text.split('\n')) {
    const m = /^\s*nameserver\s+(\S+)/.exec(line);
    const a = m ? parseIp4(m[1] as string) : null;
    if (a !== null) out.push(a);
  }
  return out;
}

/** setupIPForwarding: net.ipv4.ip_forward (and every device's forwarding) to 1; FORWARD DROP if it was 0. */
function setupIpForwarding(ctx: KernelCtx, st: DockerState): void {
  const n = xaGet(ctx.k.netns, st.hostNs);
  if (!n || Number(n.sysctl['net.ipv4.ip_forward']) === 1) return;
  setIpForward(ctx, st.hostNs, 1);
  setPolicy(ctx, st.hostNs, 'filter', 'FORWARD', 'DROP');
}

export function startDaemon(ctx: KernelCtx, st: DockerState, host: DaemonHost): void {
  st.hostNs = ctx.k.rootNs;
  st.hostname = host.hostname;
  st.hostEtcHosts = host.etcHosts;
  st.hostResolvConf = host.resolvConf;
  st.images = IMAGES.map((i) => `${i.repository}:${i.tag}`);
  setupIpForwarding(ctx, st);
  setupDriverChains(ctx, st.hostNs);
  const nameservers = resolvNameservers(host.resolvConf);
  const base = {
    internal: false,
    attachable: false,
    enableIPv6: false,
    ipamDriver: 'default',
    ipam: [],
    labels: {},
  };
  createNetwork(
    ctx,
    st,
    { ...base, name: 'none', driver: 'null', ipamOptions: null, options: {} },
    { nameservers, predefined: true },
  );
  createNetwork(
    ctx,
    st,
    { ...base, name: 'host', driver: 'host', ipamOptions: null, options: {} },
    { nameservers, predefined: true },
  );
  createNetwork(
    ctx,
    st,
    {
      ...base,
      name: 'bridge',
      driver: 'bridge',
      ipamOptions: null,
      options: {
        [OPT_DEFAULT_BRIDGE]: 'true',
        [OPT_ICC]: 'true',
        [OPT_MASQUERADE]: 'true',
        [OPT_HOST_BINDING]: '0.0.0.0',
        [OPT_BRIDGE_NAME]: 'docker0',
        [OPT_MTU]: '1500',
      },
    },
    { nameservers, defaultBridge: true, predefined: true },
  );
  st.started = true;
}
