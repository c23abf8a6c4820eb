/**
 * A line's Ctrl-C: the deadline and the caller's signal interrupt that line only. The controller behind
 * LineEnv.signal is kept from line to line until one is interrupted, so an interrupted line must not leave
 * the next one aborted, and a caller's signal aborted after its line ended must not reach the next line.
 */
import { describe, expect, it } from 'vitest';
import { createDefaultSimulation } from './boot';

async function fresh() {
  const sim = createDefaultSimulation(3);
  await sim.openTerminal(sim.hostProc());
  return sim;
}

describe('LineRun interrupts', () => {
  it('a line stopped by its deadline leaves the next line running to its end', async () => {
    const sim = await fresh();
    const a = await sim.run('t1', 'sleep 10', { deadlineUs: 2_000_000 });
    expect(a.exitCode).toBe(130);
    const b = await sim.run('t1', 'sleep 3', { deadlineUs: 60_000_000 });
    expect(b.exitCode).toBe(0);
    // Interrupted at its second pace (sleep slept a second before each; at the second, two had passed).
    expect(sim.journal()).toEqual([
      { kind: 'line', terminal: 't1', line: 'sleep 10', interrupt: 2 },
      { kind: 'line', terminal: 't1', line: 'sleep 3' },
    ]);
    expect(sim.world.clock.nowUs - a.before.clock.nowUs).toBe(5_000_000);
  });

  it("a caller's signal aborted before the line is an interrupt at pace 0; after the line it reaches nothing", async () => {
    const sim = await fresh();
    const early = new AbortController();
    early.abort();
    const a = await sim.run('t1', 'sleep 5', { signal: early.signal });
    expect(a.exitCode).toBe(130);
    const late = new AbortController();
    const b = await sim.run('t1', 'sleep 1', { signal: late.signal });
    late.abort();
    const c = await sim.run('t1', 'sleep 2');
    expect([b.exitCode, c.exitCode]).toEqual([0, 0]);
    expect(sim.journal()).toEqual([
      { kind: 'line', terminal: 't1', line: 'sleep 5', interrupt: 0 },
      { kind: 'line', terminal: 't1', line: 'sleep 1' },
      { kind: 'line', terminal: 't1', line: 'sleep 2' },
    ]);
  });
});
