/**
 * Sessions that outlive the page: a store's session to a scenario and back (link, file, autosave), autosave in
 * storage that is damaged, full or missing, and how a session starts from a link or a saved session.
 */
import { describe, expect, it } from 'vitest';
import * as sim from '../sim';
import { createAppStore, type AppStore } from './app_store';
import { parseEmbedParams } from './embed_params';
import { createNoticeStore } from './notices';
import { forLink } from './session_io';
import { Autosaver, readSaved, SESSION_KEY, type StorageLike } from './persist';
import { startSession, type StartEnv } from './startup';

class MemoryStorage implements StorageLike {
  readonly data = new Map<string, string>();
  quota = Infinity;
  getItem(k: string) {
    return this.data.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    if (v.length > this.quota) throw new DOMException('full', 'QuotaExceededError');
    this.data.set(k, v);
  }
  removeItem(k: string) {
    this.data.delete(k);
  }
}

async function session(lines: string[]): Promise<AppStore> {
  const store = createAppStore({ paceScale: 0 });
  await store.getState().init(5);
  const host = store.getState().hostTerminal as string;
  for (const l of lines) await store.getState().typeLine(host, l);
  return store;
}

const worldBytes = (s: AppStore) => JSON.stringify(s.getState().world);

describe('a session as a scenario', () => {
  it('rebuilds the same World, terminals, histories, output and undo in another store', async () => {
    const a = await session([
      'docker network create mynet',
      'docker run -d --name web --network mynet nginx',
      'ip -br a',
    ]);
    a.getState().moveNode('ns:ns1', { x: 10.4, y: -20.6 });
    const doc = a.getState().scenario();
    if (!doc) throw new Error('no scenario');
    const code = sim.encodeScenario(doc);
    if (!code.ok) throw new Error(code.error.detail);
    const back = sim.decodeScenario(code.value);
    if (!back.ok) throw new Error(back.error.detail);

    const b = createAppStore({ paceScale: 0 });
    const { skipped } = await b.getState().loadScenario(back.value.scenario);
    expect(skipped).toBe(0);
    expect(worldBytes(b)).toBe(worldBytes(a));
    expect(b.getState().terminals).toEqual(a.getState().terminals);
    expect(b.getState().layout.pos['ns:ns1']).toEqual({ x: 10, y: -21 });
    expect(b.getState().layout.pinned['ns:ns1']).toBe(true);
    expect(b.getState().canUndo).toBe(true);
    expect(b.getState().undoLabel).toBe('docker run -d --name web --network mynet nginx');
    const shown = b.getState().channel('t1').scrollback();
    expect(shown).toContain('root@docker-host:~# ip -br a\r\n');
    expect(shown).toContain(
      a.getState().channel('t1').scrollback().split('ip -br a\r\n')[1]?.split('\r\n')[0],
    );
    // The history comes back: Up recalls the last line.
    b.getState().input('t1', '\x1b[A');
    expect(b.getState().channel('t1').scrollback().endsWith('ip -br a\x1b[K')).toBe(true);
    b.getState().undo();
    expect(b.getState().world?.docker.containers).toEqual({});
  });
});

describe("the seed article's four-mode scenario", () => {
  it('fits in a link of under 2 KB, with the graph layout the UI made', async () => {
    const store = createAppStore({ paceScale: 0 });
    await store.getState().init(1);
    const type = (t: string, line: string) => store.getState().typeLine(t, line);
    await type('t1', 'docker network create mynet');
    await type('t1', 'docker run --net=none -it busybox');
    await type('t2', 'ifconfig');
    await type('t2', 'route -n');
    await type('t2', 'exit');
    await type('t1', 'docker run -it --network mynet busybox');
    await type('t3', 'ifconfig');
    await type('t3', 'route -n');
    await type('t3', 'exit');
    await type('t1', 'docker run -it --net=host busybox');
    await type('t4', 'ip a');
    await type('t4', 'exit');
    await type('t1', 'docker run -d --name my-nginx1 nginx');
    await type('t1', 'docker run -d --name my-nginx2 --network container:my-nginx1 busybox sleep 1000');
    await type('t1', 'docker exec -it my-nginx2 sh');
    await type('t5', 'wget -qO- http://localhost');
    await type('t5', 'exit');
    await type('t1', 'docker ps');
    const doc = store.getState().scenario();
    if (!doc) throw new Error('no scenario');
    const code = sim.encodeScenario(forLink(doc));
    if (!code.ok) throw new Error(code.error.detail);
    const url = `https://example.github.io/container-network-playground/#s=${code.value}`;
    console.log(`four-mode scenario link: ${url.length} characters`);
    expect(url.length).toBeLessThanOrEqual(2048);
    const back = sim.decodeScenario(code.value);
    const again = createAppStore({ paceScale: 0 });
    await again.getState().loadScenario(back.ok ? back.value.scenario : sim.emptyScenario());
    expect(worldBytes(again)).toBe(worldBytes(store));
  });
});

