/**
 * The lesson being taken, bound to the app store: starting a lesson (a fresh host plus the lesson's setup,
 * replayed out of sight), the current step, its check re-evaluated after every line and every undo/redo on
 * the World and the trace since the step began, hints revealed one per wrong try, the predict question
 * (answered before its command runs, graded on what the command printed), and progress kept in localStorage.
 *
 * The lessons (and through them the simulator) are loaded with a dynamic import, like the simulator in the app
 * store, so the first screen paints before they arrive.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type * as LessonsNs from '../lessons';
import type { Highlight, Lesson, PredictGrade, TraceEvent } from '../lessons';
import type { ScenarioDoc } from '../sim';
import type { AppState, AppStore } from './app_store';
import { ProgressStore, type LessonProgress } from './lesson_progress';
import type { StorageLike } from './persist';
import { lessonEvents, type LessonEvents } from './lesson_events';

/** Lessons are written against this seed (addresses and names in their text follow from it). */
export const LESSON_SEED = 1;

export interface LessonState {
  lesson: Lesson | null;
  step: number;
  /** Per step: its check passed in this run. */
  passed: boolean[];
  /** Wrong tries on the current step (a failed Check, or a failing line while the check does not pass). */
  wrongTries: number;
  /** Hints revealed on the current step. */
  hints: number;
  /** The learner's answer to the current step's predict question, once given. */
  answer: number | string | null;
  grade: PredictGrade | null;
  /** A Check was asked for and failed (cleared by the next line). */
  checkFailed: boolean;
  starting: boolean;
  /** Every lesson, once loaded (`loadCatalog`). */
  catalog: readonly Lesson[] | null;
  /** Saved progress of every lesson (for the lesson list's ticks). */
  saved: Readonly<Record<string, LessonProgress>>;
}

export interface LessonActions {
  /**
   * Start a lesson from a fresh host (the session is replaced). `at` > 0 continues at that step: the steps
   * before it are done by their solutions, out of sight. Resolves false for an unknown id.
   */
  start(id: string, at?: number): Promise<boolean>;
  close(): void;
  goto(step: number): void;
  next(): void;
  prev(): void;
  /** Evaluate the current step now; a failure counts as a wrong try and reveals a hint. */
  check(): boolean;
  /** Answer the predict question (before running its command). */
  answerPredict(value: number | string): void;
  /** Type a line into the active terminal (the click-to-type commands). */
  type(line: string): Promise<void>;
  resetProgress(id: string): void;
  /** Load the lessons (for the list); resolves to them. */
  loadCatalog(): Promise<readonly Lesson[]>;
  /** What the graph should highlight for the current step, on the app's current World. */
  highlights(): Highlight[];
  /** A lesson's whole solution script (setup included), for the demo-script player. */
  script(id: string): string[];
}

export type LessonStore = StoreApi<LessonState & LessonActions>;

/**
 * `storage`: where progress is kept (localStorage in the browser, null: this tab only). `events`: where passed
 * steps are announced (the embed API forwards them to a course page).
 */
