/**
 * The issue's seven journeys, built the way a user (or the LAN) would make them: shared by the journey tests
 * and the step-mode tests. Each returns the line's trace with the Worlds before and after it.
 */
import { produce } from 'immer';
import { parseIp4 } from '../../lib';
import {
  runUntil,
  sockDrain,
  sockOpen,
  tcpClose,
  tcpConnect,
  tcpSend,
  type KernelCtx,
  type NsId,
  type TraceEvent,
  xaValues,
} from '../../kernel';
import { createDefaultSimulation } from '../boot';
import type { LineResult, Simulation } from '../simulation';
import { topology } from '../topology';
import type { World } from '../world';
import type { Journey } from './types';

export interface Traced {
  trace: TraceEvent[];
  before: World;
  after: World;
  result?: LineResult;
}

export async function session(lines: readonly string[]): Promise<{ sim: Simulation; term: string }> {
  const sim = createDefaultSimulation(1);
  const term = (await sim.openTerminal(sim.hostProc())).id;
  for (const l of lines) await sim.run(term, l);
  return { sim, term };
}

export async function line(sim: Simulation, term: string, text: string, steps = false): Promise<Traced> {
  let out = '';
  let err = '';
  const r = await sim.run(term, text, { steps, out: (s) => (out += s), err: (s) => (err += s) });
  const result = r.streamed ? { ...r, stdout: out, stderr: err } : r;
  return { trace: r.trace, before: r.before, after: r.after, result };
}

function ip(s: string): number {
  const v = parseIp4(s);
  if (v === null) throw new Error(s);
  return v;
}

/**
 * A program in namespace `ns` of a copy of `w` (the LAN gateway has no terminal; curl is a client the
 * simulator does not ship yet): the trace of what the kernel did.
 */
export function inNamespace(w: World, ns: NsId, program: (ctx: KernelCtx, ns: NsId) => void): Traced {
  const trace: TraceEvent[] = [];
  const after = produce(w, (draft) => {
    const ctx: KernelCtx = {
      k: draft.kernel,
      clock: draft.clock,
      rng: draft.rng,
      trace: (e) => trace.push(e),
      hooks: {},
      budget: { events: 20_000 },
    };
    program(ctx, ns);
  });
  return { trace, before: w, after };
}

/** `curl -s http://DST:PORT/` as far as the kernel sees it: connect, GET, read the answer, close. */
export function httpGet(dst: string, port: number) {
  return (ctx: KernelCtx, ns: NsId): void => {
    const s = sockOpen(ctx, ns, { proto: 'tcp', program: 'curl', pid: 4242 });
    const r = tcpConnect(ctx, ns, s, ip(dst), port);
    if (!r.ok) throw new Error(r.error.errno);
    runUntil(ctx, ctx.clock.nowUs + 100_000);
    sockDrain(ctx, ns, s);
    tcpSend(ctx, ns, s, { kind: 'text', text: `GET / HTTP/1.1\r\nHost: ${dst}\r\nAccept: */*\r\n\r\n` });
    runUntil(ctx, ctx.clock.nowUs + 100_000);
    sockDrain(ctx, ns, s);
    tcpClose(ctx, ns, s);
    runUntil(ctx, ctx.clock.nowUs + 100_000);
  };
}

export function nsByLabel(w: World, label: string): NsId {
  const n = xaValues(w.kernel.netns).find((x) => x.label === label);
  if (!n) throw new Error(`no namespace ${label}`);
  return n.id;
}

/** The namespace a container runs in. */
export function nsOfContainer(w: World, name: string): NsId {
  const ns = topology(w).containers;
  const c = Object.values(ns).find((x) => x.name === name);
  if (!c?.ns) throw new Error(`no namespace for ${name}`);
  return c.ns;
}

/** A journey's steps as `where dev stage: one-liner -- note` (what the tests compare). */
export function rows(j: Journey): string[] {
  return j.steps.map(
    (s) => `${s.where} ${s.dev ?? '-'} ${s.stage}: ${s.line}${s.note ? ` -- ${s.note}` : ''}`,
  );
}
