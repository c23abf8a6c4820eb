/**
 * The default World from its JSON text, generated at build time by the same code (scripts/default-world:
 * JSON.stringify(createDefaultWorld(seed))). A fresh page then parses 23 KB instead of running the host
 * kernel's and dockerd's start from cold code. The World is plain data with no shared objects (the test
 * checks both), so the parsed copy is the same World; it is sealed as immer's produce leaves it (frozen unless freezing is off: freezing.ts).
 */
import { sealWorld } from './freezing';
import { SCHEMA_VERSION, type World } from './world';

/** The World in `json`, or null if it is not a World of this schema and seed (a stale or foreign build). */
export function prebuiltWorld(json: string, seed: number): World | null {
  const w = JSON.parse(json) as World;
  if (w.schemaVersion !== SCHEMA_VERSION || w.seed !== seed) return null;
  return sealWorld(w);
}
