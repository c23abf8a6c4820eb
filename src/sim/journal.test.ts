/**
 * The journal rebuilds the World byte for byte, with every terminal at its id: lines, terminals the UI
 * opened and closed, shells a line opened, Ctrl-C, and undo/redo in between.
 */
import { describe, expect, it } from 'vitest';
import { createDefaultSimulation } from './boot';
import { replayJournal } from './replay';
import { UNDO_LIMIT, type Simulation } from './simulation';
import { xaValues } from '../kernel';

async function fresh(seed = 1): Promise<Simulation> {
  const sim = createDefaultSimulation(seed);
  await sim.openTerminal(sim.hostProc());
  return sim;
}

async function replayed(sim: Simulation): Promise<Simulation> {
  const copy = await fresh(sim.world.seed);
  const r = await replayJournal(copy, sim.journal());
  expect(r.skipped).toBe(0);
  return copy;
}

const terminals = (sim: Simulation) =>
  sim.listTerminals().map((t) => `${t.id} ${t.title} ${t.parent ?? '-'}`);

describe('journal and replay', () => {
  it('rebuilds the same World from the lines of several terminals', async () => {
    const sim = await fresh(7);
    await sim.run('t1', 'ip link add br0 type bridge');
    const t2 = await sim.openTerminal(sim.hostProc(), null, 'docker-host (2)');
    expect(t2.id).toBe('t2');
    await sim.run('t2', 'ip link set br0 up');
    await sim.run('t2', 'cd /tmp');
    await sim.run('t1', 'ip addr add 10.9.0.1/24 dev br0');
    expect(sim.journal()).toEqual([
      { kind: 'line', terminal: 't1', line: 'ip link add br0 type bridge' },
      { kind: 'open', terminal: 't2', machine: 'host', parent: null, title: 'docker-host (2)' },
      { kind: 'line', terminal: 't2', line: 'ip link set br0 up' },
      { kind: 'line', terminal: 't2', line: 'cd /tmp' },
      { kind: 'line', terminal: 't1', line: 'ip addr add 10.9.0.1/24 dev br0' },
    ]);
    const copy = await replayed(sim);
    expect(JSON.stringify(copy.world)).toBe(JSON.stringify(sim.world));
    expect(terminals(copy)).toEqual(terminals(sim));
    expect(copy.prompt('t2')).toBe('root@docker-host:/tmp# ');
    expect(copy.journal()).toEqual(sim.journal());
  });

  it('journals terminals the UI closes', async () => {
    const sim = await fresh();
    await sim.openTerminal(sim.hostProc());
    sim.closeTerminal('t2');
    sim.closeTerminal('t2');
    const t3 = await sim.openTerminal(sim.hostProc());
    expect(t3.id).toBe('t3');
    expect(sim.journal().map((e) => `${e.kind} ${e.terminal}`)).toEqual(['open t2', 'close t2', 'open t3']);
    expect(terminals(await replayed(sim))).toEqual(['t1 docker-host -', 't3 docker-host -']);
  });

  it('stops a replayed line where Ctrl-C stopped it', async () => {
    const sim = await fresh();
    const ac = new AbortController();
    let paces = 0;
    const r = await sim.run('t1', 'sleep 100', {
      signal: ac.signal,
      pace: async () => {
        if (++paces === 3) ac.abort();
      },
    });
    expect(r.exitCode).toBe(130);
    expect(sim.world.clock.nowUs).toBe(3_000_000);
    expect(sim.journal()).toEqual([{ kind: 'line', terminal: 't1', line: 'sleep 100', interrupt: 3 }]);
    const copy = await replayed(sim);
    expect(copy.world.clock.nowUs).toBe(3_000_000);
    expect(JSON.stringify(copy.world)).toBe(JSON.stringify(sim.world));
  });

  it('keeps terminals in the journal when undo forgets the lines around them, and redo puts the lines back', async () => {
    const sim = await fresh();
    await sim.run('t1', 'ip link add br0 type bridge');
    await sim.run('t1', 'ip link add br1 type bridge');
    await sim.openTerminal(sim.hostProc());
    await sim.run('t2', 'ip link set br1 up');
    const before = sim.journal();
    expect(sim.undo()).toBe(true); // br1 up
    expect(sim.undo()).toBe(true); // br1
    expect(sim.journal().map((e) => e.kind)).toEqual(['line', 'open']);
    expect(JSON.stringify((await replayed(sim)).world)).toBe(JSON.stringify(sim.world));
    expect(terminals(await replayed(sim))).toEqual(terminals(sim));
    expect(sim.redo()).toBe(true);
    expect(sim.redo()).toBe(true);
    // The redone lines come back after the terminal entries undo kept (the open of t2 stays where it was).
    expect(sim.journal()).toEqual([before[0], before[2], before[1], before[3]]);
    expect(JSON.stringify((await replayed(sim)).world)).toBe(JSON.stringify(sim.world));
  });

  it('a line typed after undo ran before the redone ones, and replays so', async () => {
    const sim = await fresh();
    await sim.run('t1', 'ip link add br-a type bridge');
    sim.undo();
    expect((await sim.run('t1', 'ip link del br-a')).exitCode).not.toBe(0); // changes nothing: redo stays
    sim.redo();
    expect(sim.journal().map((e) => (e.kind === 'line' ? e.line : e.kind))).toEqual([
      'ip link del br-a',
      'ip link add br-a type bridge',
    ]);
    expect(JSON.stringify((await replayed(sim)).world)).toBe(JSON.stringify(sim.world));
  });

  it('undo closes the shells of containers it takes away; redo brings them back', async () => {
    const sim = await fresh();
    await sim.run('t1', 'docker run -d --name c1 busybox sleep 1000');
    await sim.openTerminal(sim.procFor(Object.keys(sim.world.docker.containers)[0] as string)!, null, 'c1');
    await sim.run('t2', 'hostname');
    sim.undo();
    expect(terminals(sim)).toEqual(['t1 docker-host -']);
    expect(sim.journal()).toEqual([]);
    sim.redo();
    expect(terminals(sim)).toEqual(['t1 docker-host -', 't2 c1 -']);
    const copy = await replayed(sim);
    expect(terminals(copy)).toEqual(terminals(sim));
    expect(JSON.stringify(copy.world)).toBe(JSON.stringify(sim.world));
  });

  it('lines typed after undo replace the undone ones; terminal ids stay unique', async () => {
    const sim = await fresh();
    await sim.run('t1', 'ip link add br0 type bridge');
    await sim.openTerminal(sim.hostProc());
    sim.undo();
    await sim.run('t2', 'ip link add br9 type bridge');
    const t3 = await sim.openTerminal(sim.hostProc());
    expect(t3.id).toBe('t3');
    expect(sim.canRedo()).toBe(false);
    const copy = await replayed(sim);
    expect(JSON.stringify(copy.world)).toBe(JSON.stringify(sim.world));
    expect(terminals(copy)).toEqual(terminals(sim));
  });

  it('refuses lines too long for any journal to carry, without journaling them', async () => {
    const sim = await fresh();
    const r = await sim.run('t1', `echo ${'x'.repeat(10_000_000)}`);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toBe('playground: line too long (10000005 characters; at most 4096)\n');
    expect(sim.journal()).toEqual([]);
    expect((await sim.run('t1', `echo ${'x'.repeat(4091)}`)).exitCode).toBe(0);
  });

  it('skips entries whose terminal or machine does not exist', async () => {
    const sim = await fresh();
    const r = await replayJournal(sim, [
      { kind: 'line', terminal: 't7', line: 'ip link add x type bridge' },
      { kind: 'open', terminal: 't2', machine: 'f00d', parent: null, title: 'gone' },
      { kind: 'close', terminal: 't9' },
      { kind: 'line', terminal: 't1', line: 'ip link add y type bridge' },
    ]);
    expect(r.skipped).toBe(3);
    expect(sim.journal()).toEqual([{ kind: 'line', terminal: 't1', line: 'ip link add y type bridge' }]);
  });
});

