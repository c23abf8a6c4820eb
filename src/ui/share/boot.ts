/**
 * Wiring of a session to the browser: storage (when the page may use it), the address bar, page hiding (last
 * save), and for embeds the postMessage API and read-only mode. `boot` runs once however often React calls
 * it (StrictMode runs effects twice in development).
 */
import type { AppStore, EmbedParams, Session, StorageLike } from '../../store';
import { createNoticeStore, startEmbedApi, startSession } from '../../store';
import type { SessionUi } from './session_context';

/** localStorage, or null where the page may not use it (privacy settings, sandboxed or partitioned frames). */
function browserStorage(): StorageLike | null {
  try {
    const s = window.localStorage;
    s.getItem('cnp.probe');
    return s;
  } catch {
    return null;
  }
}

export function createSessionUi(
  store: AppStore,
  embed: EmbedParams,
): SessionUi & { boot: () => Promise<Session | null> } {
  const notices = createNoticeStore();
  let resolveSession: (s: Session) => void = () => undefined;
  const session = new Promise<Session>((r) => (resolveSession = r));
  let booting: Promise<Session | null> | null = null;

  if (embed.embed && embed.readonly) {
    // The student watches; the page that embeds may still type through the postMessage API (typeLine).
    store.setState({ input: () => undefined, typeHost: async () => undefined });
  }
  if (embed.ignored.length > 0)
    console.warn(`playground: ignored embed parameters: ${embed.ignored.join(', ')}`);

  const boot = () =>
    (booting ??= (async () => {
      try {
        const s = await startSession(store, {
          href: window.location.href,
          storage: browserStorage(),
          notices,
          embed,
          replaceUrl: (url) => window.history.replaceState(window.history.state, '', url),
          onHide: (cb) => {
            window.addEventListener('pagehide', cb);
            document.addEventListener(
              'visibilitychange',
              () => document.visibilityState === 'hidden' && cb(),
            );
          },
        });
        if (embed.embed)
          startEmbedApi({
            store,
            tools: s.mod,
            origins: embed.origins,
            win: window,
            parent: window.parent !== window ? window.parent : null,
            readonly: embed.readonly,
            lesson: embed.lesson,
            initial: () => s.initial,
          });
        resolveSession(s);
        return s;
      } catch (e) {
        // The simulator itself could not load (offline on a first visit, a broken deploy).
        store.setState({ status: 'error', error: String(e) });
        return null;
      }
    })());

  return { notices, session, embed, boot };
}
