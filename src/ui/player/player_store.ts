/**
 * The packet player's state, bound to the app store: the journeys of the recent lines (built by the
 * simulator's journey model), the state machine (machine.ts), the filters, and the play timer. In step mode
 * a line's result carries the World at every kernel event; the player shows the one after the current event
 * through the app store's `preview` (graph, inspector), and the one before the command at the start.
 *
 * One player per app store (`playerFor`), so the panel and the graph overlay share it without a provider.
 * The timer is injected (`PlayerOptions.timer`), so tests drive "play" without waiting.
 */
import { addTexts } from '../i18n';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type * as SimNs from '../../sim';
import type { Journey, JourneyProto, JourneyStep, LineResult, World } from '../../sim';
import type { AppState, AppStore } from '../../store';
import { initialMachine, reduce, type PlayerEvent, type PlayerMachine } from './machine';

export type SimModule = typeof SimNs;

type WithoutVisible<T> = T extends unknown ? Omit<T, 'visible'> : never;

/** Events as the panel sends them: the store adds the steps the filters show. */
export type PlayerCommand = WithoutVisible<PlayerEvent>;

/** A line whose journey can be played (it moved packets, or ran in step mode). */
export interface RecentLine {
  id: number;
  line: string;
  result: LineResult;
}

export interface PlayerState {
  /** The simulator module, once loaded (the decision tables and packet layers are computed with it). */
  sim: SimModule | null;
  recent: RecentLine[];
  /** The line whose journey is shown (an id in `recent`). */
  current: number | null;
  journey: Journey | null;
  line: string | null;
  result: LineResult | null;
  machine: PlayerMachine;
  /** Protocols shown (empty: all). */
  protos: JourneyProto[];
  /** Namespace followed (a container's), or null for all. */
  ns: string | null;
  /** Indices of the steps the filters let through. */
  visible: number[];
  /** The side panel's tab: what changed (and the inspector), or the packet journey. */
  tab: 'changes' | 'journey';
}

export interface PlayerActions {
  dispatch(c: PlayerCommand): void;
  toggleProto(p: JourneyProto): void;
  setNs(ns: string | null): void;
  setTab(tab: PlayerState['tab']): void;
  /** Show the journey of one of the recent lines. */
  pick(id: number): void;
  /** Leave stepping: the World shown is the simulation's again. */
  finish(): void;
}

export type PlayerStore = StoreApi<PlayerState & PlayerActions>;

