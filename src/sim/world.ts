/**
 * The World: one JSON-serializable, versioned value holding everything the simulation is (DESIGN.md
 * section 3). Everything the UI shows is a projection of it.
 */
import type { System } from '../docker';

/**
 * 2: kernel ids are plain numbers (kernel/types.ts NsId). 3: the device and namespace tables are radix tables
 * (kernel/xarray.ts). Only the build's prebuilt default World is ever stored as a World (saved sessions and
 * links are journals), and a stale one of another version is not used (prebuilt_world.ts).
 */
export const SCHEMA_VERSION = 3;

export interface World extends System {
  schemaVersion: typeof SCHEMA_VERSION;
  /** The seed the World was created from (for "reset" and share links). */
  seed: number;
}
