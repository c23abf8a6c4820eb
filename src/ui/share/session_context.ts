/**
 * What the share, notice and embed components need besides the app store: the notices, the session (the
 * simulator module once loaded, the autosave, the scenario it started from) and the page's own URL options.
 * Absent (null) where the app is rendered without them (component tests): those components then render nothing.
 */
import { createContext } from 'react';
import type { EmbedParams, NoticeStore, Session } from '../../store';

export interface SessionUi {
  notices: NoticeStore;
  session: Promise<Session>;
  embed: EmbedParams;
}

export const SessionContext = createContext<SessionUi | null>(null);
