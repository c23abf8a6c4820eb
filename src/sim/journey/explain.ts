/**
 * One explanation per step, in plain words: an i18n key under `journey.explain` and its parameters (names,
 * addresses, the route or rule text). The sentences themselves are in locales/{en,zh_CN}.ts. Parameters
 * listed in `refs` are themselves keys (a drop reason, a stage) that the renderer translates first.
 */
import { formatIp4 } from '../../lib';
import type { ConntrackEntry, SkbHeaders, TraceEvent } from '../../kernel';
import type { Places } from './places';
import type { Explain } from './types';

export interface ExplainCtx {
  places: Places;
  /** Whether a NAT rule decided this packet's mapping just before (else an existing entry applies). */
  natRuleBefore: boolean;
  /** The conntrack entry of a `nat` event, if still known. */
  ct: ConntrackEntry | null;
  /** The packet's headers as last seen on a device (the destination MAC a flood could not find). */
  skb: SkbHeaders | null;
}

const ex = (key: string, params: Record<string, string>, refs?: Record<string, string>): Explain =>
  refs ? { key, params, refs } : { key, params };

/** "who-has X tell Y" and the ICMP text of a summary, without the addresses in front. */
function afterColon(summary: string): string {
  const i = summary.indexOf(': ');
  return i >= 0 ? summary.slice(i + 2) : summary;
}

function neighKey(from: string, to: string): string {
  if (to === 'INCOMPLETE') return 'neigh_incomplete';
  if (to === 'FAILED') return 'neigh_failed';
  if (to === 'REACHABLE') return from === 'INCOMPLETE' ? 'neigh_resolved' : 'neigh_confirmed';
  if (to === 'STALE') return from === 'NONE' ? 'neigh_learned' : 'neigh_stale';
  if (to === 'DELAY') return 'neigh_delay';
  if (to === 'PROBE') return 'neigh_probe';
  return 'neigh_other';
}

function nfKey(verdict: string, policy: boolean): string {
  switch (verdict) {
    case 'ACCEPT':
      return policy ? 'nf_policy' : 'nf_accept';
    case 'DROP':
      return policy ? 'nf_policy_drop' : 'nf_drop';
    case 'DNAT':
    case 'REDIRECT':
      return 'nf_dnat';
    case 'SNAT':
    case 'MASQUERADE':
      return 'nf_snat';
    case 'REJECT':
      return 'nf_reject';
    default:
      return policy ? 'nf_policy' : 'nf_verdict';
  }
}

