/**
 * Hard limits for loading a scenario. Anything above them is refused with the `oversized` code before it
 * costs memory or time (a link is data from a stranger; a journal is replayed line by line).
 */
export const LIMITS = {
  /** Characters of an encoded scenario (URL fragment or `scenario=` parameter). Browsers allow ~2 MB; inflating the most compressible 32K costs ~0.2 s. */
  codeChars: 32 * 1024,
  /** Bytes of scenario JSON (inflated from a link, or an imported file). */
  jsonBytes: 2 * 1024 * 1024,
  /** Journal entries (lines typed and terminals opened/closed). */
  journalEntries: 20_000,
  /** Characters of one journal or history line (a terminal line, not a file). */
  lineChars: 4096,
  /** Distinct terminals a scenario may name. */
  terminals: 64,
  /** Lines of one terminal's history kept (older ones are dropped as a repair). */
  historyLines: 1000,
  /** Nesting depth and node count of the layout tree. */
  layoutDepth: 6,
  layoutNodes: 20_000,
  /** Characters of a layout key (a graph node id) and of a terminal title. */
  nameChars: 128,
  /** |coordinate| or any other layout number. */
  layoutNumber: 1e9,
} as const;
