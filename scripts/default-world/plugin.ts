/**
 * `virtual:default-world`: the JSON text of createDefaultWorld(PREBUILT_SEED), generated at build time by
 * running the simulator's own code (print.ts), so a fresh page parses 23 KB of JSON instead of booting the
 * kernel and dockerd from cold code (~200 ms of a 4x-throttled cold load). The dev server exports null (the
 * page computes the World itself), so an edited kernel never meets a stale World there.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const ID = 'virtual:default-world';
/** The seed every fresh session starts from (src/store/startup.ts `init(1)`). */
export const PREBUILT_SEED = 1;

/** The default World of `seed` as JSON, from a fresh Node process running src/sim. */
export function defaultWorldJson(seed: number): string {
  const script = fileURLToPath(new URL('./print.ts', import.meta.url));
  return execFileSync(process.execPath, ['--import', 'tsx', script, String(seed)], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
}

export function prebuiltDefaultWorld(): Plugin {
  let build = false;
  return {
    name: 'prebuilt-default-world',
    configResolved(c) {
      build = c.command === 'build';
    },
    resolveId(id) {
      return id === ID ? `\0${ID}` : undefined;
    },
    load(id) {
      if (id !== `\0${ID}`) return undefined;
      const json = build ? defaultWorldJson(PREBUILT_SEED) : null;
      return `export const seed = ${PREBUILT_SEED};\nexport const json = ${JSON.stringify(json)};\n`;
    },
  };
}
