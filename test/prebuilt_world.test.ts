/**
 * The build's precomputed default World (scripts/default-world) is createDefaultWorld(seed), byte for byte,
 * and the page's copy of it (prebuiltWorld) is the same World: equal, plain data without shared objects (so
 * nothing an identity comparison could tell apart), deep-frozen like immer's produce leaves it.
 */
import { describe, expect, it } from 'vitest';
import type { Plugin } from 'vite';
import { createDefaultWorld, prebuiltWorld } from '../src/sim';
import { createAppStore } from '../src/store';
import { PREBUILT_SEED, prebuiltDefaultWorld } from '../scripts/default-world/plugin';

/** Every object in `v` reached once only, and only plain objects, arrays and JSON scalars. */
function plainTree(v: unknown, seen = new Set<object>()): boolean {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return true;
  if (typeof v === 'number') return Number.isFinite(v) && !Object.is(v, -0);
  if (typeof v !== 'object') return false;
  if (seen.has(v)) return false;
  seen.add(v);
  const proto = Object.getPrototypeOf(v) as unknown;
  if (proto !== Object.prototype && proto !== Array.prototype) return false;
  return Object.values(v).every((x) => x !== undefined && plainTree(x, seen));
}

function deepFrozen(v: unknown): boolean {
  if (v === null || typeof v !== 'object') return true;
  return Object.isFrozen(v) && Object.values(v).every(deepFrozen);
}

/** The text of `virtual:default-world` as a production build writes it. */
function builtModule(): string {
  const p = prebuiltDefaultWorld() as Plugin & {
    configResolved: (c: { command: string }) => void;
    resolveId: (id: string) => string | undefined;
    load: (id: string) => string | undefined;
  };
  p.configResolved({ command: 'build' });
  const id = p.resolveId('virtual:default-world');
  expect(id).toBeDefined();
  return p.load(id as string) as string;
}

describe('prebuilt default World', () => {
  it('is createDefaultWorld(seed) byte for byte, and parses back to the same plain frozen World', () => {
    const world = createDefaultWorld(PREBUILT_SEED);
    expect(plainTree(world)).toBe(true);
    const text = builtModule();
    const m = /^export const seed = (\d+);\nexport const json = (".*");\n$/s.exec(text);
    expect(m).not.toBeNull();
    expect(Number(m?.[1])).toBe(PREBUILT_SEED);
    const json = JSON.parse(m?.[2] as string) as string;
    expect(json).toBe(JSON.stringify(world));
    const parsed = prebuiltWorld(json, PREBUILT_SEED);
    expect(parsed).toStrictEqual(world);
    expect(deepFrozen(parsed)).toBe(true);
    expect(deepFrozen(world)).toBe(true);
  }, 60_000);

  it('refuses a World of another seed or schema', () => {
    const world = createDefaultWorld(2);
    expect(prebuiltWorld(JSON.stringify(world), 1)).toBeNull();
    expect(prebuiltWorld(JSON.stringify({ ...world, schemaVersion: -1 }), 2)).toBeNull();
  });

  it('is what a fresh session of its seed starts from, and the session runs the same as a computed one', async () => {
    const json = JSON.stringify(createDefaultWorld(PREBUILT_SEED));
    const run = async (prebuilt: boolean) => {
      const store = createAppStore({
        paceScale: 0,
        prebuiltWorld: prebuilt ? async () => ({ seed: PREBUILT_SEED, json }) : undefined,
      });
      await store.getState().init(PREBUILT_SEED);
      const first = JSON.stringify(store.getState().world);
      const id = store.getState().hostTerminal as string;
      let out = '';
      store
        .getState()
        .channel(id)
        .subscribe((d) => (out += d));
      store.getState().input(id, 'docker run -d --name web nginx\nip -br addr\n');
      for (let i = 0; i < 400 && (store.getState().running !== null || !out.includes('docker0')); i++)
        await new Promise((r) => setTimeout(r, 5));
      return { first, out, world: JSON.stringify(store.getState().world) };
    };
    const a = await run(true);
    const b = await run(false);
    expect(a.first).toBe(json);
    expect(a.out).toContain('docker0');
    expect(a.out).toBe(b.out);
    expect(a.world).toBe(b.world);
  }, 60_000);
});
