/**
 * br_netfilter's hooks on the way out of a bridge (net/bridge/br_netfilter_hooks.c br_nf_forward_ip and
 * br_nf_post_routing): with net.bridge.bridge-nf-call-iptables=1 a bridged IPv4 frame traverses iptables'
 * FORWARD and POSTROUTING chains, with the bridge as both in- and out-interface (brnf_get_logical_dev,
 * bridge_parent): that is why Docker's `-i docker0 -o docker0 -j ACCEPT` lets containers on one bridge talk.
 * The PREROUTING side is br_netfilter_pre.ts.
 *
 * br_nf_dev_queue_xmit: a datagram reassembled at the bridge's PREROUTING leaves a port in pieces of at most
 * the port's MTU and its largest original fragment (frag_max_size), as the fragments came.
 */
import type { KernelCtx } from '../context';
import { ipDoFragment } from '../ipv4/ip_fragment';
import { nfHook } from '../netfilter/hooks';
import { kfreeSkb } from '../skbuff';
import { ETH_P_IP } from '../trace_fmt';
import type { BridgeDevice, DevId, NetDevice, Packet } from '../types';
import { xaGet } from '../xarray';

/** Whether bridged IPv4 frames of this bridge's namespace go through iptables (brnf_call_iptables). */
export function brNfCallIptables(ctx: KernelCtx, br: BridgeDevice, pkt: Packet): boolean {
  if (pkt.eth?.ethertype !== ETH_P_IP || !pkt.ip) return false;
  return Number(xaGet(ctx.k.netns, br.ns)?.sysctl['net.bridge.bridge-nf-call-iptables'] ?? 0) !== 0;
}

/** br_nf_forward_ip + br_nf_post_routing for a frame bridged from port `from` to port `to`. */
export function brNfForward(
  ctx: KernelCtx,
  br: BridgeDevice,
  from: DevId,
  to: DevId,
  pkt: Packet,
): 'ACCEPT' | 'DROP' {
  if (!brNfCallIptables(ctx, br, pkt)) return 'ACCEPT';
  const opts = { bridged: true };
  if (nfHook(ctx, br.ns, 'FORWARD', pkt, br.id, br.id, opts) === 'DROP') {
    kfreeSkb(
      ctx,
      br.ns,
      pkt,
      'NETFILTER_DROP',
      from,
      `iptables FORWARD dropped the bridged frame (${br.name})`,
    );
    return 'DROP';
  }
  if (nfHook(ctx, br.ns, 'POSTROUTING', pkt, null, br.id, opts) === 'DROP') {
    kfreeSkb(
      ctx,
      br.ns,
      pkt,
      'NETFILTER_DROP',
      to,
      `iptables POSTROUTING dropped the bridged frame (${br.name})`,
    );
    return 'DROP';
  }
  return 'ACCEPT';
}

/** br_nf_dev_queue_xmit() for a datagram the bridge reassembled (`fragMax` set): refragment it for `to`. */
export function brNfDevQueueXmit(
  ctx: KernelCtx,
  to: NetDevice,
  pkt: Packet,
  xmit: (frag: Packet) => void,
): void {
  const mtu = Math.min(to.mtu, pkt.fragMax ?? to.mtu);
  if (!pkt.ip || pkt.ip.len <= mtu) {
    delete pkt.fragMax;
    xmit(pkt);
    return;
  }
  ipDoFragment(ctx, pkt, mtu, xmit);
}
