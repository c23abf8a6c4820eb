/**
 * Connection tracking (net/netfilter/nf_conntrack_core.c nf_conntrack_in / __nf_conntrack_confirm,
 * nf_conntrack_proto_{tcp,udp,icmp,generic}.c): every IPv4 packet of a namespace whose rules need conntrack
 * gets a tuple, is looked up in both directions, and either joins its connection (setting IPS_SEEN_REPLY on
 * the first reply) or starts a new, unconfirmed one that enters the table when the packet passes the last
 * hook (INPUT or POSTROUTING). Timeouts are computed lazily against the clock: an entry whose `expiresUs`
 * has passed is gone at the next look.
 *
 * ICMP errors quoting a tracked packet are RELATED to its connection (icmp_error_message).
 */
import type { KernelCtx, Peek } from '../context';
import { nextOrderSeq, peekOf } from '../context';
import type { ConntrackEntry, CtTuple, NetNs, NsId, Packet, PacketCt } from '../types';
import { xaGet, xaPeek } from '../xarray';

const S = 1_000_000;

/** nf_conntrack_proto_tcp.c tcp_timeouts[] (seconds). */
const TCP_TIMEOUT: Record<string, number> = {
  SYN_SENT: 120,
  SYN_RECV: 60,
  ESTABLISHED: 432000,
  FIN_WAIT: 120,
  CLOSE_WAIT: 60,
  LAST_ACK: 30,
  TIME_WAIT: 120,
  CLOSE: 10,
};
const UDP_UNREPLIED = 30;
const UDP_REPLIED = 120;
/** A UDP flow that still sees traffic 2 s after it began is a stream (nf_conntrack_udp_packet stream_ts). */
const UDP_STREAM_AFTER_US = 2 * S;
const ICMP_TIMEOUT = 30;
const GENERIC_TIMEOUT = 600;
/** An unconfirmed entry whose packet never reached INPUT/POSTROUTING (dropped on the way) is freed with it. */
const UNCONFIRMED_GRACE_US = 1 * S;

/** ICMP query types and their answers (nf_conntrack_proto_icmp.c invmap). */
const ICMP_REPLY_OF: Record<number, number> = { 8: 0, 13: 14, 15: 16, 17: 18 };
const ICMP_QUERY_OF: Record<number, number> = { 0: 8, 14: 13, 16: 15, 18: 17 };
const ICMP_ERRORS = [3, 4, 5, 11, 12];

/**
 * Whether conntrack runs in this namespace: nf_ct_netns_get() is called by rules that need it. Every hook
 * asks, so the rules are read through `peek` (a draft would proxy each one).
 */
export function ctEnabled(n: NetNs, peek: Peek = (x) => x): boolean {
  for (const tt of Object.values(peek(peek(peek(n).netfilter).tables))) {
    const t = peek(tt);
    for (const cc of t ? peek(t.chains) : []) {
      const c = peek(cc);
      for (const rr of peek(c.rules)) {
        const r = peek(rr);
        const k = r.target.kind;
        if (k === 'DNAT' || k === 'SNAT' || k === 'MASQUERADE' || k === 'REDIRECT' || k === 'NOTRACK')
          return true;
        for (const m of peek(r.matches)) {
          const kind = peek(m).kind;
          if (kind === 'conntrack' || kind === 'state') return true;
        }
      }
    }
  }
  return false;
}

/**
 * Whether nf_defrag_ipv4 reassembles at PREROUTING in `ns`: it is registered with conntrack
 * (nf_ct_netns_get -> nf_defrag_ipv4_enable), so while a rule there needs conntrack.
 */
export function nfDefragEnabled(ctx: KernelCtx, ns: NsId): boolean {
  const peek = peekOf(ctx);
  const n = xaPeek(peek, ctx.k.netns, ns);
  return !!n && ctEnabled(n, peek);
}

export interface PktTuple {
  proto: number;
  t: CtTuple;
  icmpType: number | null;
  icmpCode: number | null;
}

