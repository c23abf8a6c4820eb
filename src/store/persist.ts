/**
 * Autosave: the session (journal, layout, terminal histories) goes to the browser's storage a moment after
 * every change and when the page is hidden; the next visit restores it. Storage is untrusted like a link (it
 * may be damaged, edited, or written by another version of the app) and may be missing (privacy settings,
 * sandboxed iframes) or full: every case ends in a working session and, where the user should know, a notice.
 *
 * The value is the same encoding as a share link (compressed, checksummed, versioned), with a longer limit.
 */
import type * as SimNs from '../sim';
import type { Result } from '../lib';
import type { Loaded, ScenarioDoc, ShareError } from '../sim';
import type { NoticeStore } from './notices';

type SimModule = typeof SimNs;

/** The full app's autosave key; embeds get one per embed URL (see startup.ts). */
export const SESSION_KEY = 'cnp.session';
/** Marks our values (and their encoding) among whatever else an origin keeps in its storage. */
const PREFIX = 'cnp-scenario:';
/** A saved session may be longer than a link should be (~3 MB of the usual 5 MB per origin). */
export const SAVED_MAX_CHARS = 3_000_000;

export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export type Restored =
  | { kind: 'none' }
  | { kind: 'ok'; loaded: Loaded }
  | { kind: 'damaged'; error: ShareError }
  | { kind: 'unavailable' };

/** Read the saved session. A damaged one is moved aside to `KEY.damaged` (kept, not retried at every load). */
export function readSaved(
  storage: StorageLike | null,
  key: string,
  mod: Pick<SimModule, 'decodeScenario'>,
): Restored {
  if (!storage) return { kind: 'unavailable' };
  let value: string | null;
  try {
    value = storage.getItem(key);
  } catch {
    return { kind: 'unavailable' };
  }
  if (value === null) return { kind: 'none' };
  const r: Result<Loaded, ShareError> = value.startsWith(PREFIX)
    ? mod.decodeScenario(value.slice(PREFIX.length), { maxChars: SAVED_MAX_CHARS })
    : { ok: false, error: { code: 'garbage', detail: 'not a saved session of this app' } };
  if (r.ok) return { kind: 'ok', loaded: r.value };
  setAside(storage, key, value);
  return { kind: 'damaged', error: r.error };
}

function setAside(storage: StorageLike, key: string, value: string): void {
  try {
    storage.removeItem(key);
    storage.setItem(`${key}.damaged`, value);
  } catch {
    // full or read-only: at least it is not read again... unless removeItem failed too; nothing else to do
  }
}

function isQuotaError(e: unknown): boolean {
  return (
    typeof e === 'object' &&
    e !== null &&
    ((e as { name?: string }).name === 'QuotaExceededError' ||
      (e as { name?: string }).name === 'NS_ERROR_DOM_QUOTA_REACHED' ||
      (e as { code?: number }).code === 22)
  );
}

export interface AutosaverOptions {
  storage: StorageLike | null;
  key: string;
  encode: SimModule['encodeScenario'];
  /** The session now (null while there is none). */
  snapshot: () => ScenarioDoc | null;
  notices: NoticeStore;
  /** Quiet time after a change before saving (ms). */
  delayMs?: number;
}

export class Autosaver {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly o: AutosaverOptions;

  constructor(o: AutosaverOptions) {
    this.o = o;
  }

  /** Save a moment from now (changes in a burst are saved once). */
  schedule(): void {
    if (!this.o.storage) return;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), this.o.delayMs ?? 400);
  }

  /** Save now. Returns whether the session is in storage. */
  flush(): boolean {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    const { storage, notices } = this.o;
    if (!storage) return false;
    const s = this.o.snapshot();
    if (!s) return false;
    // Histories are the one part a replay does not need: when storage is short, save without them.
    const attempts = s.histories ? [s, { ...s, histories: undefined }] : [s];
    let full = false;
    for (const attempt of attempts) {
      const { histories, ...rest } = attempt;
      const code = this.o.encode(histories ? { ...rest, histories } : rest, { maxChars: SAVED_MAX_CHARS });
      if (!code.ok) {
        notices.getState().push('warning', 'save-too-large', code.error.detail);
        return false;
      }
      try {
        storage.setItem(this.o.key, PREFIX + code.value);
        notices.getState().dismissKind('storage-full');
        notices.getState().dismissKind('save-too-large');
        return true;
      } catch (e) {
        if (!isQuotaError(e)) {
          notices.getState().push('warning', 'storage-unavailable');
          return false;
        }
        full = true;
      }
    }
    if (full) notices.getState().push('warning', 'storage-full');
    return false;
  }

  /** Forget the saved session (after "reset", the next change saves the fresh one). */
  clear(): void {
    try {
      this.o.storage?.removeItem(this.o.key);
    } catch {
      // nothing saved, nothing to clear
    }
  }
}
