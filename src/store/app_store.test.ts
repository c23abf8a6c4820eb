import { describe, expect, it } from 'vitest';
import { createAppStore } from './app_store';

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
    for (let i = 0; i < 200 && store.getState().running !== null; i++)
      await new Promise((r) => setTimeout(r, 5));
    await new Promise((r) => setTimeout(r, 5));
  };
  return { store, id, output: () => out, idle };
}

describe('app store', () => {
  it("publishes a line's result and its World in one update, and keeps the terminal list it had", async () => {
    const { store, id } = await ready();
    const terminals = store.getState().terminals;
    const seen: { last: string | null; changed: boolean; running: string | null }[] = [];
    const stop = store.subscribe((s, p) =>
      seen.push({ last: s.last?.line ?? null, changed: s.world !== p.world, running: s.running }),
    );
    await store.getState().typeLine(id, 'ip link add br9 type bridge');
    stop();
    // Running, then the result with the World it made: never a result beside the World before it.
    expect(seen).toEqual([
      { last: null, changed: false, running: id },
      { last: 'ip link add br9 type bridge', changed: true, running: null },
    ]);
    expect(store.getState().terminals).toBe(terminals);
    await store.getState().typeLine(id, 'docker run -d --name web busybox sleep 1d');
    await store.getState().typeLine(id, 'docker exec -it web sh');
    expect(store.getState().terminals).not.toBe(terminals);
    expect(store.getState().terminals.map((t) => t.title)).toHaveLength(2);
  });

  it('runs a pasted multi-line script line by line and publishes the topology and what changed', async () => {
    const { store, id, output, idle } = await ready();
    store.getState().input(id, 'ip netns add red\nip link add v1 type veth peer name v2\n');
    await idle();
    await idle();
    const s = store.getState();
    expect(output()).toContain('ip netns add red\x1b[K\r\n');
    expect(output()).toContain('ip link add v1 type veth peer name v2\x1b[K\r\n');
    expect(Object.values(s.topo?.namespaces ?? {}).some((n) => n.netnsName === 'red')).toBe(true);
    expect(s.change?.label).toBe('ip link add v1 type veth peer name v2');
    expect(s.change?.list.map((c) => c.what)).toEqual(['veth']);
    expect(s.undoLabel).toBe('ip link add v1 type veth peer name v2');
    const redBox = Object.values(s.topo?.namespaces ?? {}).find((n) => n.netnsName === 'red');
    expect(s.layout.pos[`ns:${redBox?.id}`]).toEqual({ x: 16, y: -184 });

    store.getState().undo();
    expect(store.getState().change?.kind).toBe('undo');
    expect(store.getState().change?.list.map((c) => `${c.op} ${c.what}`)).toEqual(['del veth']);
    expect(store.getState().redoLabel).toBe('ip link add v1 type veth peer name v2');
    store.getState().redo();
    expect(store.getState().topo?.links.filter((l) => l.kind === 'veth')).toHaveLength(1);
  });

  it('completes on Tab and lists candidates on a second Tab', async () => {
    const { store, id, output, idle } = await ready();
    store.getState().input(id, 'ip link add veth-a type veth peer name veth-b\n');
    await idle();
    store.getState().input(id, 'ip link set ve\t');
    expect(output().endsWith('ip link set ve\x1b[K\x1b[2Dveth-\x1b[K')).toBe(true);
    store.getState().input(id, '\t');
    expect(output()).toContain('\r\nveth-a  veth-b\r\nroot@docker-host:~# ip link set veth-');
    store.getState().input(id, 'a\t');
    expect(output().endsWith('veth-a \x1b[K')).toBe(true);
  });

  it('keeps a dragged box where it was dropped', async () => {
    const { store, id, idle } = await ready();
    store.getState().input(id, 'ip netns add red\n');
    await idle();
    const red = Object.values(store.getState().topo?.namespaces ?? {}).find((n) => n.netnsName === 'red');
    store.getState().moveNode(`ns:${red?.id}`, { x: 500, y: -900 });
    store.getState().input(id, 'ip netns add blue\n');
    await idle();
    expect(store.getState().layout.pos[`ns:${red?.id}`]).toEqual({ x: 500, y: -900 });
  });
});
