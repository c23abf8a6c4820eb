/** The toolbar: Run container, Create network, Undo/Redo, Reset, graph/table view, theme, help. */
import { useContext } from 'react';
import { useTranslation } from './i18n';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { StoreContext } from './store_context';
import { ShareMenu } from './share/ShareMenu';
import { LessonTools } from './lessons';

export type Dialog = 'run' | 'network' | 'help' | null;

const BTN =
  'inline-flex items-center gap-1 rounded-md border border-slate-300 bg-white px-2.5 py-1 text-sm text-slate-800 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-blue-600 disabled:cursor-not-allowed disabled:opacity-45 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700';

const PRIMARY =
  'inline-flex items-center gap-1 rounded-md border border-blue-700 bg-blue-700 px-2.5 py-1 text-sm font-semibold text-white hover:bg-blue-800 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-blue-600 disabled:cursor-not-allowed disabled:opacity-45 dark:border-blue-500';

export function Toolbar({
  openDialog,
  view,
  setView,
}: {
  openDialog: (d: Dialog) => void;
  view: 'graph' | 'table';
  setView: (v: 'graph' | 'table') => void;
}) {
  const store = useContext(StoreContext);
  const { t } = useTranslation();
  const s = useStore(
    store,
    useShallow((x) => ({
      ready: x.status === 'ready',
      busy: x.running !== null,
      canUndo: x.canUndo,
      canRedo: x.canRedo,
      undoLabel: x.undoLabel,
      redoLabel: x.redoLabel,
      theme: x.theme,
    })),
  );
  const off = !s.ready || s.busy;
  return (
    <div role="toolbar" aria-label={t('toolbar.label')} className="flex flex-wrap items-center gap-1.5">
      <button type="button" className={PRIMARY} disabled={off} onClick={() => openDialog('run')}>
        <span aria-hidden>▶</span> {t('toolbar.run')}
      </button>
      <button type="button" className={BTN} disabled={off} onClick={() => openDialog('network')}>
        <span aria-hidden>▤</span> {t('toolbar.network')}
      </button>
      <span className="mx-1 h-5 w-px bg-slate-300 dark:bg-slate-600" aria-hidden />
      <button
        type="button"
        className={BTN}
        disabled={off || !s.canUndo}
        title={s.undoLabel ? t('toolbar.undoTitle', { line: s.undoLabel }) : t('toolbar.nothingUndo')}
        aria-keyshortcuts="Control+Z"
        onClick={() => store.getState().undo()}
      >
        <span aria-hidden>↶</span>
        {/* Icon-only below 1536px wide (the name stays for screen readers), so the toolbar fits one row. */}
        <span className="max-2xl:sr-only">{t('toolbar.undo')}</span>
      </button>
      <button
        type="button"
        className={BTN}
        disabled={off || !s.canRedo}
        title={s.redoLabel ? t('toolbar.redoTitle', { line: s.redoLabel }) : t('toolbar.nothingRedo')}
        aria-keyshortcuts="Control+Shift+Z"
        onClick={() => store.getState().redo()}
      >
        <span aria-hidden>↷</span>
        <span className="max-2xl:sr-only">{t('toolbar.redo')}</span>
      </button>
      <button
        type="button"
        className={BTN}
        disabled={off}
        title={t('toolbar.resetTitle')}
        onClick={() => {
          if (window.confirm(t('toolbar.resetConfirm'))) void store.getState().reset();
        }}
      >
        <span aria-hidden>⟲</span>
        <span className="max-2xl:sr-only">{t('toolbar.reset')}</span>
      </button>
      <ShareMenu />
      <LessonTools btn={BTN} />
      <span className="mx-1 h-5 w-px bg-slate-300 dark:bg-slate-600" aria-hidden />
      <div
        role="group"
        aria-label={t('toolbar.view')}
        className="inline-flex overflow-hidden rounded-md border border-slate-300 dark:border-slate-600"
      >
        {(['graph', 'table'] as const).map((v) => (
          <button
            key={v}
            type="button"
            aria-pressed={view === v}
            onClick={() => setView(v)}
            className={`px-2.5 py-1 text-sm focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-blue-600 ${view === v ? 'bg-slate-800 text-white dark:bg-slate-200 dark:text-slate-900' : 'bg-white text-slate-800 hover:bg-slate-100 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700'}`}
          >
            {t(`toolbar.${v}`)}
          </button>
        ))}
      </div>
      <button
        type="button"
        className={BTN}
        aria-label={s.theme === 'dark' ? t('toolbar.light') : t('toolbar.dark')}
        title={s.theme === 'dark' ? t('toolbar.light') : t('toolbar.dark')}
        onClick={() => store.getState().setTheme(s.theme === 'dark' ? 'light' : 'dark')}
      >
        <span aria-hidden>{s.theme === 'dark' ? '☀' : '☾'}</span>
      </button>
      <button
        type="button"
        className={BTN}
        aria-label={t('toolbar.help')}
        title={t('toolbar.help')}
        aria-keyshortcuts="Shift+Slash F1"
        onClick={() => openDialog('help')}
      >
        <span aria-hidden>?</span>
      </button>
    </div>
  );
}
