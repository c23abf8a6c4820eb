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

// The first screen needs the simulator, the graph and the terminal, each a lazy chunk that would otherwise be
// asked for only once the code before it had run (one after the other): ask for all of them now, so they
// download and compile side by side while React draws the frame.
void import('./sim');
void import('./ui/topology/Canvas');
void import('./ui/Terminal');
// The default World, computed at build time (scripts/default-world): a fresh session need not boot it.
const prebuiltWorld = import('virtual:default-world');

const i18n = initI18n(pickLanguage(window.location.search, navigator.languages ?? []));
document.documentElement.lang = i18n.language;
// ?pace=0 runs commands without waiting in real time for simulated time (benchmarks, long demo scripts).
const pace = Number(new URLSearchParams(window.location.search).get('pace') ?? '1');
const store = createAppStore({
  theme: savedTheme(),
  paceScale: Number.isFinite(pace) && pace >= 0 ? pace : 1,
  prebuiltWorld: () => prebuiltWorld,
  freezeWorlds: import.meta.env.DEV,
});
// The shell runtime (the largest chunk) loads once the first screen is drawn, or a few seconds after the
// simulator is ready in a view that never shows both a terminal and the graph. A line typed before waits for it.
onUsable(() => void store.getState().preloadShell());
const unsubReady = store.subscribe((s) => {
  if (s.status !== 'ready') return;
  unsubReady();
  setTimeout(() => void store.getState().preloadShell(), 3000);
});
// Share links, autosave, embed mode (?embed=1) and its postMessage API: src/ui/share/boot.ts.
const embed = parseEmbedParams(window.location.search);
const session = createSessionUi(store, embed);
// Offline after the first visit; the dev server has no service worker.
if (import.meta.env.PROD) registerServiceWorker();
const root = document.getElementById('root');
if (root) {
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
