/**
 * Property: whatever sequence of ip / bridge / brctl / sysctl / iptables / docker / ping lines a student types,
 * valid or not, every line ends with an exit code (no internal error, no exception out of `Simulation.run`),
 * and the kernel's and the engine's invariants hold after each one.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dockerInvariantViolations } from '../../docker';
import { kernelInvariantViolations } from '../../kernel';
import { createDefaultSimulation } from '../boot';
import { commandLine } from './grammar';

/** Simulated time a fuzzed line may take (a ping with a huge -c or -i is cut here, as by Ctrl-C). */
const DEADLINE_US = 3_000_000;

/** Lines that give the random ones something to work on. */
const SETUP = [
  'ip link add br0 type bridge',
  'ip link add v0 type veth peer name v1',
  'ip netns add ns1',
  'docker network create n1',
  'docker run -d --name c1 --network n1 busybox sleep 1000',
];

describe('random command sequences', () => {
  it('never throw, always exit, keep kernel and engine invariants', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(commandLine, { minLength: 1, maxLength: 12 }), async (lines) => {
        const sim = createDefaultSimulation(3, { checkInvariants: true });
        const t = (await sim.openTerminal(sim.hostProc())).id;
        for (const l of [...SETUP, ...lines]) {
          let r;
          try {
            r = await sim.run(t, l, { deadlineUs: DEADLINE_US });
          } catch (e) {
            throw new Error(`line ${JSON.stringify(l)} threw: ${String(e)}`, { cause: e });
          }
          expect(Number.isInteger(r.exitCode) && r.exitCode >= 0 && r.exitCode < 256, l).toBe(true);
          expect(r.exitCode, `${l}\n${r.stderr}`).not.toBe(70);
          expect(kernelInvariantViolations(sim.world.kernel), l).toEqual([]);
          expect(dockerInvariantViolations(sim.world.docker, sim.world.kernel), l).toEqual([]);
        }
      }),
      {
        numRuns: Number(process.env.FUZZ_RUNS ?? 25),
        seed: Number(process.env.FUZZ_SEED ?? 20261128),
        endOnFailure: true,
      },
    );
  }, 120_000);
});