describe('journal with Docker shells', () => {
  it('replays the four modes (shells opened by docker run -it / exec -it, exits, Ctrl-C) byte for byte', async () => {
    const sim = await fresh(3);
    const out: string[] = [];
    const run = async (t: string, line: string) => {
      const r = await sim.run(t, line, { out: (s) => out.push(s), err: (s) => out.push(s) });
      out.push(r.stdout, r.stderr);
      return r;
    };
    await run('t1', 'docker network create mynet');
    expect((await run('t1', 'docker run --net=none -it busybox')).opened.map((o) => o.id)).toEqual(['t2']);
    await run('t2', 'route -n');
    await run('t2', 'exit');
    expect((await run('t1', 'docker run -it --network mynet busybox')).opened.map((o) => o.id)).toEqual([
      't3',
    ]);
    await run('t3', 'ip a');
    await run('t3', 'exit');
    await run('t1', 'docker run -d --name my-nginx1 nginx');
    await run('t1', 'docker run -d --name my-nginx2 --network container:my-nginx1 busybox sleep 1000');
    expect((await run('t1', 'docker exec -it my-nginx2 sh')).opened.map((o) => o.id)).toEqual(['t4']);
    await run('t4', 'ip a');
    await run('t1', 'docker ps -a');
    const copy = await replayed(sim);
    expect(JSON.stringify(copy.world)).toBe(JSON.stringify(sim.world));
    expect(terminals(copy)).toEqual(terminals(sim));
    expect(copy.journal()).toEqual(sim.journal());
  });

  it('keeps a shell a forgotten line opened, and closes one a forgotten exit closed', async () => {
    const sim = await fresh(3);
    await sim.run('t1', 'docker run -d --name c1 busybox sleep 1000');
    await sim.run('t1', 'docker run -it --name c2 busybox');
    await sim.run('t1', 'docker exec -it c1 sh');
    await sim.run('t2', 'exit');
    expect(terminals(sim)).toEqual(['t1 docker-host -', 't3 c1 t1']);
    sim.undo(); // c2's exit (stopped c2): t2 stays closed
    expect(sim.journal().map((e) => `${e.kind} ${e.terminal}`)).toEqual([
      'line t1',
      'line t1',
      'line t1',
      'close t2',
    ]);
    sim.undo(); // docker run -it c2 (and the exec after it): t3 stays open
    expect(sim.journal().map((e) => `${e.kind} ${e.terminal}`)).toEqual(['line t1', 'open t3']);
    const copy = await replayed(sim);
    expect(terminals(copy)).toEqual(terminals(sim));
    expect(JSON.stringify(copy.world)).toBe(JSON.stringify(sim.world));
    sim.redo();
    expect(sim.journal().map((e) => `${e.kind} ${e.terminal}`)).toEqual([
      'line t1',
      'open t3',
      'line t1',
      'line t1',
      'close t2',
    ]);
    sim.redo();
    expect(sim.journal().map((e) => `${e.kind} ${e.terminal}`)).toEqual([
      'line t1',
      'open t3',
      'line t1',
      'line t1',
      'line t2',
    ]);
    expect(terminals(await replayed(sim))).toEqual(terminals(sim));
    expect(JSON.stringify((await replayed(sim)).world)).toBe(JSON.stringify(sim.world));
  });
});

