/**
 * The application frame: header with the toolbar; the topology (graph or table) with the welcome card over it;
 * a side panel with "what changed" and the inspector; the terminals below the graph. 1280x720 projectors and
 * 1920x1080 laptops get the side-by-side layout; narrow screens stack everything.
 */
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from './i18n';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { AppStore } from '../store';
import { StoreContext } from './store_context';
import { Toolbar, type Dialog } from './Toolbar';
import { TerminalPane } from './TerminalPane';
import { ChangesPanel } from './ChangesPanel';
import { Inspector } from './inspector/Inspector';
import { Welcome } from './Welcome';
import { TopologyTable } from './TopologyTable';
import { StoppedTray } from './topology/StoppedTray';
import { useShortcuts } from './shortcuts';
import { Notices } from './share/Notices';
import { GraphHighlight, instructorFor, lessonStoreFor } from './lessons';
import { SideTabs, StepBanner, playerFor } from './player';
import { Canvas } from './first_screen';
import { onUsable } from './usable';

// What the first screen does not show (dialogs, a lesson's panel, instructor mode, the hidden packet player)
// comes in chunks of its own: the entry chunk is compiled before anything runs, so it holds the first screen only.
const RunDialog = lazy(() => import('./dialogs/RunDialog').then((m) => ({ default: m.RunDialog })));
const NetworkDialog = lazy(() =>
  import('./dialogs/NetworkDialog').then((m) => ({ default: m.NetworkDialog })),
);
const HelpDialog = lazy(() => import('./dialogs/HelpDialog').then((m) => ({ default: m.HelpDialog })));
const LessonPanel = lazy(() => import('./lessons/LessonPanel').then((m) => ({ default: m.LessonPanel })));
const Presentation = lazy(() =>
  import('./instructor/Presentation').then((m) => ({ default: m.Presentation })),
);
const loadPlayerPanel = () => import('./player/PlayerPanel');
const PlayerPanel = lazy(() => loadPlayerPanel().then((m) => ({ default: m.PlayerPanel })));
// Its chunk is fetched once the first screen is usable, so the tab opens without waiting for it.
onUsable(() => void loadPlayerPanel());

