/**
 * The promise of a share link: whatever was typed, in whichever terminals, with undo and redo in between,
 * encoding the session and opening the link rebuilds the same World byte for byte, and the same terminals.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDefaultSimulation } from '../boot';
import { replayJournal } from '../replay';
import { decodeScenario, encodeScenario } from './codec';

const name = fc.constantFrom('a', 'b', 'c');
const step = fc.oneof(
  name.map((n) => ({ line: `ip link add br-${n} type bridge` })),
  name.map((n) => ({ line: `ip link set br-${n} up` })),
  name.map((n) => ({ line: `ip link del br-${n}` })),
  fc
    .tuple(name, fc.integer({ min: 1, max: 9 }))
    .map(([n, i]) => ({ line: `ip addr add 10.${i}.0.1/24 dev br-${n}` })),
  name.map((n) => ({ line: `ip netns add ns-${n}` })),
  name.map((n) => ({ line: `docker network create net-${n}` })),
  name.map((n) => ({ line: `docker run -d --name c-${n} --network net-${n} busybox sleep 1000` })),
  name.map((n) => ({ line: `docker rm -f c-${n}` })),
  // Capabilities are container state (HostConfig) and decide what a line inside may change.
  name.map((n) => ({
    line: `docker run -d --name c-${n} --cap-add NET_ADMIN --privileged=false busybox sleep 1000`,
  })),
  name.map((n) => ({ line: `docker exec c-${n} ip link set lo mtu 1400` })),
  name.map((n) => ({ line: `docker exec -it --privileged c-${n} sh` })),
  name.map((n) => ({ line: `docker exec -it c-${n} sh` })),
  fc.constant({ line: 'docker run -it busybox' }),
  fc.constant({ line: 'exit' }),
  fc.constantFrom({ line: 'ip -br a' }, { line: 'docker ps -a' }, { line: 'cd /tmp' }, { line: 'X=1' }),
  fc.integer({ min: 1, max: 3 }).map((k) => ({ line: 'sleep 10', interruptAt: k })),
  fc.constant({ undo: true }),
  fc.constant({ redo: true }),
  fc.constant({ open: true }),
  fc.constant({ close: true }),
  fc.constant({ switchTerminal: true }),
);

type Step = {
  line?: string;
  interruptAt?: number;
  undo?: boolean;
  redo?: boolean;
  open?: boolean;
  close?: boolean;
  switchTerminal?: boolean;
};

describe('a link rebuilds the session', () => {
  it('for random sessions with several terminals, Ctrl-C, undo and redo', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        fc.array(step, { maxLength: 20 }),
        async (seed, steps: Step[]) => {
          const sim = createDefaultSimulation(seed);
          await sim.openTerminal(sim.hostProc());
          let current = 't1';
          for (const s of steps) {
            // Undo closes the shells of containers it took away.
            if (!sim.terminal(current)) current = 't1';
            const open = sim.listTerminals().map((t) => t.id);
            if (s.undo) sim.undo();
            else if (s.redo) sim.redo();
            else if (s.open) current = (await sim.openTerminal(sim.hostProc())).id;
            else if (s.close && current !== 't1') {
              sim.closeTerminal(current);
              current = 't1';
            } else if (s.switchTerminal) current = open[(open.indexOf(current) + 1) % open.length] ?? 't1';
            else if (s.line) {
              const ac = new AbortController();
              let paces = 0;
              const r = await sim.run(current, s.line, {
                signal: ac.signal,
                pace: async () => {
                  if (++paces === s.interruptAt) ac.abort();
                },
              });
              if (r.opened[0]) current = r.opened[0].id;
              if (r.closed) current = 't1';
            }
          }
          const code = encodeScenario({ v: 3, seed: sim.world.seed, journal: [...sim.journal()] });
          if (!code.ok) throw new Error(code.error.detail);
          const back = decodeScenario(code.value);
          if (!back.ok) throw new Error(back.error.detail);
          const copy = createDefaultSimulation(back.value.scenario.seed);
          await copy.openTerminal(copy.hostProc());
          const r = await replayJournal(copy, back.value.scenario.journal);
          expect(r.skipped).toBe(0);
          expect(JSON.stringify(copy.world)).toBe(JSON.stringify(sim.world));
          expect(copy.listTerminals().map((t) => t.id)).toEqual(sim.listTerminals().map((t) => t.id));
        },
      ),
      { numRuns: 60, seed: 20261128 },
    );
  }, 120_000);
});
