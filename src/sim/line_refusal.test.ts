import { describe, expect, it } from 'vitest';
import { createDefaultSimulation } from './boot';

describe('lines refused before they run', () => {
  it('a paused container’s shell runs nothing until unpaused, and nothing is journaled meanwhile', async () => {
    const sim = createDefaultSimulation(1);
    const host = await sim.openTerminal(sim.hostProc());
    // docker run -it opens a terminal on the container's shell.
    const io = { out: () => {}, err: () => {} };
    const shell = (await sim.run(host.id, 'docker run -it --name bb busybox', io)).opened[0];
    if (!shell) throw new Error('no terminal opened');
    expect((await sim.run(shell.id, 'echo before')).stdout).toBe('before\n');
    await sim.run(host.id, 'docker pause bb');
    const journaled = sim.journal().length;
    const r = await sim.run(shell.id, 'echo during');
    expect(r).toMatchObject({
      stdout: '',
      stderr: 'playground: container bb is paused: its processes run nothing until `docker unpause bb`\n',
      exitCode: 2,
    });
    expect(r.after).toBe(r.before);
    expect(sim.journal().length).toBe(journaled);
    await sim.run(host.id, 'docker unpause bb');
    expect((await sim.run(shell.id, 'echo after')).stdout).toBe('after\n');
  });
});