/** nf_ct_get_tuple: addresses, and ports / ICMP id where the protocol has them. */
export function pktTuple(pkt: Packet): PktTuple | null {
  const ip = pkt.ip;
  if (!ip) return null;
  const l4 = pkt.l4;
  const base = { src: ip.src, dst: ip.dst, sport: 0, dport: 0 };
  if (l4 && (l4.proto === 6 || l4.proto === 17) && 'sport' in l4)
    return {
      proto: ip.proto,
      t: { ...base, sport: l4.sport, dport: l4.dport },
      icmpType: null,
      icmpCode: null,
    };
  if (l4 && l4.proto === 1 && 'type' in l4) {
    const id = l4.type in ICMP_REPLY_OF || l4.type in ICMP_QUERY_OF ? l4.id : 0;
    return { proto: 1, t: { ...base, sport: id, dport: id }, icmpType: l4.type, icmpCode: l4.code };
  }
  return { proto: ip.proto, t: base, icmpType: null, icmpCode: null };
}

const sameTuple = (a: CtTuple, b: CtTuple): boolean =>
  a.src === b.src && a.dst === b.dst && a.sport === b.sport && a.dport === b.dport;

export function invertTuple(t: CtTuple): CtTuple {
  return { src: t.dst, dst: t.src, sport: t.dport, dport: t.sport };
}

/** Drop what has expired, and unconfirmed entries whose packet died before confirmation. */
export function ctGc(ctx: KernelCtx, n: NetNs, keep: number | null = null): void {
  const now = ctx.clock.nowUs;
  const peek = peekOf(ctx);
  const alive = (x: ConntrackEntry): boolean => {
    const e = peek(x);
    return e.expiresUs > now && (e.confirmed || e.id === keep || now - e.createdUs < UNCONFIRMED_GRACE_US);
  };
  // Every packet passes here: the table is read without drafting it (a draft proxies every entry read), and
  // rewritten only when something goes (from the draft: the entries kept must stay writable drafts).
  if (!peek(n.conntrack).every(alive)) n.conntrack = n.conntrack.filter(alive);
}

/** Entries `conntrack -L` shows: confirmed and not yet expired. */
export function ctLive(n: NetNs, nowUs: number): ConntrackEntry[] {
  return n.conntrack.filter((e) => e.confirmed && e.expiresUs > nowUs);
}

interface CtHit {
  /** The entry, drafted for writing (the only one the lookup drafts). */
  e: ConntrackEntry;
  dir: 'orig' | 'reply';
}

/**
 * Find the connection a tuple belongs to, in either direction (the hash lookup). The table is scanned through
 * `peek` and only the entry found is drafted: every packet of a tracking namespace looks here.
 */
function ctLookup(n: NetNs, p: PktTuple, peek: Peek): CtHit | null {
  const list = peek(n.conntrack);
  for (let i = 0; i < list.length; i++) {
    const e = peek(list[i] as ConntrackEntry);
    if (!e.confirmed || e.proto !== p.proto) continue;
    let dir: 'orig' | 'reply' | null = null;
    if (p.proto === 1) {
      if (p.icmpType === null) continue;
      if (e.icmpType === p.icmpType && sameTuple(peek(e.orig), p.t)) dir = 'orig';
      else if (ICMP_REPLY_OF[e.icmpType ?? -1] === p.icmpType && sameTuple(peek(e.reply), p.t)) dir = 'reply';
    } else if (sameTuple(peek(e.orig), p.t)) dir = 'orig';
    else if (sameTuple(peek(e.reply), p.t)) dir = 'reply';
    if (dir !== null) return { e: n.conntrack[i] as ConntrackEntry, dir };
  }
  return null;
}

/**
 * The connection an ICMP error's quoted packet belongs to (icmp_error_message): the quoted header is the
 * offending packet as it was sent, so its inverse is what the error's own direction looks like; `dir` is
 * the direction of the error in that connection.
 */
function ctLookupInner(n: NetNs, pkt: Packet, peek: Peek): CtHit | null {
  const l4 = pkt.l4;
  if (!l4 || l4.proto !== 1 || !('type' in l4) || !ICMP_ERRORS.includes(l4.type) || !l4.inner) return null;
  const inner = l4.inner;
  const q = l4.innerL4 ?? null;
  const t: CtTuple = { src: inner.src, dst: inner.dst, sport: 0, dport: 0 };
  let icmpType: number | null = null;
  if (q && 'sport' in q) Object.assign(t, { sport: q.sport, dport: q.dport });
  if (q && 'id' in q) {
    // A quoted echo request: its inverse is an echo reply.
    Object.assign(t, { sport: q.id, dport: q.id });
    icmpType = 0;
  }
  return ctLookup(n, { proto: inner.proto, t: invertTuple(t), icmpType, icmpCode: 0 }, peek);
}