/** setTimeout/clearTimeout, or a test's fake. */
export interface PlayerTimer {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export interface PlayerOptions {
  timer?: PlayerTimer;
  /** How many recent lines are kept to pick from. */
  keep?: number;
}

const realTimer: PlayerTimer = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

const players = new WeakMap<AppStore, PlayerStore>();

export function playerFor(app: AppStore, opts?: PlayerOptions): PlayerStore {
  let p = players.get(app);
  if (!p) {
    p = createPlayerStore(app, opts);
    players.set(app, p);
  }
  return p;
}

const registered = new WeakSet<object>();
/** The journey texts travel with the simulator's code; the UI's texts get them once it has loaded. */
function registerTexts(mod: SimModule): void {
  if (registered.has(mod.JOURNEY_TEXT)) return;
  registered.add(mod.JOURNEY_TEXT);
  addTexts({ en: { journey: mod.JOURNEY_TEXT.en }, 'zh-CN': { journey: mod.JOURNEY_TEXT['zh-CN'] } });
}

function visibleOf(
  mod: SimModule | null,
  j: Journey | null,
  protos: JourneyProto[],
  ns: string | null,
): number[] {
  if (!mod || !j) return [];
  const shown = new Set(mod.filterSteps(j, { protos, ns }));
  const out: number[] = [];
  j.steps.forEach((s, i) => {
    if (shown.has(s)) out.push(i);
  });
  return out;
}

/** The World at a step of the shown line: exact in step mode, else the World after the line (or null). */
export function worldAt(
  s: Pick<PlayerState, 'sim' | 'result'>,
  step: JourneyStep | null,
): { world: World; exact: boolean } | null {
  const r = s.result;
  if (!r || !s.sim) return null;
  if (!r.steps) return { world: r.after, exact: false };
  return { world: s.sim.worldAfter(r.steps, step ? step.i + 1 : 0), exact: true };
}

export function createPlayerStore(app: AppStore, opts: PlayerOptions = {}): PlayerStore {
  const timer = opts.timer ?? realTimer;
  const keep = opts.keep ?? 8;
  let handle: unknown = null;
  let nextId = 1;
  const journeys = new Map<number, Journey>();

  const stop = () => {
    if (handle !== null) timer.clear(handle);
    handle = null;
  };

  const store = createStore<PlayerState & PlayerActions>()((set, get) => {
    /** Show the World after the current step (step mode), or the simulation's. */
    const show = () => {
      const s = get();
      if (!s.sim || !s.result?.steps || !s.journey || s.machine.status === 'idle') {
        if (app.getState().status === 'ready') app.getState().preview(null);
        return;
      }
      const step = s.machine.cursor >= 0 ? (s.journey.steps[s.machine.cursor] ?? null) : null;
      app.getState().preview(worldAt(s, step)?.world ?? null);
    };

    const schedule = () => {
      stop();
      const m = get().machine;
      if (m.status !== 'playing') return;
      handle = timer.set(() => {
        handle = null;
        get().dispatch({ type: 'tick' });
      }, 1000 / m.speed);
    };

    const apply = (c: PlayerCommand) => {
      const e = { ...c, visible: get().visible } as PlayerEvent;
      const machine = reduce(get().machine, e);
      if (machine === get().machine) return;
      set({ machine });
      show();
      schedule();
    };

    return {
      sim: null,
      recent: [],
      current: null,
      journey: null,
      line: null,
      result: null,
      machine: initialMachine,
      protos: [],
      ns: null,
      visible: [],
      tab: 'changes',

      dispatch: apply,

      toggleProto(p) {
        const cur = get().protos;
        const protos = cur.includes(p) ? cur.filter((x) => x !== p) : [...cur, p];
        set({ protos, visible: visibleOf(get().sim, get().journey, protos, get().ns) });
      },

      setNs(ns) {
        set({ ns, visible: visibleOf(get().sim, get().journey, get().protos, ns) });
      },

      setTab(tab) {
        set({ tab });
      },

      pick(id) {
        const entry = get().recent.find((r) => r.id === id);
        if (entry) show0(entry, !!entry.result.steps);
      },

      finish() {
        stop();
        set({ machine: { ...get().machine, status: 'idle', cursor: -1 } });
        if (app.getState().status === 'ready') app.getState().preview(null);
      },
    };
  });

  /** Show a recent line's journey: from before its first event when it has a step recording, else idle. */
  const show0 = (entry: RecentLine, stepping: boolean) => {
    const s = store.getState();
    const mod = s.sim;
    if (!mod) return;
    let journey = journeys.get(entry.id);
    if (!journey) {
      const r = entry.result;
      journey = mod.buildJourney(r.trace, r.after, r.before);
      journeys.set(entry.id, journey);
    }
    stop();
    store.setState({
      current: entry.id,
      journey,
      line: entry.line,
      result: entry.result,
      machine: reduce(s.machine, { type: 'load', stepping }),
      visible: visibleOf(mod, journey, s.protos, s.ns),
      ...(stepping ? { tab: 'journey' as const } : {}),
    });
    if (app.getState().status === 'ready')
      app.getState().preview(stepping ? (entry.result.steps?.before ?? null) : null);
  };

  /**
   * A line ran: if it moved packets, its journey becomes the one shown. A line that moved none (`docker run`
   * with step mode on) is not kept: stepping it would only hold the World before it on screen.
   */
  const onLine = (last: NonNullable<AppState['last']>) => {
    const r = last.result;
    const mod = store.getState().sim;
    const journey =
      mod && r.trace.some((e) => e.kind !== 'link_change')
        ? mod.buildJourney(r.trace, r.after, r.before)
        : null;
    if (!journey || journey.steps.length === 0) {
      // The next line ended any stepping (the app store shows its World): the player is idle again.
      stop();
      const m = store.getState().machine;
      if (m.status !== 'idle') store.setState({ machine: { ...m, status: 'idle', cursor: -1 } });
      return;
    }
    const entry: RecentLine = { id: nextId++, line: last.line, result: r };
    journeys.set(entry.id, journey);
    const recent = [entry, ...store.getState().recent];
    for (const old of recent.splice(keep)) journeys.delete(old.id);
    store.setState({ recent });
    show0(entry, !!r.steps);
  };

  const forget = () => {
    stop();
    journeys.clear();
    store.setState({
      recent: [],
      current: null,
      journey: null,
      line: null,
      result: null,
      visible: [],
      machine: { ...store.getState().machine, status: 'idle', cursor: -1 },
    });
  };

  const withSim = (mod: SimModule) => {
    registerTexts(mod);
    if (!store.getState().sim) store.setState({ sim: mod });
  };

  // The app store publishes a line's World, projection and changes in one update (publish); reacting to that
  // update (not to `last`, which is set just before it) lets a step-mode line show the World before it at once.
  let pending: NonNullable<AppState['last']> | null = null;
  let handled: LineResult | null = null;
  app.subscribe((s, prev) => {
    if (s.change !== prev.change && s.change) {
      if (s.change.kind === 'run' && s.last && s.last.result !== handled) {
        const last = s.last;
        handled = last.result;
        if (store.getState().sim) onLine(last);
        else pending = last;
      } else if (s.change.kind === 'reset') forget();
      else if (s.change.kind !== 'run') {
        // Undo/redo show the simulation's World: stepping through an older World would be confusing.
        stop();
        const m = store.getState().machine;
        if (m.status !== 'idle') store.setState({ machine: { ...m, status: 'idle', cursor: -1 } });
      }
    }
    if (s.last === null && prev.last !== null) forget();
    if (s.status === 'ready' && !store.getState().sim)
      void import('../../sim').then((m) => {
        withSim(m);
        if (pending) {
          const p = pending;
          pending = null;
          onLine(p);
        }
      });
  });
  if (app.getState().status === 'ready') void import('../../sim').then(withSim);
  return store;
}
