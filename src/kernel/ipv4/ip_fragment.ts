/**
 * IPv4 fragmentation (net/ipv4/ip_output.c ip_fragment/ip_do_fragment) and reassembly
 * (net/ipv4/ip_fragment.c ip_defrag, net/ipv4/inet_fragment.c).
 *
 * Fragmenting: a datagram longer than the output MTU is cut into pieces of (mtu - 20) & ~7 data bytes, each
 * with its own copy of the IP header (same id), the offset in 8-byte units and More Fragments on all but
 * the last (and on the last too when the datagram was itself a fragment with MF). Here the first piece is
 * the datagram's own skb (its packet id, its L4 header and payload, as a frag_list head is), the others are
 * new skbs that carry no L4 header: tcpdump prints them as `ip-proto-N`.
 *
 * Reassembling: a fragment waits in its namespace's queue for its (saddr, daddr, id, protocol, user) until
 * every byte from 0 to the end the last fragment names has come; the datagram then goes on as the first
 * fragment's skb with the whole length, the other fragments are consumed. An exact duplicate is dropped
 * (DUP_FRAG); an overlap kills the whole queue (RFC 5722 behaviour, inet_frag_queue_insert IPFRAG_OVERLAP).
 * A queue expires ipfrag_time (30 s) after its first fragment, on the timer wheel (ip_expire): its fragments
 * are dropped, and an end host that had the first one answers "fragment reassembly time exceeded" (icmp.ts).
 *
 * Users (enum ip_defrag_users): local delivery (ip_local_deliver, before INPUT), conntrack's
 * nf_defrag_ipv4 at PREROUTING (so iptables and NAT see whole datagrams), and br_netfilter's PREROUTING on
 * a bridge. A datagram reassembled for conntrack remembers its largest fragment (IPCB frag_max_size), and
 * ip_output refragments it at no more than that size.
 */
import { jsonCopy } from '../../lib';
import type { KernelCtx } from '../context';
import { peekNs, peekOf } from '../context';
import { HZ, schedule, timerFireUs } from '../sched_queue';
import { allocSkb, consumeSkb, kfreeSkb } from '../skbuff';
import type { DevId, Ip4Header, IpFragQueue, KEvent, NetNs, NsId, Packet } from '../types';
import { xaGet } from '../xarray';

/** sysctl net.ipv4.ipfrag_time: 30 s, in jiffies. */
const IPFRAG_TIME_JIFFIES = 30 * HZ;

export type DefragUser = 'local' | 'conntrack-in' | 'bridge-in';

/** ip_is_fragment(): MF set or a non-zero offset. */
export function ipIsFragment(ip: Ip4Header): boolean {
  return ip.mf === true || (ip.fragOff ?? 0) > 0;
}

/**
 * ip_do_fragment(): hand `out` each piece of `pkt`, at most `mtu` bytes long, in offset order. The first
 * piece is `pkt` itself (shortened); the datagram is consumed into its pieces.
 */
export function ipDoFragment(ctx: KernelCtx, pkt: Packet, mtu: number, out: (frag: Packet) => void): void {
  const ip = pkt.ip;
  if (!ip) return;
  const hlen = 20;
  const total = ip.len - hlen;
  const step = Math.max(8, (mtu - hlen) & ~7);
  const base = ip.fragOff ?? 0;
  const moreAfter = ip.mf === true;
  const template: Ip4Header = { ...ip };
  // IPCB is not carried by the pieces: a refragmented datagram's limit is spent here.
  delete pkt.fragMax;
  const pieces: Packet[] = [];
  for (let off = 0; off < total; off += step) {
    const n = Math.min(step, total - off);
    const h: Ip4Header = {
      ...template,
      len: hlen + n,
      fragOff: base + off,
      mf: off + n < total || moreAfter,
    };
    if (off === 0) {
      pkt.ip = h;
      pieces.push(pkt);
      continue;
    }
    // ip_copy_metadata(): the conntrack reference, the mark and the bridge-netfilter state go with every piece.
    pieces.push(
      allocSkb(ctx, {
        eth: null,
        arp: null,
        ip: h,
        l4: null,
        payload: { kind: 'none' },
        ct: pkt.ct ? { ...pkt.ct } : null,
        mark: pkt.mark,
        brnf: pkt.brnf,
      }),
    );
  }
  for (const p of pieces) out(p);
}

/** ipq's key: the datagram's addresses, id and protocol (a header's, or a timer's copy), and the defrag user. */
function sameKey(q: IpFragQueue, ip: Pick<Ip4Header, 'src' | 'dst' | 'id' | 'proto'>, user: string): boolean {
  return q.id === ip.id && q.src === ip.src && q.dst === ip.dst && q.proto === ip.proto && q.user === user;
}

const fragStart = (p: Packet): number => p.ip?.fragOff ?? 0;
const fragEnd = (p: Packet): number => fragStart(p) + (p.ip?.len ?? 20) - 20;

/** The queue an ipfrag-expire event is about (the same key, created at the same time), if still there. */
type ExpireEvent = Extract<KEvent, { kind: 'ipfrag-expire' }>;

