import { describe, expect, it } from 'vitest';
import { createAppStore } from './app_store';

describe('Reset', () => {
  it('keeps writing to the terminal widget that was listening (the host shell keeps its id)', async () => {
    const store = createAppStore({ paceScale: 0 });
    await store.getState().init(1);
    const id = store.getState().hostTerminal as string;
    // What a mounted xterm does: subscribe once, for as long as its terminal id stays the same.
    let screen = '';
    store
      .getState()
      .channel(id)
      .subscribe(
        (d) => (screen += d),
        () => (screen = ''),
      );
    await store.getState().typeLine(id, 'ip netns add red');
    await store.getState().reset();
    expect(store.getState().hostTerminal).toBe(id);
    expect(screen).toBe('root@docker-host:~# ');
    await store.getState().typeLine(id, 'ip netns');
    expect(screen).toBe('root@docker-host:~# ip netns\r\nroot@docker-host:~# ');
  });
});
