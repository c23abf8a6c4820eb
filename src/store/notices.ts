/**
 * Notices for the user that are about the session, not a command: a link that could not be opened, a saved
 * session that was damaged, storage that is full. Text only (the UI renders it as text, never as HTML), kept
 * until dismissed. A small store of its own so that loading and saving need not reach into the app store.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';

export type NoticeLevel = 'info' | 'warning' | 'error';

/** What the notice is about: the UI picks its sentence by kind (translated), `detail` adds the specifics. */
export type NoticeKind =
  | 'link-failed'
  | 'link-repaired'
  | 'restore-failed'
  | 'restore-repaired'
  | 'restore-skipped'
  | 'storage-full'
  | 'storage-unavailable'
  | 'save-too-large'
  | 'import-failed'
  | 'link-too-long';

export interface Notice {
  id: number;
  level: NoticeLevel;
  kind: NoticeKind;
  /** Extra text (an error code's sentence, a count), shown as text. */
  detail?: string;
}

export interface NoticeState {
  notices: Notice[];
  /** Add a notice, unless one of the same kind is showing (then that one is kept). Returns its id. */
  push(level: NoticeLevel, kind: NoticeKind, detail?: string): number;
  dismiss(id: number): void;
  dismissKind(kind: NoticeKind): void;
}

export type NoticeStore = StoreApi<NoticeState>;

export function createNoticeStore(): NoticeStore {
  let next = 1;
  return createStore<NoticeState>()((set, get) => ({
    notices: [],
    push(level, kind, detail) {
      const same = get().notices.find((n) => n.kind === kind);
      if (same) return same.id;
      const n: Notice =
        detail === undefined ? { id: next++, level, kind } : { id: next++, level, kind, detail };
      set({ notices: [...get().notices, n] });
      return n.id;
    },
    dismiss(id) {
      set({ notices: get().notices.filter((n) => n.id !== id) });
    },
    dismissKind(kind) {
      set({ notices: get().notices.filter((n) => n.kind !== kind) });
    },
  }));
}
