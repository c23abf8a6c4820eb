/**
 * The playground inside an iframe (`?embed=1`): no toolbar, dialogs or side panels; the graph, the terminal or
 * both (`view=`), a Reset back to the embed's scenario, and a link that opens the scenario as it is now in the
 * full app. `readonly` hides Reset and takes the keyboard away (the page that embeds can still drive it).
 */
import { lazy, Suspense, useContext, useEffect } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { forLink, shareLink, type AppStore, type Session } from '../../store';
import { StoreContext } from '../store_context';
import { Canvas } from '../first_screen';
import { TerminalPane } from '../TerminalPane';
import { Notices } from '../share/Notices';
import { SessionContext } from '../share/session_context';
import { useShareText } from '../share/text';
import { lessonStoreFor } from '../lessons';

// Only an embed with a lesson shows it: its own chunk (src/ui/App.tsx loads it the same way).
const LessonPanel = lazy(() => import('../lessons/LessonPanel').then((m) => ({ default: m.LessonPanel })));

const BTN =
  'inline-flex items-center gap-1 rounded border border-slate-300 bg-white px-2 py-0.5 text-xs text-slate-800 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-blue-600 disabled:opacity-45 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700';

function EmbedFrame() {
  const store = useContext(StoreContext);
  const ctx = useContext(SessionContext);
  const text = useShareText();
  const { status, busy, theme, hasTopo, error } = useStore(
    store,
    useShallow((s) => ({
      status: s.status,
      busy: s.running !== null,
      theme: s.theme,
      hasTopo: s.topo !== null,
      error: s.error,
    })),
  );
  useEffect(() => {
    document.documentElement.classList.toggle('dark', theme === 'dark');
  }, [theme]);
  if (!ctx) return null;
  const { view, readonly } = ctx.embed;

  /** The link is made when it is followed, so it carries the scenario as it is at that moment. */
  const fullAppHref = async (a: HTMLAnchorElement) => {
    const s = await ctx.session;
    const doc = store.getState().scenario();
    const code = doc && s.mod.encodeScenario(forLink(doc));
    const base = new URL('./', window.location.href).href;
    a.href = code?.ok ? shareLink(base, code.value, ctx.embed.lang) : base;
  };

  const reset = async () => {
    const s = await ctx.session;
    const lesson = ctx.embed.lesson;
    if (lesson && (await lessonStoreFor(store).getState().start(lesson))) return;
    if (s.initial) await store.getState().loadScenario(s.initial);
    else await store.getState().reset();
  };

  const graph = (
    <section aria-label="Topology" className="relative min-h-0 flex-1" data-testid="embed-graph">
      <Suspense fallback={null}>{hasTopo && <Canvas dark={theme === 'dark'} />}</Suspense>
    </section>
  );
  const terminal = (
    <div
      className={
        view === 'both'
          ? 'h-[42%] min-h-40 border-t border-slate-200 dark:border-slate-800'
          : 'min-h-0 flex-1'
      }
    >
      <TerminalPane />
    </div>
  );
  return (
    <div
      className="flex h-screen flex-col bg-slate-50 text-slate-900 dark:bg-slate-950 dark:text-slate-100"
      data-testid="embed"
    >
      <header className="flex items-center gap-2 border-b border-slate-200 px-2 py-1 dark:border-slate-800">
        <h1 className="truncate text-sm font-semibold">Container Network Playground</h1>
        {readonly && (
          <span className="rounded bg-slate-200 px-1.5 text-xs dark:bg-slate-700">{text.readonly}</span>
        )}
        <span className="flex-1" />
        {!readonly && (
          <button
            type="button"
            className={BTN}
            disabled={status !== 'ready' || busy}
            title={text.resetTitle}
            onClick={() => void reset()}
          >
            <span aria-hidden>⟲</span> {text.reset}
          </button>
        )}
        <a
          className={BTN}
          href={new URL('./', window.location.href).href}
          target="_blank"
          rel="noopener noreferrer"
          title={text.openFullTitle}
          data-testid="open-full"
          onPointerDown={(e) => void fullAppHref(e.currentTarget)}
          onFocus={(e) => void fullAppHref(e.currentTarget)}
        >
          {text.openFull} <span aria-hidden>↗</span>
        </a>
      </header>
      <Notices />
      {status === 'error' && (
        <p role="alert" className="bg-red-100 px-2 py-1 text-xs text-red-900">
          {error}
        </p>
      )}
      <div className="flex min-h-0 flex-1">
        <main className="flex min-h-0 min-w-0 flex-1 flex-col">
          {view !== 'terminal' && graph}
          {view !== 'graph' && terminal}
        </main>
        {ctx.embed.lesson && (
          <aside className="w-80 shrink-0 overflow-auto border-l border-slate-200 bg-white max-sm:hidden dark:border-slate-800 dark:bg-slate-900">
            <Suspense fallback={null}>
              <LessonPanel />
            </Suspense>
          </aside>
        )}
      </div>
    </div>
  );
}

/**
 * `lesson=ID` starts that lesson once the session is up. A student who reloads gets the lesson back with the
 * work the embed saved (the lesson's setup is replayed, then the saved session, then its step).
 */
const lessonStarted = new WeakSet<AppStore>();

async function startLesson(store: AppStore, lesson: string, from: Session['from']): Promise<void> {
  const lessons = lessonStoreFor(store);
  if (lessonStarted.has(store)) return;
  lessonStarted.add(store);
  const saved = from === 'saved' ? store.getState().scenario() : null;
  if (!(await lessons.getState().start(lesson))) return;
  if (!saved) return;
  await store.getState().loadScenario(saved);
  lessons.getState().goto(lessons.getState().saved[lesson]?.current ?? 0);
}

export function EmbedApp({ store, boot }: { store: AppStore; boot: () => Promise<Session | null> }) {
  const lesson = useContext(SessionContext)?.embed.lesson ?? null;
  useEffect(() => {
    void boot().then((s) => (s && lesson ? startLesson(store, lesson, s.from) : undefined));
  }, [boot, store, lesson]);
  return (
    <StoreContext.Provider value={store}>
      <EmbedFrame />
    </StoreContext.Provider>
  );
}