/** The explanation of one trace event. */
export function explainEvent(e: TraceEvent, c: ExplainCtx): Explain {
  const P = c.places;
  const where = P.where(e.ns);
  const name = (d: string | null | undefined) => P.devName(d) ?? '?';
  switch (e.kind) {
    case 'net_dev_xmit': {
      const d = P.dev(e.dev);
      const dev = name(e.dev);
      const peer = d?.peer ? P.dev(d.peer) : null;
      if (d?.kind === 'loopback') return ex('xmit_lo', { where, dev });
      if (d?.kind === 'bridge') return ex('xmit_bridge', { where, dev });
      const master = d?.master ? P.dev(d.master) : null;
      if (peer && d?.kind === 'veth' && master?.kind === 'bridge')
        return ex('xmit_port', {
          where,
          dev,
          bridge: master.name,
          peer: peer.name,
          peerWhere: P.where(peer.ns),
        });
      if (peer && d?.kind === 'veth')
        return ex('xmit_veth', { where, dev, peer: peer.name, peerWhere: P.where(peer.ns) });
      if (peer && d?.kind === 'ether')
        return ex('xmit_wire', { where, dev, peer: peer.name, peerWhere: P.where(peer.ns) });
      return ex('xmit', { where, dev });
    }
    case 'netif_receive_skb': {
      const d = P.dev(e.dev);
      const dev = name(e.dev);
      if (d?.kind === 'loopback') return ex('rx_lo', { where, dev });
      if (d?.kind === 'bridge') return ex('rx_bridge', { where, dev });
      const master = d?.master ? P.dev(d.master) : null;
      if (master?.kind === 'bridge') return ex('rx_port', { where, dev, bridge: master.name });
      return ex('rx', { where, dev });
    }
    case 'br_fdb_update': {
      const p = { where, bridge: name(e.bridge), port: name(e.port), mac: e.mac };
      return ex(e.isNew ? 'fdb_learn' : e.moved ? 'fdb_move' : 'fdb_refresh', p);
    }
    case 'br_forward':
      return ex('br_forward', { where, bridge: name(e.bridge), port: name(e.to), mac: e.fdbMac });
    case 'br_flood': {
      const ports = e.to.map((t) => name(t)).join(', ');
      const kind = e.why === 'unknown-unicast' ? 'unknown' : e.why;
      const mac = c.skb?.eth?.dst ?? '';
      return ex(`flood_${kind}${e.to.length === 0 ? '_none' : ''}`, {
        where,
        bridge: name(e.bridge),
        ports,
        mac,
      });
    }
    case 'br_local':
      return ex('br_local', { where, bridge: name(e.bridge), port: name(e.from) });
    case 'fib_table_lookup': {
      const dst = formatIp4(e.dst);
      const table = e.table === 255 ? 'local' : e.table === 254 ? 'main' : String(e.table ?? '');
      const p = { where, dst, route: e.routeText ?? '', table, dev: name(e.dev) };
      const gw = e.gateway !== null ? { ...p, gw: formatIp4(e.gateway) } : p;
      if (e.routeText === null) return ex(e.dir === 'output' ? 'route_out_none' : 'route_in_none', p);
      if (e.result === 'local') return ex(e.dir === 'output' ? 'route_out_local' : 'route_in_local', p);
      if (e.result === 'broadcast') return ex('route_broadcast', p);
      if (e.result !== 'unicast') return ex('route_reject', { ...p, type: e.result });
      const base = e.dir === 'output' ? 'route_out' : 'route_in_fwd';
      return ex(e.gateway !== null ? `${base}_gw` : base, gw);
    }
    case 'neigh_update':
      return ex(neighKey(e.from, e.to), {
        where,
        dev: name(e.dev),
        ip: formatIp4(e.ip),
        mac: e.lladdr ?? '',
        from: e.from,
        to: e.to,
        probes: String(e.probes),
      });
    case 'arp_send': {
      const p = {
        where,
        dev: name(e.dev),
        target: formatIp4(e.targetIp),
        sender: formatIp4(e.senderIp),
        targetMac: e.targetMac,
        mac: P.dev(e.dev)?.mac ?? '',
      };
      if (e.op === 'reply') return ex('arp_reply', p);
      return ex(e.targetMac === 'ff:ff:ff:ff:ff:ff' ? 'arp_request' : 'arp_probe', p);
    }
    case 'nf_hook': {
      const policy = e.rule === null;
      return ex(nfKey(e.verdict, policy), {
        where,
        table: e.table,
        chain: e.chain,
        hook: e.hook,
        rule: e.ruleText ?? '',
        verdict: e.verdict,
      });
    }
    case 'nat': {
      const p = { where, before: e.before, after: e.after, ct: String(e.ctId) };
      if (c.natRuleBefore) return ex(e.type === 'SNAT' ? 'nat_snat' : 'nat_dnat', p);
      const firstIp = e.before.split(/[: >]/)[0] ?? '';
      const orig = c.ct !== null && formatIp4(c.ct.orig.src) === firstIp;
      return ex(orig ? 'nat_again' : 'nat_reverse', p);
    }
    case 'icmp_send':
      if (e.summary.includes('suppressed'))
        return ex('icmp_limited', { where, to: formatIp4(e.to), type: String(e.type) });
      return ex('icmp_error', { where, to: formatIp4(e.to), what: afterColon(e.summary) });
    case 'ip_forward':
      return ex('ip_forward', { where, in: name(e.dev), out: name(e.outDev), ttl: String(e.ttl) });
    case 'ip_local_deliver':
      return ex('local_deliver', { where, dev: name(e.dev) });
    case 'sock_deliver':
      return ex('sock_deliver', { where, program: e.program, detail: e.summary });
    case 'kfree_skb':
      return ex(
        'drop',
        { where, dev: name(e.dev), detail: e.detail },
        { reason: `journey.drop.${e.reason}` },
      );
    case 'consume_skb':
      return ex('consume', { where, dev: name(e.dev), detail: e.detail });
    case 'budget_exhausted':
      return ex('budget', { where });
    case 'link_change':
      return ex('link', { where, dev: name(e.dev), detail: e.detail });
  }
}
