/**
 * Reachability probes: "would a packet from namespace A reach B?", answered by sending one through the
 * simulated kernel of a throwaway copy of the World. The copy is discarded, so nothing the user sees moves
 * (World, history, undo); the answer is a pure function of the World, which is what lesson checks need:
 * any configuration that really lets the packet through passes, whatever commands made it.
 *
 * - ICMP: an echo request as ping sends it (raw socket, ipSendmsg), waiting for the echo reply.
 * - TCP: connect() as a client would; 'connected' (SYN/ACK) and 'refused' (RST) both mean the SYN got there
 *   and back, 'timeout' that something dropped it, 'unreachable' an ICMP error or no route.
 */
import { produce } from 'immer';
import type { Ip4 } from '../lib';
import {
  ipSendmsg,
  runUntilOr,
  sockDrain,
  sockGet,
  sockOpen,
  tcpConnect,
  type KernelCtx,
  type KernelHooks,
  type TraceEvent,
  xaGet,
} from '../kernel';
import type { World } from './world';

export type ProbeOutcome = 'reply' | 'connected' | 'refused' | 'timeout' | 'unreachable';

export interface ProbeResult {
  outcome: ProbeOutcome;
  /** Whether the probe got an answer from the destination itself (echo reply, SYN/ACK or RST). */
  reached: boolean;
  /** The packet journey of the probe, for explanations. */
  trace: TraceEvent[];
}

export interface ProbeSpec {
  /** The namespace the probe leaves from. */
  from: string;
  dst: Ip4;
  proto: 'icmp' | 'tcp';
  /** TCP destination port. */
  port?: number;
  /** How long to wait, in simulated microseconds (default 1 s, like `ping -W1`). */
  waitUs?: number;
  hooks?: KernelHooks;
}

/** Send one probe on a copy of `world`; the World given is not changed. */
export function probe(world: World, spec: ProbeSpec): ProbeResult {
  const trace: TraceEvent[] = [];
  if (!xaGet(world.kernel.netns, spec.from)) return { outcome: 'unreachable', reached: false, trace };
  const box: { outcome: ProbeOutcome } = { outcome: 'timeout' };
  produce(world, (draft) => {
    const ctx: KernelCtx = {
      k: draft.kernel,
      clock: draft.clock,
      rng: draft.rng,
      trace: (e) => trace.push(e),
      hooks: spec.hooks ?? {},
      budget: { events: 20_000 },
    };
    const until = ctx.clock.nowUs + (spec.waitUs ?? 1_000_000);
    box.outcome = spec.proto === 'icmp' ? icmpProbe(ctx, spec, until) : tcpProbe(ctx, spec, until);
  });
  const { outcome } = box;
  const reached = outcome === 'reply' || outcome === 'connected' || outcome === 'refused';
  return { outcome, reached, trace };
}

function icmpProbe(ctx: KernelCtx, spec: ProbeSpec, until: number): ProbeOutcome {
  const ns = spec.from;
  const sock = sockOpen(ctx, ns, { proto: 'icmp', program: 'probe', pid: 0xfffe, recverr: true });
  const ident = 0xfffe;
  const r = ipSendmsg(ctx, ns, {
    dst: spec.dst,
    src: 0,
    oif: null,
    proto: 1,
    l4: { proto: 1, type: 8, code: 0, id: ident, seq: 1, inner: null },
    payload: { kind: 'bytes', size: 56 },
    ttl: 64,
  });
  if (!r.ok) return 'unreachable';
  let result: ProbeOutcome | null = null;
  runUntilOr(ctx, until, () => {
    for (const m of sockDrain(ctx, ns, sock)) {
      if (m.kind === 'icmp' && m.icmp.type === 0 && m.icmp.id === ident && m.fromAddr === spec.dst)
        result = 'reply';
      else if (m.kind === 'error') result = 'unreachable';
      else if (m.kind === 'icmp' && (m.icmp.type === 3 || m.icmp.type === 11)) result = 'unreachable';
    }
    return result !== null;
  });
  return result ?? 'timeout';
}

function tcpProbe(ctx: KernelCtx, spec: ProbeSpec, until: number): ProbeOutcome {
  const ns = spec.from;
  const sock = sockOpen(ctx, ns, { proto: 'tcp', program: 'probe', pid: 0xfffe });
  const r = tcpConnect(ctx, ns, sock, spec.dst, spec.port ?? 80);
  if (!r.ok) return 'unreachable';
  let result: ProbeOutcome | null = null;
  runUntilOr(ctx, until, () => {
    if (!sockGet(ctx, ns, sock)) return true;
    for (const m of sockDrain(ctx, ns, sock)) {
      if (m.kind === 'connected') result = 'connected';
      else if (m.kind === 'reset') result = 'refused';
      else if (m.kind === 'sockerr') result = m.errno === 'ECONNREFUSED' ? 'refused' : 'unreachable';
    }
    return result !== null;
  });
  return result ?? 'timeout';
}