/** `boot` starts the session (link, autosave or a fresh host: src/ui/share/boot.ts); tests may leave it out. */
export function App({ store, boot }: { store: AppStore; boot?: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const { status, error, theme, welcome, hasTopo } = useStore(
    store,
    useShallow((s) => ({
      status: s.status,
      error: s.error,
      theme: s.theme,
      welcome: s.welcome,
      hasTopo: s.topo !== null,
    })),
  );
  const [dialog, setDialog] = useState<Dialog>(null);
  const [view, setView] = useState<'graph' | 'table'>('graph');
  useEffect(() => {
    void (boot ? boot() : store.getState().init());
  }, [store, boot]);
  useEffect(() => {
    document.documentElement.classList.toggle('dark', theme === 'dark');
    document.documentElement.style.colorScheme = theme;
    try {
      localStorage.setItem('cnp.theme', theme);
    } catch {
      // storage may be unavailable (private mode): the theme just is not remembered
    }
  }, [theme]);
  useShortcuts(store, dialog, setDialog);
  const inLesson = useStore(lessonStoreFor(store), (s) => s.lesson !== null);
  const presenting = useStore(instructorFor(store).ui, (s) => s.presenting);
  const sideTab = useStore(playerFor(store), (s) => s.tab);
  // The packet player's panel is mounted the first time its tab is shown, then kept (hidden when another tab
  // is). Mounted hidden from the start, its lazy chunk was fetched, evaluated and rendered, and React Flow's
  // effects waited for it to be revealed, before the first screen was usable: for a tab most visits never open.
  const [journeyMounted, setJourneyMounted] = useState(sideTab === 'journey');
  if (sideTab === 'journey' && !journeyMounted) setJourneyMounted(true);
  // A lesson starting shows its panel (the side panel's first tab), even if the packet player was open.
  useEffect(() => {
    if (inLesson) playerFor(store).getState().setTab('changes');
  }, [store, inLesson]);

  if (presenting)
    return (
      <StoreContext.Provider value={store}>
        <Suspense fallback={null}>
          <Presentation />
        </Suspense>
      </StoreContext.Provider>
    );

  return (
    <StoreContext.Provider value={store}>
      <div className="flex h-screen flex-col bg-slate-50 text-slate-900 dark:bg-slate-950 dark:text-slate-100 max-lg:h-auto max-lg:min-h-screen">
        <a
          href="#terminal"
          className="sr-only focus:not-sr-only focus:absolute focus:z-50 focus:m-2 focus:rounded focus:bg-white focus:p-2 focus:text-slate-900"
        >
          {t('app.skip')}
        </a>
        <header className="flex flex-wrap items-center gap-x-4 gap-y-1 border-b border-slate-200 px-3 py-1.5 dark:border-slate-800">
          <div className="flex items-baseline gap-2">
            <h1 className="text-base font-bold">{t('app.title')}</h1>
            <span className="text-xs text-slate-600 max-2xl:hidden dark:text-slate-400">
              {t('app.tagline')}
            </span>
          </div>
          <Toolbar openDialog={setDialog} view={view} setView={setView} />
        </header>
        <Notices />
        {status === 'error' && (
          <p
            role="alert"
            className="bg-red-100 px-3 py-2 text-sm text-red-900 dark:bg-red-950 dark:text-red-200"
          >
            {t('app.error', { error })}
          </p>
        )}
        <main
          className={`grid min-h-0 flex-1 grid-rows-[minmax(0,1fr)_minmax(11rem,35%)] max-lg:flex max-lg:flex-col ${
            // The packet player needs room for its event list: the side panel widens while it is shown.
            sideTab === 'journey'
              ? 'grid-cols-[minmax(0,1fr)_26rem] 2xl:grid-cols-[minmax(0,1fr)_34rem]'
              : 'grid-cols-[minmax(0,1fr)_22rem] 2xl:grid-cols-[minmax(0,1fr)_26rem]'
          }`}
        >
          <section
            aria-label={t('canvas.label')}
            className="relative flex min-h-0 flex-col border-r border-slate-200 max-lg:h-[60vh] max-lg:border-r-0 dark:border-slate-800"
            id="graph"
            tabIndex={-1}
          >
            {view === 'graph' ? (
              <>
                <div className="min-h-0 flex-1">
                  <Suspense fallback={null}>{hasTopo && <Canvas dark={theme === 'dark'} />}</Suspense>
                </div>
                <StoppedTray />
              </>
            ) : (
              <TopologyTable />
            )}
            <GraphHighlight />
            {view === 'graph' && <StepBanner />}
          </section>
          <aside className="row-span-2 flex min-h-0 flex-col overflow-hidden bg-white max-lg:order-3 dark:bg-slate-900">
            <SideTabs mainLabel={inLesson ? t('player.lesson') : t('player.main')} />
            {/* Both panels stay mounted (hidden when not shown): the inspector keeps its tab and scroll. */}
            <div
              id="side-panel-journey"
              role="tabpanel"
              aria-labelledby="side-tab-journey"
              hidden={sideTab !== 'journey'}
              className="min-h-0 flex-1 border-t border-slate-200 dark:border-slate-800"
            >
              {journeyMounted && (
                <Suspense fallback={null}>
                  <PlayerPanel />
                </Suspense>
              )}
            </div>
            <div
              id="side-panel-changes"
              role="tabpanel"
              aria-labelledby="side-tab-changes"
              hidden={sideTab !== 'changes'}
              className="flex min-h-0 flex-1 flex-col divide-y divide-slate-200 border-t border-slate-200 dark:divide-slate-800 dark:border-slate-800"
            >
              {inLesson ? (
                <div className="min-h-48 flex-[3] overflow-hidden max-lg:flex-none">
                  <Suspense fallback={null}>
                    <LessonPanel />
                  </Suspense>
                </div>
              ) : welcome && status !== 'error' ? (
                <div className="overflow-auto p-2">
                  <Welcome />
                </div>
              ) : (
                <div className="max-h-[45%] min-h-24 overflow-hidden max-lg:max-h-none">
                  <ChangesPanel />
                </div>
              )}
              <div className="min-h-0 flex-1 overflow-auto">
                <Inspector />
              </div>
            </div>
          </aside>
          <div className="min-h-0 border-t border-r border-slate-200 max-lg:h-[50vh] dark:border-slate-800">
            <TerminalPane />
          </div>
        </main>
        <Suspense fallback={null}>
          {dialog === 'run' && <RunDialog onClose={() => setDialog(null)} />}
          {dialog === 'network' && <NetworkDialog onClose={() => setDialog(null)} />}
          {dialog === 'help' && <HelpDialog onClose={() => setDialog(null)} />}
        </Suspense>
      </div>
    </StoreContext.Provider>
  );
}
