/**
 * br_netfilter's PREROUTING side (net/bridge/br_netfilter_hooks.c br_nf_pre_routing and
 * br_nf_pre_routing_finish): with net.bridge.bridge-nf-call-iptables=1 every IPv4 frame entering a bridge
 * port traverses iptables' PREROUTING (raw, conntrack, nat) with the bridge as in-interface
 * (setup_pre_routing: skb->dev = the bridge), before the bridge decides where the frame goes. The IP stack
 * then skips PREROUTING for it if it is delivered up (ip_sabotage_in): `Packet.brnf` marks that.
 *
 * When DNAT changed the destination, the frame is re-routed as the bridge would see it: a destination
 * routed out of the same bridge stays bridged with the new MAC (bridged DNAT, br_nf_pre_routing_finish_bridge),
 * anything else is handed to the bridge device (its MAC as destination) so the IP stack routes it.
 */
import { formatIp4 } from '../../lib';
import type { KernelCtx } from '../context';
import { neighOutput } from '../ipv4/arp';
import { ipDefrag, ipIsFragment } from '../ipv4/ip_fragment';
import { ipRouteInput } from '../ipv4/route';
import { neighLookup, NUD_VALID, nudIn } from '../neighbour';
import { nfHook } from '../netfilter/hooks';
import { nfDefragEnabled } from '../netfilter/nf_conntrack';
import { kfreeSkb } from '../skbuff';
import type { BridgeDevice, NetDevice, Packet } from '../types';
import { brNfCallIptables } from './br_netfilter';

/**
 * nf_defrag_ipv4 at the bridge's PREROUTING (conntrack in use in the bridge's namespace): a fragment waits
 * until its datagram is whole (null meanwhile); the whole datagram is bridged, and br_nf_dev_queue_xmit
 * (br_netfilter.ts) cuts it again on the way out.
 */
export function brNfDefrag(ctx: KernelCtx, br: BridgeDevice, port: NetDevice, pkt: Packet): Packet | null {
  if (!pkt.ip || !ipIsFragment(pkt.ip) || !brNfCallIptables(ctx, br, pkt)) return pkt;
  if (!nfDefragEnabled(ctx, br.ns)) return pkt;
  return ipDefrag(ctx, br.ns, pkt, 'bridge-in', port.id);
}

/** 'STOLEN': the frame left this path (it waits for ARP on the bridge device). */
export function brNfPreRouting(
  ctx: KernelCtx,
  br: BridgeDevice,
  port: NetDevice,
  pkt: Packet,
): 'ACCEPT' | 'DROP' | 'STOLEN' {
  if (!brNfCallIptables(ctx, br, pkt) || !pkt.ip) return 'ACCEPT';
  pkt.brnf = true;
  const origDst = pkt.ip.dst;
  if (nfHook(ctx, br.ns, 'PREROUTING', pkt, br.id, null, { bridged: true }) === 'DROP') {
    kfreeSkb(
      ctx,
      br.ns,
      pkt,
      'NETFILTER_DROP',
      port.id,
      `iptables PREROUTING dropped the frame entering ${br.name} from ${port.name}`,
    );
    return 'DROP';
  }
  if (pkt.ip.dst === origDst || !pkt.eth) return 'ACCEPT';
  // dnat_took_place(): route the new destination as if it had arrived on the bridge device.
  const rt = ipRouteInput(ctx, br.ns, pkt.ip.src, pkt.ip.dst, br.id, pkt.id);
  if (rt.kind === 'error') {
    kfreeSkb(ctx, br.ns, pkt, rt.reason, br.id, `after DNAT to ${formatIp4(pkt.ip.dst)}: ${rt.detail}`);
    return 'DROP';
  }
  if (rt.kind === 'forward' && rt.outDev === br.id) {
    const nexthop = rt.gateway ?? pkt.ip.dst;
    const e = neighLookup(ctx, br.ns, br.id, nexthop);
    if (e && nudIn(e.state, NUD_VALID) && e.lladdr) {
      pkt.eth.dst = e.lladdr;
      return 'ACCEPT';
    }
    neighOutput(ctx, br.ns, br.id, nexthop, pkt);
    return 'STOLEN';
  }
  pkt.eth.dst = br.mac;
  return 'ACCEPT';
}
