/**
 * The terminals: a tab per shell (the host, and each container shell `docker exec -it` / `docker run -it`
 * opened), and the active one's xterm. xterm itself is a lazy chunk, fetched while the simulator loads.
 */
import { Suspense, useContext, useState } from 'react';
import { useTranslation } from './i18n';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { StoreContext } from './store_context';
import { Terminal } from './first_screen';

export function TerminalPane() {
  const store = useContext(StoreContext);
  const { t } = useTranslation();
  const { terminals, active, status, running, host } = useStore(
    store,
    useShallow((s) => ({
      terminals: s.terminals,
      active: s.activeTerminal,
      status: s.status,
      running: s.running,
      host: s.hostTerminal,
    })),
  );
  const activeView = terminals.find((x) => x.id === active);
  // The terminal does not take the focus on page load (keyboard users start at the skip link); a tab the user
  // picks does, and so does a shell opened from a terminal that had the focus (Terminal checks that).
  const [picked, setPicked] = useState(false);
  const title = (id: string, name: string) => (id === host ? `${t('terminal.host')}: ${name}` : name);
  return (
    <section
      aria-label={t('terminal.tabs')}
      className="flex h-full min-h-0 flex-col bg-[#0b1020]"
      id="terminal"
    >
      <div
        role="tablist"
        aria-label={t('terminal.tabs')}
        className="flex shrink-0 gap-0.5 overflow-x-auto bg-slate-800 px-1 pt-1"
      >
        {terminals.map((x) => (
          <button
            key={x.id}
            role="tab"
            type="button"
            aria-selected={x.id === active}
            aria-controls="terminal-panel"
            onClick={() => {
              setPicked(true);
              store.getState().setActive(x.id);
            }}
            className={`rounded-t px-3 py-1 font-mono text-xs whitespace-nowrap focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-blue-400 ${x.id === active ? 'bg-[#0b1020] text-slate-100' : 'text-slate-300 hover:bg-slate-700'}`}
          >
            {title(x.id, x.title)}
            {running === x.id && <span className="ml-1 text-amber-300">● {t('terminal.busy')}</span>}
          </button>
        ))}
      </div>
      <div id="terminal-panel" role="tabpanel" className="min-h-0 flex-1 p-1.5">
        {status === 'loading' && <p className="p-3 text-sm text-slate-300">{t('app.loading')}</p>}
        <Suspense fallback={null}>
          {activeView && (
            <Terminal
              key={activeView.id}
              store={store}
              id={activeView.id}
              label={t('terminal.label', { title: title(activeView.id, activeView.title) })}
              autoFocus={picked}
            />
          )}
        </Suspense>
      </div>
    </section>
  );
}
