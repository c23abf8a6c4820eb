/**
 * Property: a session of random lines (valid, invalid, hostile names included) is data that survives every
 * way out of the tab and back: the World is plain JSON (a JSON round trip gives an equal World), the session
 * encoded as a link decodes to the same document and replays to the same World byte for byte, and undoing
 * any number of lines then redoing them gives back the same World and journal.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDefaultSimulation } from '../boot';
import { replayJournal } from '../replay';
import { decodeScenario, encodeScenario } from '../share';
import { commandLine } from './grammar';

describe('a random session as data', () => {
  it('World is JSON; link round trip replays it; undo then redo restores it', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(commandLine, { minLength: 1, maxLength: 10 }),
        fc.nat({ max: 12 }),
        async (lines, back) => {
          const sim = createDefaultSimulation(11);
          const t = (await sim.openTerminal(sim.hostProc())).id;
          for (const l of ['ip netns add ns1', 'docker network create n1', ...lines])
            await sim.run(t, l, { deadlineUs: 3_000_000 });
          const world = sim.world;
          const text = JSON.stringify(world);
          expect(JSON.parse(text)).toStrictEqual(world);

          const doc = { v: 3 as const, seed: world.seed, journal: [...sim.journal()] };
          const code = encodeScenario(doc);
          if (!code.ok) throw new Error(code.error.detail);
          const dec = decodeScenario(code.value);
          if (!dec.ok) throw new Error(dec.error.detail);
          expect(dec.value.repairs).toEqual([]);
          expect(dec.value.scenario.journal).toEqual(doc.journal);
          const copy = createDefaultSimulation(dec.value.scenario.seed);
          await copy.openTerminal(copy.hostProc());
          // The journal records where Ctrl-C (here: the deadline) stopped a line; replay stops it there.
          expect((await replayJournal(copy, dec.value.scenario.journal)).skipped).toBe(0);
          expect(JSON.stringify(copy.world)).toBe(text);

          const journal = JSON.stringify(sim.journal());
          let undone = 0;
          while (undone < back && sim.undo()) undone++;
          for (let i = 0; i < undone; i++) expect(sim.redo()).toBe(true);
          expect(sim.canRedo()).toBe(false);
          expect(sim.world).toBe(world);
          expect(JSON.stringify(sim.journal())).toBe(journal);
        },
      ),
      {
        numRuns: Number(process.env.FUZZ_RUNS ?? 15),
        seed: Number(process.env.FUZZ_SEED ?? 77),
        endOnFailure: true,
      },
    );
  }, 120_000);
});