export const REASM_TIMEOUT = 'the rest of its datagram did not come in 30 s';

/**
 * ip_expire(): the queue's timer ran out. Its fragments are dropped (FRAG_REASM_TIMEOUT), but for the first
 * one if it came: that is returned, for the ICMP "fragment reassembly time exceeded" and then its drop.
 */
export function ipFragExpire(ctx: KernelCtx, ev: ExpireEvent): Packet | null {
  const n = peekNs(ctx, ev.ns);
  if (!n) return null;
  const peek = peekOf(ctx);
  const queues = peek(n.ipfrags) ?? [];
  const qi = queues.findIndex((q0) => {
    const q = peek(q0);
    return q.startUs === ev.startUs && sameKey(q, ev, ev.user);
  });
  if (qi < 0) return null;
  const q = jsonCopy(queues[qi] as IpFragQueue, peek);
  const rest = queues.filter((_, j) => j !== qi);
  const draft = xaGet(ctx.k.netns, ev.ns) as NetNs;
  if (rest.length > 0) draft.ipfrags = rest;
  else delete draft.ipfrags;
  const head = q.frags[0];
  const first = head && fragStart(head) === 0 ? head : null;
  for (const f of q.frags)
    if (f !== first) kfreeSkb(ctx, ev.ns, f, 'FRAG_REASM_TIMEOUT', null, REASM_TIMEOUT);
  return first;
}

/**
 * ip_defrag(): queue `pkt` (a fragment) for reassembly. Returns the whole datagram when this fragment
 * completed it, else null (the fragment waits in the queue, or was dropped).
 */
export function ipDefrag(
  ctx: KernelCtx,
  ns: NsId,
  pkt: Packet,
  user: DefragUser,
  dev: DevId | null,
): Packet | null {
  const n = xaGet(ctx.k.netns, ns);
  const ip = pkt.ip;
  if (!n || !ip) return pkt;
  const peek = peekOf(ctx);
  const queues = peek(n.ipfrags) ?? [];
  const qi = queues.findIndex((q) => sameKey(peek(q), ip, user));
  const q: IpFragQueue =
    qi >= 0
      ? jsonCopy(queues[qi] as IpFragQueue, peek)
      : { src: ip.src, dst: ip.dst, id: ip.id, proto: ip.proto, user, startUs: ctx.clock.nowUs, frags: [] };
  const start = fragStart(pkt);
  const end = fragEnd(pkt);
  let at = q.frags.length;
  for (let i = 0; i < q.frags.length; i++) {
    const f = q.frags[i] as Packet;
    if (fragStart(f) === start && fragEnd(f) === end) {
      kfreeSkb(ctx, ns, pkt, 'DUP_FRAG', dev, 'a copy of a fragment already queued');
      return null;
    }
    if (start < fragEnd(f) && fragStart(f) < end) {
      for (const g of q.frags)
        kfreeSkb(ctx, ns, g, 'DUP_FRAG', dev, 'its datagram had overlapping fragments');
      kfreeSkb(ctx, ns, pkt, 'DUP_FRAG', dev, 'overlaps a fragment already queued');
      n.ipfrags = queues.filter((_, j) => j !== qi);
      if (n.ipfrags.length === 0) delete n.ipfrags;
      return null;
    }
    if (fragStart(f) > start && at === q.frags.length) at = i;
  }
  q.frags.splice(at, 0, jsonCopy(pkt, peek));
  // Complete when the pieces cover 0..end of the fragment without MF, contiguously.
  let covered = 0;
  let complete = false;
  for (const f of q.frags) {
    if (fragStart(f) !== covered) break;
    covered = fragEnd(f);
    if (f.ip?.mf !== true) {
      complete = true;
      break;
    }
  }
  const rest = queues.filter((_, j) => j !== qi);
  if (!complete) {
    if (qi >= 0) n.ipfrags = [...rest.slice(0, qi), q, ...rest.slice(qi)];
    else {
      n.ipfrags = [...queues, q];
      // inet_frag_find -> mod_timer(jiffies + ipfrag_time): the timer wheel rounds it up.
      const { src, dst, id, proto, startUs } = q;
      const atUs = timerFireUs(startUs, IPFRAG_TIME_JIFFIES);
      schedule(ctx, { kind: 'ipfrag-expire', atUs, ns, src, dst, id, proto, user, startUs });
    }
    return null;
  }
  if (rest.length > 0) n.ipfrags = rest;
  else delete n.ipfrags;
  // ip_frag_reasm(): the datagram continues as the first fragment's skb, with the whole length.
  const head = q.frags[0] as Packet;
  let largest = 0;
  for (const f of q.frags) {
    largest = Math.max(largest, f.ip?.len ?? 0);
    if (f !== head) consumeSkb(ctx, ns, f, dev, `fragment reassembled into #${head.id}`);
  }
  const whole: Ip4Header = { ...(head.ip as Ip4Header), len: 20 + covered };
  delete whole.fragOff;
  delete whole.mf;
  head.ip = whole;
  if (user !== 'local') head.fragMax = largest;
  return head;
}
