/**
 * Stopped containers. A container that is not running has no network namespace (Docker tears the sandbox down
 * on stop: the veth pair and the addresses are gone), so it has no place on the graph of namespaces. It still
 * exists (`docker ps -a`, `docker start`), and a student who just typed `docker stop web` expects to see it
 * somewhere: here, as a dimmed card in a strip under the canvas, with a button that types `docker start NAME`.
 * A strip beside the graph, not a node in it: it stays readable at any zoom and never covers a box.
 */
import { useContext } from 'react';
import { useTranslation } from '../i18n';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { TopoContainer } from '../../sim';
import { StoreContext } from '../store_context';
import { MODE_ICON } from './modes';

export function StoppedTray() {
  const store = useContext(StoreContext);
  const { t } = useTranslation();
  const { topo, change, selection } = useStore(
    store,
    useShallow((s) => ({ topo: s.topo, change: s.change, selection: s.selection })),
  );
  const stopped = (topo?.stopped ?? [])
    .map((id) => topo?.containers[id])
    .filter((c): c is TopoContainer => !!c);
  if (stopped.length === 0) return null;
  return (
    <section
      aria-label={t('canvas.stopped')}
      data-testid="stopped-tray"
      className="flex shrink-0 items-center gap-3 overflow-x-auto border-t-2 border-dashed border-slate-300 bg-slate-100 px-2 py-1 text-slate-800 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
    >
      <h2 className="shrink-0 text-xs leading-tight font-semibold">
        {t('canvas.stopped')} ({stopped.length})
        <span className="block font-normal text-slate-600 dark:text-slate-300">
          {t('canvas.stoppedHint')}
        </span>
      </h2>
      <ul className="flex gap-1.5">
        {stopped.map((c) => {
          const selected = selection?.kind === 'ctr' && selection.id === c.id;
          const changed = change?.ids.has(`ctr:${c.id}`) ?? false;
          return (
            <li
              key={c.id}
              data-container={c.name}
              data-status={c.status}
              className={[
                'flex shrink-0 items-center gap-1.5 rounded-lg border-2 border-dashed border-slate-400 bg-white/70 px-2 py-1 dark:border-slate-500 dark:bg-slate-800/70',
                changed ? 'cnp-changed' : '',
                selected ? 'ring-2 ring-blue-600 dark:ring-blue-400' : '',
              ].join(' ')}
            >
              <button
                type="button"
                aria-pressed={selected}
                title={`${c.name} (${c.image}) · ${c.status} · --network ${c.networkMode}`}
                onClick={() => store.getState().select({ kind: 'ctr', id: c.id })}
                className="flex min-w-0 items-center gap-1.5 text-left opacity-75 focus-visible:outline-2 focus-visible:outline-blue-600"
              >
                <span aria-hidden className="text-base leading-none grayscale">
                  {MODE_ICON[c.mode]}
                </span>
                <span className="min-w-0">
                  <span className="block max-w-40 truncate text-sm font-semibold">{c.name}</span>
                  <span className="block max-w-40 truncate text-[11px]">
                    {c.image} · {c.status}
                  </span>
                </span>
              </button>
              <button
                type="button"
                title={`docker start ${c.name}`}
                aria-label={t('canvas.start', { name: c.name })}
                className="rounded border border-slate-400 px-1 text-xs hover:bg-white focus-visible:outline-2 focus-visible:outline-blue-600 dark:hover:bg-slate-700"
                onClick={() => void store.getState().typeHost(`docker start ${c.name}`)}
              >
                ▶
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