describe('autosave', () => {
  const notices = () => createNoticeStore();

  it('saves and restores a session', async () => {
    const store = await session(['ip link add br0 type bridge']);
    const storage = new MemoryStorage();
    const saver = new Autosaver({
      storage,
      key: SESSION_KEY,
      encode: sim.encodeScenario,
      snapshot: () => store.getState().scenario(),
      notices: notices(),
    });
    expect(saver.flush()).toBe(true);
    expect(storage.getItem(SESSION_KEY)?.startsWith('cnp-scenario:')).toBe(true);
    const r = readSaved(storage, SESSION_KEY, sim);
    expect(r.kind === 'ok' && r.loaded.scenario.journal).toEqual([
      { kind: 'line', terminal: 't1', line: 'ip link add br0 type bridge' },
    ]);
    expect(r.kind === 'ok' && r.loaded.scenario.histories).toEqual({ t1: ['ip link add br0 type bridge'] });
  });

  it('moves a damaged saved session aside and says why', () => {
    const storage = new MemoryStorage();
    storage.setItem(SESSION_KEY, 'cnp-scenario:AQ');
    expect(readSaved(storage, SESSION_KEY, sim)).toMatchObject({
      kind: 'damaged',
      error: { code: 'truncated' },
    });
    expect(storage.getItem(SESSION_KEY)).toBeNull();
    expect(storage.getItem(`${SESSION_KEY}.damaged`)).toBe('cnp-scenario:AQ');
    storage.setItem(SESSION_KEY, '{"v":2}');
    expect(readSaved(storage, SESSION_KEY, sim)).toMatchObject({
      kind: 'damaged',
      error: { code: 'garbage' },
    });
    expect(readSaved(null, SESSION_KEY, sim)).toEqual({ kind: 'unavailable' });
    expect(readSaved(new MemoryStorage(), SESSION_KEY, sim)).toEqual({ kind: 'none' });
  });

  it('saves without histories when storage is short, and says so when even that does not fit', async () => {
    const store = await session([
      'ip link add br0 type bridge',
      'echo a long line to make the history count '.repeat(20),
    ]);
    const storage = new MemoryStorage();
    const n = notices();
    const saver = new Autosaver({
      storage,
      key: SESSION_KEY,
      encode: sim.encodeScenario,
      snapshot: () => store.getState().scenario(),
      notices: n,
    });
    saver.flush();
    const full = storage.getItem(SESSION_KEY)?.length ?? 0;
    storage.data.clear();
    storage.quota = full - 1;
    expect(saver.flush()).toBe(true);
    const r = readSaved(storage, SESSION_KEY, sim);
    expect(r.kind === 'ok' && r.loaded.scenario.histories).toBeUndefined();
    storage.data.clear();
    storage.quota = 10;
    expect(saver.flush()).toBe(false);
    expect(n.getState().notices.map((x) => x.kind)).toEqual(['storage-full']);
    storage.quota = Infinity;
    expect(saver.flush()).toBe(true);
    expect(n.getState().notices).toEqual([]);
  });
});

describe('starting a session', () => {
  function env(href: string, storage: StorageLike | null = new MemoryStorage()) {
    const urls: string[] = [];
    const e: StartEnv = {
      href,
      storage,
      notices: createNoticeStore(),
      embed: parseEmbedParams(new URL(href).search),
      replaceUrl: (u) => urls.push(u),
      onHide: () => undefined,
    };
    return { e, urls };
  }
  const link = (doc: sim.ScenarioDoc) => {
    const c = sim.encodeScenario(doc);
    if (!c.ok) throw new Error('encode');
    return c.value;
  };
  const doc: sim.ScenarioDoc = {
    v: 3,
    seed: 9,
    journal: [{ kind: 'line', terminal: 't1', line: 'ip link add br7 type bridge' }],
  };

  it('opens a link, then takes it out of the address bar so a reload restores the newer autosave', async () => {
    const { e, urls } = env(`https://x.example/app/?lang=en#s=${link(doc)}`);
    const store = createAppStore({ paceScale: 0 });
    const s = await startSession(store, e);
    expect(store.getState().world?.seed).toBe(9);
    expect(store.getState().channel('t1').scrollback()).toContain('ip link add br7 type bridge');
    expect(urls).toEqual(['https://x.example/app/?lang=en']);
    expect(s.initial).toEqual(doc);
    expect(e.notices.getState().notices).toEqual([]);
  });

  it('shows a working default host and a notice for a broken link', async () => {
    const good = link(doc);
    for (const [code, kind] of [
      [good.slice(0, 20), 'truncated'],
      ['%3Cscript%3E', 'garbage'],
    ]) {
      const { e } = env(`https://x.example/#s=${code}`);
      const store = createAppStore({ paceScale: 0 });
      await startSession(store, e);
      expect(store.getState().status).toBe('ready');
      expect(store.getState().world?.seed).toBe(1);
      const n = e.notices.getState().notices;
      expect(n.map((x) => x.kind)).toEqual(['link-failed']);
      expect(n[0]?.detail).toContain(`(${kind}:`);
    }
  });

  it('restores the autosave, or starts fresh with a notice when it is damaged', async () => {
    const storage = new MemoryStorage();
    storage.setItem(SESSION_KEY, `cnp-scenario:${link(doc)}`);
    const store = createAppStore({ paceScale: 0 });
    await startSession(store, env('https://x.example/', storage).e);
    expect(store.getState().world?.seed).toBe(9);

    storage.setItem(SESSION_KEY, 'cnp-scenario:@@@');
    const { e } = env('https://x.example/', storage);
    const fresh = createAppStore({ paceScale: 0 });
    await startSession(fresh, e);
    expect(fresh.getState().status).toBe('ready');
    expect(fresh.getState().world?.seed).toBe(1);
    expect(e.notices.getState().notices.map((x) => x.kind)).toEqual(['restore-failed']);
  });

  it('gives each embed its own autosave, which wins over the embed scenario', async () => {
    const storage = new MemoryStorage();
    const href = `https://x.example/?embed=1&scenario=${link(doc)}`;
    const first = createAppStore({ paceScale: 0 });
    const s1 = await startSession(first, env(href, storage).e);
    await first.getState().typeLine('t1', 'ip link add br8 type bridge');
    s1.saver.flush();
    expect(storage.getItem(SESSION_KEY)).toBeNull();
    const again = createAppStore({ paceScale: 0 });
    await startSession(again, env(`${href}&lang=zh-CN`, storage).e);
    expect(worldBytes(again)).toBe(worldBytes(first));
  });
});