export function createLessonStore(
  app: AppStore,
  storage: StorageLike | null = null,
  events: LessonEvents = lessonEvents,
): LessonStore {
  const progress = new ProgressStore(storage);
  let mod: typeof LessonsNs | null = null;
  const load = async () => (mod ??= await import('../lessons'));
  /** Trace of the lines run since the current step was shown. */
  let trace: TraceEvent[] = [];

  const initial = (): LessonState => ({
    lesson: null,
    step: 0,
    passed: [],
    wrongTries: 0,
    hints: 0,
    answer: null,
    grade: null,
    checkFailed: false,
    starting: false,
    catalog: mod?.LESSONS ?? null,
    saved: progress.all(),
  });

  const store: LessonStore = createStore<LessonState & LessonActions>()((set, get) => ({
    ...initial(),

    async start(id, at = 0) {
      const m = await load();
      const lesson = m.lessonById(id);
      if (!lesson) return false;
      const from = Math.max(0, Math.min(at, lesson.steps.length - 1));
      trace = [];
      set({
        ...initial(),
        lesson,
        catalog: m.LESSONS,
        starting: true,
        passed: lesson.steps.map((_, i) => i < from),
      });
      const setup = lesson.setup ?? [];
      let active = 't1';
      let journal: ScenarioDoc['journal'] = setup.map((line) => ({
        kind: 'line' as const,
        terminal: 't1',
        line,
      }));
      if (from > 0) {
        // The earlier steps' solutions, run once headless for their exact journal (shells they open included).
        const d = await m.LessonDriver.start(LESSON_SEED);
        for (const line of [...setup, ...lesson.steps.slice(0, from).flatMap((st) => st.solution)])
          await d.run(line);
        journal = [...d.sim.journal()];
        active = d.terminal;
      }
      // Lines go on in the innermost shell the earlier steps left open.
      await app.getState().loadScenario({ v: 3, seed: LESSON_SEED, journal, active });
      // The setup is the lesson's premise, not the learner's work: the terminals start at a clean prompt.
      if (journal.length > 0)
        for (const t of app.getState().terminals) {
          const ch = app.getState().channel(t.id);
          const sb = ch.scrollback();
          ch.clear();
          ch.write(sb.slice(sb.lastIndexOf('\n') + 1));
        }
      app.getState().dismissWelcome();
      set({ starting: false });
      enterStep(from);
      return true;
    },

    close() {
      trace = [];
      set(initial());
    },

    goto(i) {
      enterStep(i);
    },

    next() {
      enterStep(get().step + 1);
    },

    prev() {
      enterStep(get().step - 1);
    },

    check() {
      const ok = evaluate();
      if (!ok) {
        wrongTry();
        set({ checkFailed: true });
      }
      return ok;
    },

    answerPredict(value) {
      if (get().grade) return;
      set({ answer: value });
    },

    async type(line) {
      const s = app.getState();
      const t = s.activeTerminal ?? s.hostTerminal;
      if (t) await s.typeLine(t, line);
    },

    resetProgress(id) {
      progress.reset(id);
      set({ saved: progress.all() });
    },

    async loadCatalog() {
      const m = await load();
      set({ catalog: m.LESSONS });
      return m.LESSONS;
    },

    highlights(): Highlight[] {
      const s = current();
      const world = app.getState().world;
      if (!mod || !s?.highlight || !world) return [];
      try {
        return s.highlight(new mod.WorldQuery(world));
      } catch {
        return [];
      }
    },

    script(id) {
      const l = mod?.lessonById(id);
      return l && mod ? mod.solutionScript(l) : [];
    },
  }));

  const current = (): Lesson['steps'][number] | null => {
    const { lesson, step } = store.getState();
    return lesson?.steps[step] ?? null;
  };

  /** Evaluate the current step on the app's World and the trace since the step began; record a pass. */
  function evaluate(): boolean {
    const { lesson, step, passed } = store.getState();
    const s = current();
    const world = app.getState().world;
    if (!lesson || !s || !world || !mod) return false;
    const ok = mod.stepPasses(s, world, trace);
    if (ok && !passed[step]) {
      const next = [...passed];
      next[step] = true;
      progress.markPassed(lesson.id, s.id);
      store.setState({ passed: next, saved: progress.all() });
      events.stepPassed(lesson.id, s.id);
    }
    return ok;
  }

  function enterStep(i: number): void {
    const { lesson } = store.getState();
    if (!lesson) return;
    const step = Math.max(0, Math.min(i, lesson.steps.length - 1));
    trace = [];
    store.setState({ step, wrongTries: 0, hints: 0, answer: null, grade: null, checkFailed: false });
    progress.setCurrent(lesson.id, step);
    evaluate();
  }

  function wrongTry(): void {
    const s = current();
    const { lesson, wrongTries } = store.getState();
    if (!s || !lesson) return;
    const n = lesson.text.en.steps[s.id]?.hints.length ?? 0;
    store.setState({ wrongTries: wrongTries + 1, hints: Math.min(wrongTries + 1, n) });
  }

  function onApp(s: AppState, prev: AppState): void {
    const l = store.getState();
    if (!l.lesson || l.starting || !mod) return;
    if (s.last !== prev.last && s.last) {
      trace.push(...s.last.result.trace);
      const step = current();
      const p = step?.predict;
      if (p && step && l.answer !== null && !l.grade && mod.isPredictCommand(p, s.last.line) && s.world) {
        const grade = mod.gradePredict(p, l.answer, s.last.output, s.world);
        progress.recordPrediction(l.lesson.id, step.id, grade.correct);
        store.setState({ grade, saved: progress.all() });
      }
      store.setState({ checkFailed: false });
      if (!evaluate() && s.last.result.exitCode !== 0) wrongTry();
    } else if (s.world !== prev.world) {
      evaluate();
    }
  }
  app.subscribe(onApp);

  return store;
}
