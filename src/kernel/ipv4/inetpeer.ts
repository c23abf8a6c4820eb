/**
 * The per-peer rate limits on ICMP errors (net/ipv4/inetpeer.c inet_peer_xrlim_allow, net/ipv4/icmp.c
 * icmpv4_xrlim_allow, net/ipv4/route.c ip_error): one token bucket per destination address, in jiffies of
 * credit. icmp_send() spends icmp_ratelimit (1 s) per error of the types in icmp_ratemask (destination
 * unreachable, source quench, time exceeded, parameter problem) with a burst of 6; ip_error() spends another
 * second of the same bucket (burst 5) before it even calls icmp_send(). A fresh peer starts full.
 *
 * Measured on Linux 6.18: 10 quick TTL-expired pings get 6 "Time to live exceeded"; busybox traceroute to an
 * unroutable net prints `!N  !N  *` (each "net unreachable" costs two tokens).
 */
import type { Ip4 } from '../../lib';
import type { KernelCtx } from '../context';
import { HZ, jiffiesAt } from '../sched_queue';
import type { InetPeer, NsId } from '../types';
import { xaGet } from '../xarray';

/** XRLIM_BURST_FACTOR */
const BURST_FACTOR = 6;

function peerOf(ctx: KernelCtx, ns: NsId, ip: Ip4): InetPeer | null {
  const n = xaGet(ctx.k.netns, ns);
  if (!n) return null;
  const peers = (n.inetPeers ??= {});
  // inet_getpeer(): rate_last = jiffies - 60*HZ, so the first use finds the bucket full.
  return (peers[String(ip)] ??= { rateTokensUs: 0, rateLastUs: ctx.clock.nowUs - 60 * 1_000_000 });
}

function jiffyUs(us: number): number {
  return jiffiesAt(us) * (1_000_000 / HZ);
}

/** inet_peer_xrlim_allow(peer, timeout) with timeout in microseconds. */
export function xrlimAllow(ctx: KernelCtx, ns: NsId, ip: Ip4, timeoutUs: number): boolean {
  const peer = peerOf(ctx, ns, ip);
  if (!peer) return true;
  const now = jiffyUs(ctx.clock.nowUs);
  let token = peer.rateTokensUs;
  const delta = now - jiffyUs(peer.rateLastUs);
  if (delta > 0) {
    peer.rateLastUs = now;
    token = Math.min(token + delta, BURST_FACTOR * timeoutUs);
  }
  let ok = false;
  if (token >= timeoutUs) {
    token -= timeoutUs;
    ok = true;
  }
  peer.rateTokensUs = token;
  return ok;
}

/** ip_error()'s own check on the same bucket: ip_rt_error_cost (1 s), ip_rt_error_burst (5 s). */
export function ipErrorAllow(ctx: KernelCtx, ns: NsId, ip: Ip4): boolean {
  const peer = peerOf(ctx, ns, ip);
  if (!peer) return true;
  const now = jiffyUs(ctx.clock.nowUs);
  peer.rateTokensUs = Math.min(peer.rateTokensUs + Math.max(0, now - jiffyUs(peer.rateLastUs)), 5_000_000);
  peer.rateLastUs = now;
  if (peer.rateTokensUs >= 1_000_000) {
    peer.rateTokensUs -= 1_000_000;
    return true;
  }
  return false;
}
