/**
 * The World: one JSON-serializable, versioned value holding everything the simulation is (DESIGN.md
 * section 3). Everything the UI shows is a projection of it.
 */
import type { System } from '../docker';

/** 2: kernel ids are plain numbers (kernel/types.ts NsId). */
export const SCHEMA_VERSION = 2;

export interface World extends System {
  schemaVersion: typeof SCHEMA_VERSION;
  /** The seed the World was created from (for "reset" and share links). */
  seed: number;
}
