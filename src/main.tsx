import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, initI18n, pickLanguage } from './ui';
import { createAppStore, type Theme } from './store';
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

const i18n = initI18n(pickLanguage(window.location.search, navigator.languages ?? []));
document.documentElement.lang = i18n.language;
const store = createAppStore({ theme: savedTheme() });
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App store={store} />
    </StrictMode>,
  );
}