describe('undo history', () => {
  it('takes back the newest UNDO_LIMIT lines; the journal keeps every line', async () => {
    const sim = await fresh(3);
    const lines = UNDO_LIMIT + 5;
    for (let i = 0; i < lines; i++) await sim.run('t1', `ip link add d${i} type bridge`);
    expect(sim.journal().length).toBe(lines);
    let undone = 0;
    while (sim.undo()) undone++;
    expect(undone).toBe(UNDO_LIMIT);
    // What is left is the World after the first five lines, and the journal that rebuilds it (undo forgets the
    // lines it takes back).
    const names = xaValues(sim.world.kernel.devices).map((d) => d.name);
    expect(names.filter((n) => /^d\d+$/.test(n)).sort()).toEqual(['d0', 'd1', 'd2', 'd3', 'd4']);
    expect(sim.journal().length).toBe(5);
    expect((await replayed(sim)).world).toEqual(sim.world);
    // Redo brings all of them back.
    let redone = 0;
    while (sim.redo()) redone++;
    expect(redone).toBe(UNDO_LIMIT);
    expect(xaValues(sim.world.kernel.devices).filter((d) => /^d\d+$/.test(d.name)).length).toBe(lines);
  }, 60_000); // 105 lines and a replay: seconds on a busy 2-core CI machine
});
