/**
 * Why a scenario could not be loaded, as a code the UI turns into a sentence (and a test can assert), plus
 * what was repaired on the way when it could be. Loading is untrusted input: a link, an embed parameter, a
 * file, the browser's storage.
 */

export type ShareErrorCode =
  /** Nothing to load (an empty fragment or file). */
  | 'empty'
  /** Not our encoding, not JSON, or corrupted (the checksum does not match). */
  | 'garbage'
  /** The link was cut off (copied partially, or shortened by a tool). */
  | 'truncated'
  /** Bigger than the limits in limits.ts (a link, a file, a line, a journal). */
  | 'oversized'
  /** Made by a newer version of the app (or an encoding this build does not know). */
  | 'unsupported-version'
  /** `__proto__`, `constructor` or `prototype` as a key: never a legitimate scenario. */
  | 'forbidden-key'
  /** A name (terminal, machine, layout id) with markup in it. */
  | 'markup'
  /** A field of the wrong type or out of range. */
  | 'invalid';

export interface ShareError {
  code: ShareErrorCode;
  /** Where in the scenario (a JSON path like `journal[3].terminal`), when it is about one place. */
  path?: string;
  /** Plain-language detail (English; the UI shows it as text, never as HTML). */
  detail: string;
}

/** A repair that was made so the scenario could load; shown to the user as a notice. */
export type ShareRepairCode =
  'unknown-field-dropped' | 'control-characters-removed' | 'history-trimmed' | 'active-terminal-dropped';

export interface ShareRepair {
  code: ShareRepairCode;
  path: string;
}

export function shareError(code: ShareErrorCode, detail: string, path?: string): ShareError {
  return path === undefined ? { code, detail } : { code, detail, path };
}

/** A sentence for the user, by code (the detail says more for those who want it). */
export const SHARE_ERROR_TEXT: Record<ShareErrorCode, string> = {
  empty: 'The link or file holds no scenario.',
  garbage: 'This is not a scenario of this app, or it is damaged.',
  truncated: 'The link is incomplete: it was probably cut off when it was copied.',
  oversized: 'The scenario is too large to load.',
  'unsupported-version': 'This scenario was made by a newer version of the app; reload the page to update.',
  'forbidden-key': 'The scenario contains a key that is not allowed (__proto__, constructor or prototype).',
  markup: 'A name in the scenario contains markup, which is not allowed.',
  invalid: 'The scenario is not valid.',
};
