/**
 * The ids every part of the kernel's state refers to (types.ts re-exports them).
 */

/**
 * Ids of namespaces and devices: decimal strings from their own counters ("0", "1", ...), never reused.
 * Numbers on purpose: `netns` and `devices` are radix tables indexed by them (xarray.ts: 64-slot chunks,
 * small integer keys that V8 keeps as array-like elements), so a line that changes one device copies the
 * table's top and one chunk, about 1 KB, instead of a flat table of three thousand entries (~24 KB, kept
 * alive by the undo history). Tables iterate in ascending id order, which is creation order here.
 */
export type NsId = string;
export type DevId = string;
