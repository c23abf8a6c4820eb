// First: it asks for the first screen's lazy chunks before the rest of this chunk is evaluated.
import { firstScreen, prebuiltWorld } from './boot_chunks';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, EmbedApp, SessionContext, createSessionUi, initI18n, onUsable, pickLanguage } from './ui';
import { createAppStore, parseEmbedParams, registerServiceWorker, type Theme } from './store';
import './ui/styles.css';

function savedTheme(): Theme {
  try {
    const t = localStorage.getItem('cnp.theme');
    if (t === 'dark' || t === 'light') return t;
  } catch {
    // no storage: follow the system
  }
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

const theme = savedTheme();
// The first style pass has the theme's colours: App's effect (which keeps the page in step with the store's
// theme) ran only after the first render, and a dark theme then restyled the whole page a second time.
document.documentElement.classList.toggle('dark', theme === 'dark');
document.documentElement.style.colorScheme = theme;

const i18n = initI18n(pickLanguage(window.location.search, navigator.languages ?? []));
document.documentElement.lang = i18n.language;
// ?pace=0 runs commands without waiting in real time for simulated time (benchmarks, long demo scripts).
const pace = Number(new URLSearchParams(window.location.search).get('pace') ?? '1');
const store = createAppStore({
  theme,
  paceScale: Number.isFinite(pace) && pace >= 0 ? pace : 1,
  prebuiltWorld: () => prebuiltWorld,
  freezeWorlds: import.meta.env.DEV,
});
// Share links, autosave, embed mode (?embed=1) and its postMessage API: src/ui/share/boot.ts.
const embed = parseEmbedParams(window.location.search);
const session = createSessionUi(store, embed);
// What should not compete with the first screen waits for it: the shell runtime (the largest chunk; a line
// typed before waits for it) and the service worker (which fetches every asset to precache it). An embed that
// shows only the graph or only a terminal has no usable mark: there, a few seconds after the simulator is
// ready (and in any view, should the mark not come).
let afterFirstScreen = () => {
  afterFirstScreen = () => undefined;
  void store.getState().preloadShell();
  // Offline after the first visit; the dev server has no service worker.
  if (import.meta.env.PROD) registerServiceWorker();
};
onUsable(() => afterFirstScreen());
const unsubReady = store.subscribe((s) => {
  if (s.status !== 'ready') return;
  unsubReady();
  setTimeout(() => afterFirstScreen(), embed.embed && embed.view !== 'both' ? 3000 : 15_000);
});

function render(): void {
  const root = document.getElementById('root');
  if (!root) return;
  createRoot(root).render(
    <StrictMode>
      <SessionContext.Provider value={session}>
        {embed.embed ? (
          <EmbedApp store={store} boot={session.boot} />
        ) : (
          <App store={store} boot={session.boot} />
        )}
      </SessionContext.Provider>
    </StrictMode>,
  );
}

// One render, once the session has started (or failed to) and the graph and the terminal are loaded: the
// page is drawn and laid out once, with the host prompt and the graph in it, instead of a frame with a loading
// line first and most of it again a moment later. A session that takes long to start (a long shared scenario
// to replay) shows the frame and its loading line after RENDER_WAIT_MS.
const RENDER_WAIT_MS = 5000;
const waited = new Promise((r) => setTimeout(r, RENDER_WAIT_MS));
void Promise.race([Promise.allSettled([session.boot(), firstScreen]), waited]).then(render);