function initialTimeout(proto: number, tcpState: string | null): number {
  if (proto === 6) return TCP_TIMEOUT[tcpState ?? 'CLOSE'] ?? 10;
  if (proto === 17) return UDP_UNREPLIED;
  if (proto === 1) return ICMP_TIMEOUT;
  return GENERIC_TIMEOUT;
}

function tcpFlags(pkt: Packet): { syn: boolean; ack: boolean; fin: boolean; rst: boolean } {
  const f = pkt.l4 && pkt.l4.proto === 6 && 'flags' in pkt.l4 ? pkt.l4.flags : '';
  return {
    syn: f.includes('S'),
    ack: f.includes('.') || f.includes('A'),
    fin: f.includes('F'),
    rst: f.includes('R'),
  };
}

/** tcp_conntracks[][], reduced to the handshake, the close sequence and RST. */
function tcpStep(e: ConntrackEntry, dir: 'orig' | 'reply', pkt: Packet): void {
  const f = tcpFlags(pkt);
  const old = e.tcpState ?? 'NONE';
  let next = old;
  if (f.rst) next = 'CLOSE';
  else if (old === 'SYN_SENT' && dir === 'reply' && f.syn && f.ack) next = 'SYN_RECV';
  else if (old === 'SYN_RECV' && dir === 'orig' && f.ack && !f.syn) next = 'ESTABLISHED';
  else if (old === 'ESTABLISHED' && f.fin) {
    next = 'FIN_WAIT';
    e.tcpFinFrom = dir;
  } else if (old === 'FIN_WAIT' && dir !== e.tcpFinFrom) next = f.fin ? 'LAST_ACK' : 'CLOSE_WAIT';
  else if (old === 'CLOSE_WAIT' && dir !== e.tcpFinFrom && f.fin) next = 'LAST_ACK';
  else if (old === 'LAST_ACK' && dir === e.tcpFinFrom && f.ack) next = 'TIME_WAIT';
  else if (old === 'TIME_WAIT' && dir === 'orig' && f.syn && !f.ack) next = 'SYN_SENT';
  if ((old === 'SYN_RECV' || old === 'ESTABLISHED') && next === 'ESTABLISHED') e.assured = true;
  e.tcpState = next;
}

/** nf_ct_refresh for the packet just seen, by protocol. */
function refresh(ctx: KernelCtx, e: ConntrackEntry): void {
  const now = ctx.clock.nowUs;
  if (e.proto === 17 && e.seenReply) {
    const stream = now > e.createdUs + UDP_STREAM_AFTER_US;
    e.expiresUs = now + (stream ? UDP_REPLIED : UDP_UNREPLIED) * S;
    if (stream) e.assured = true;
    return;
  }
  e.expiresUs = now + initialTimeout(e.proto, e.tcpState) * S;
}

/**
 * nf_conntrack_in at PREROUTING/OUTPUT: attach the packet to its connection (or a new unconfirmed one).
 * A packet that already carries a ct (looped back, or untracked by raw) is left alone. Packets that cannot
 * start a connection (an ICMP echo reply, a TCP RST, an ICMP error quoting nothing tracked) get no ct:
 * ctstate INVALID.
 */
export function nfConntrackIn(ctx: KernelCtx, ns: NsId, pkt: Packet): void {
  const n = xaGet(ctx.k.netns, ns);
  if (!n || !pkt.ip || pkt.ct) return;
  ctGc(ctx, n);
  const peek = peekOf(ctx);
  const rel = ctLookupInner(n, pkt, peek);
  if (rel) {
    pkt.ct = { id: rel.e.id, dir: rel.dir, info: 'related' };
    return;
  }
  const p = pktTuple(pkt);
  if (!p) return;
  const hit = ctLookup(n, p, peek);
  if (hit) {
    const { e, dir } = hit;
    if (dir === 'reply') e.seenReply = true;
    if (e.proto === 6) tcpStep(e, dir, pkt);
    refresh(ctx, e);
    pkt.ct = { id: e.id, dir, info: dir === 'reply' || e.seenReply ? 'established' : 'new' };
    return;
  }
  if (p.proto === 1 && (p.icmpType === null || !(p.icmpType in ICMP_REPLY_OF))) return;
  const f = tcpFlags(pkt);
  if (p.proto === 6 && (f.rst || (f.syn && f.ack))) return;
  const now = ctx.clock.nowUs;
  // nf_conntrack_tcp_loose=1: a connection may be picked up mid-stream from a plain ACK.
  const tcpState = p.proto === 6 ? (f.syn ? 'SYN_SENT' : 'ESTABLISHED') : null;
  const e: ConntrackEntry = {
    id: nextOrderSeq(ctx.k),
    proto: p.proto,
    orig: { ...p.t },
    reply: invertTuple(p.t),
    tcpState,
    tcpFinFrom: null,
    seenReply: false,
    assured: false,
    confirmed: false,
    srcNat: false,
    dstNat: false,
    natDoneSrc: false,
    natDoneDst: false,
    createdUs: now,
    expiresUs: now + initialTimeout(p.proto, tcpState) * S,
    icmpType: p.icmpType,
    icmpCode: p.icmpCode,
    mark: 0,
    zone: 0,
  };
  n.conntrack.push(e);
  pkt.ct = { id: e.id, dir: 'orig', info: 'new' };
}

