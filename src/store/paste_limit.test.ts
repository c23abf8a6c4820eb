/**
 * A huge paste (10 MB) types nothing and says so; what was on the line stays, the terminal works on, and a
 * long line under the paste limit is refused by the simulator with its own message (Simulation.run).
 */
import { describe, expect, it } from 'vitest';
import { PASTE_MAX_CHARS, createAppStore } from './app_store';

async function ready() {
  const store = createAppStore({ paceScale: 0 });
  await store.getState().init(1);
  const id = store.getState().hostTerminal as string;
  let out = '';
  store
    .getState()
    .channel(id)
    .subscribe((d) => (out += d));
  const idle = async () => {
    for (let i = 0; i < 400 && store.getState().running !== null; i++)
      await new Promise((r) => setTimeout(r, 5));
    await new Promise((r) => setTimeout(r, 5));
  };
  return { store, id, output: () => out, clear: () => (out = ''), idle };
}

describe('pastes too large', () => {
  it('a 10 MB paste types nothing, says why, and keeps the half-typed line', async () => {
    const { store, id, output, clear, idle } = await ready();
    store.getState().input(id, 'ip -br li');
    clear();
    const huge = 'ip link add x type bridge\n'.repeat(Math.ceil(10_485_760 / 26));
    store.getState().input(id, huge);
    expect(output()).toBe(
      `\r\nplayground: paste too large (${huge.length} characters; at most ${PASTE_MAX_CHARS}), nothing was typed\r\n` +
        'root@docker-host:~# ip -br li',
    );
    store.getState().input(id, 'nk show lo\r');
    await idle();
    expect(output()).toContain('lo               UNKNOWN        00:00:00:00:00:00 <LOOPBACK,UP,LOWER_UP> \n');
    expect(store.getState().undoLabel).toBe(null);
  });

  it('a line longer than a link may hold is refused by the simulator, and nothing is journaled', async () => {
    const { store, id, output, idle } = await ready();
    store.getState().input(id, `echo ${'x'.repeat(5000)}\r`);
    await idle();
    expect(output()).toContain('playground: line too long (5005 characters; at most 4096)\n');
    store.getState().input(id, 'hostname\r');
    await idle();
    expect(output()).toContain('docker-host\n');
  });
});
