/**
 * Property: every command in the registry, given any argv (real flags, words, garbage, control characters,
 * prototype keys, numbers no field holds), answers with an exit code: it never throws, and never runs on
 * without advancing simulated time (a hang fails the test by its timeout).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../shell/registry';
import { createDefaultSimulation } from '../boot';
import { anyArgv, line } from './grammar';

describe('every command parser survives arbitrary argv', () => {
  const sim = createDefaultSimulation(5, { checkInvariants: true });
  const term = sim.openTerminal(sim.hostProc());
  for (const cmd of COMMANDS) {
    it(
      cmd.name,
      async () => {
        const t = (await term).id;
        await fc.assert(
          fc.asyncProperty(anyArgv, async (argv) => {
            const l = line([cmd.name, ...argv]);
            let r;
            try {
              // A command waiting for input or packets is cut after 2 s of simulated time, as by Ctrl-C.
              r = await sim.run(t, l, { deadlineUs: 2_000_000 });
            } catch (e) {
              throw new Error(`${JSON.stringify(l)} threw: ${String(e)}`, { cause: e });
            }
            // A shell it opened (docker run -it) is left at once.
            for (const o of r.opened) await sim.run(o.id, 'exit');
            expect(r.exitCode, `${l}\n${r.stderr}`).not.toBe(70);
            expect(Number.isInteger(r.exitCode) && r.exitCode >= 0 && r.exitCode < 256, l).toBe(true);
          }),
          {
            numRuns: Number(process.env.FUZZ_RUNS ?? 40),
            seed: Number(process.env.FUZZ_SEED ?? 9),
            endOnFailure: true,
          },
        );
      },
      60_000,
    );
  }
});
