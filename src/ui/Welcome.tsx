/** First run: what this is, and three commands to click (each typed into the host terminal). */
import { useContext } from 'react';
import { useTranslation } from './i18n';
import { useStore } from 'zustand';
import { StoreContext } from './store_context';

export const SUGGESTIONS = [
  { line: 'docker run -d --name web nginx', key: 'welcome.s1' },
  { line: 'docker run -d --name side --network container:web busybox sleep 1d', key: 'welcome.s2' },
  { line: 'docker network create backend', key: 'welcome.s3' },
] as const;

export function Welcome() {
  const store = useContext(StoreContext);
  const { t } = useTranslation();
  const ready = useStore(store, (s) => s.status === 'ready');
  return (
    <section
      aria-labelledby="welcome-title"
      className="rounded-xl border border-blue-300 bg-blue-50/60 p-3 text-slate-800 dark:border-blue-800 dark:bg-slate-800/60 dark:text-slate-100"
    >
      <h2 id="welcome-title" className="text-base font-semibold">
        {t('welcome.title')}
      </h2>
      <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">{t('welcome.body')}</p>
      <p className="mt-3 text-xs font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-400">
        {t('welcome.try')}
      </p>
      <ul className="mt-1 space-y-1.5">
        {SUGGESTIONS.map((s) => (
          <li key={s.line}>
            <button
              type="button"
              disabled={!ready}
              onClick={() => void store.getState().typeHost(s.line)}
              className="w-full rounded-md border border-slate-300 px-2 py-1.5 text-left hover:border-blue-500 hover:bg-blue-50 focus-visible:outline-2 focus-visible:outline-blue-600 disabled:opacity-50 dark:border-slate-600 dark:hover:bg-slate-800"
            >
              <code className="block font-mono text-[13px] text-blue-800 dark:text-blue-300">$ {s.line}</code>
              <span className="block text-xs text-slate-600 dark:text-slate-400">{t(s.key)}</span>
            </button>
          </li>
        ))}
      </ul>
      <div className="mt-3 text-right">
        <button
          type="button"
          onClick={() => store.getState().dismissWelcome()}
          className="rounded px-2 py-1 text-sm text-slate-700 underline focus-visible:outline-2 focus-visible:outline-blue-600 dark:text-slate-300"
        >
          {t('welcome.dismiss')}
        </button>
      </div>
    </section>
  );
}
