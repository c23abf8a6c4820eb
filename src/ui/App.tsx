/**
 * The application frame. (First cut: header, a terminal per open shell; the topology graph, inspector and
 * packet player come with the web app work.)
 */
import { useEffect } from 'react';
import { useStore } from 'zustand';
import type { AppStore } from '../store';
import { Terminal } from './Terminal';

export function App({ store }: { store: AppStore }) {
  const status = useStore(store, (s) => s.status);
  const terminals = useStore(store, (s) => s.terminals);
  const active = useStore(store, (s) => s.activeTerminal);
  useEffect(() => {
    void store.getState().init();
  }, [store]);
  return (
    <div className="flex h-screen flex-col bg-slate-50 text-slate-900 dark:bg-slate-950 dark:text-slate-100">
      <header className="flex items-center gap-3 border-b border-slate-200 px-4 py-2 dark:border-slate-800">
        <h1 className="text-lg font-semibold">Container Network Playground</h1>
      </header>
      <main className="flex min-h-0 flex-1 flex-col">
        <nav className="flex gap-1 px-2 pt-2" aria-label="Terminals">
          {terminals.map((t) => (
            <button
              key={t.id}
              type="button"
              onClick={() => store.getState().setActive(t.id)}
              className={`rounded-t px-3 py-1 text-sm ${t.id === active ? 'bg-slate-900 text-white' : 'bg-slate-200 dark:bg-slate-800'}`}
            >
              {t.title}
            </button>
          ))}
        </nav>
        <section className="min-h-0 flex-1 bg-[#0b1020] p-2" aria-label="Terminal">
          {status === 'loading' && <p className="p-4 text-slate-300">Starting the simulated host…</p>}
          {active && <Terminal key={active} store={store} id={active} />}
        </section>
      </main>
    </div>
  );
}