/** The packet's connection, drafted (NAT and confirmation write it); found by peeking at the table. */
export function ctOf(ctx: KernelCtx, ns: NsId, ct: PacketCt | null): ConntrackEntry | null {
  if (!ct || ct.info === 'untracked') return null;
  const n = xaGet(ctx.k.netns, ns);
  if (!n) return null;
  const peek = peekOf(ctx);
  const i = ctIndex(peek(n.conntrack), ct.id, peek);
  return i < 0 ? null : (n.conntrack[i] ?? null);
}

/**
 * The position of entry `id`. Entries are appended with ids from the kernel's increasing counter and only ever
 * filtered out, so the table is in id order and a binary search finds it (every hook of every packet asks);
 * a table in any other order is still searched entry by entry.
 */
function ctIndex(list: readonly ConntrackEntry[], id: number, peek: Peek): number {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const at = peek(list[mid] as ConntrackEntry).id;
    if (at === id) return mid;
    if (at < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return list.findIndex((e) => peek(e).id === id);
}

/**
 * __nf_conntrack_confirm at the end of INPUT/POSTROUTING: the connection enters the table. Only the packet
 * that created it can confirm it: an ICMP error or RST attached to it in the other direction cannot.
 */
export function nfConntrackConfirm(ctx: KernelCtx, ns: NsId, pkt: Packet): void {
  const e = ctOf(ctx, ns, pkt.ct);
  if (e && !e.confirmed && pkt.ct?.dir === 'orig' && pkt.ct.info !== 'related') e.confirmed = true;
}

/**
 * nf_ct_attach(): an ICMP error (or a REJECT's reply) the kernel generates about `orig` belongs to orig's
 * connection, RELATED, in the other direction; its NAT is then undone on the way out like any reply's.
 */
export function nfCtAttach(pkt: Packet, orig: Packet): void {
  const ct = orig.ct;
  if (!ct || ct.info === 'untracked') return;
  pkt.ct = { id: ct.id, dir: ct.dir === 'orig' ? 'reply' : 'orig', info: 'related' };
}

/** A dropped packet takes its unconfirmed connection with it (nf_conntrack_destroy of an unconfirmed ct). */
export function ctDropUnconfirmed(ctx: KernelCtx, ns: NsId, pkt: Packet): void {
  const n = xaGet(ctx.k.netns, ns);
  const e = ctOf(ctx, ns, pkt.ct);
  // Only the packet that created the entry owns it; an error attached to it (RELATED) does not.
  if (n && e && !e.confirmed && pkt.ct?.info !== 'related') n.conntrack = n.conntrack.filter((x) => x !== e);
}

/**
 * The entry's refcount as conntrack -L prints it ("use=N"): the table's own reference plus one per packet
 * still holding it, i.e. waiting in a neighbour's queue for ARP to resolve (skb->_nfct keeps a reference).
 */
export function ctUse(n: NetNs, e: ConntrackEntry): number {
  let use = 1;
  for (const neigh of n.neigh) for (const q of neigh.queue) if (q.ct && q.ct.id === e.id) use++;
  return use;
}

/** Seconds left as conntrack -L prints them ((timeout - now) / HZ, rounded down). */
export function ctSecondsLeft(e: ConntrackEntry, nowUs: number): number {
  return Math.max(0, Math.floor((e.expiresUs - nowUs) / S));
}

export { ICMP_REPLY_OF };
