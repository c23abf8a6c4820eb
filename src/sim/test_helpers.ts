/**
 * Test helper for the projection modules: a default simulation with a host terminal that runs lines and
 * fails loudly when one errs. Used by topology/changes/complete/query tests only (not exported).
 */
import { createDefaultSimulation } from './boot';
import type { LineResult, Simulation } from './simulation';

export interface Driven {
  sim: Simulation;
  host: string;
  run(line: string, allowFail?: boolean): Promise<LineResult>;
}

export async function drive(seed = 1): Promise<Driven> {
  const sim = createDefaultSimulation(seed);
  const host = (await sim.openTerminal(sim.hostProc())).id;
  return {
    sim,
    host,
    async run(line, allowFail = false) {
      let out = '';
      const r = await sim.run(host, line, { out: (s) => (out += s), err: (s) => (out += s) });
      if (!allowFail && r.exitCode !== 0)
        throw new Error(`${line}: exit ${r.exitCode}: ${out}${r.stdout}${r.stderr}`);
      return r;
    },
  };
}
