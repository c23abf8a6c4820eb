/**
 * The application store (zustand vanilla): the Simulation, the terminals and their line editors, and what the
 * UI renders (the topology projection, its layout, the last command's changes, the selection). React binds to it
 * with `useStore(store, selector)`; nothing here imports React.
 *
 * The simulation code (kernel, engine, shell) is loaded with a dynamic import so the first screen paints
 * before it arrives; just-bash is preloaded in parallel. Only types are imported from `../sim` statically.
 */
import { sameViews, viewOf, type TerminalView } from './terminal_views';
import { stillThere } from './selection';
import {
  PASTE_MAX_CHARS,
  type AppActions,
  type AppState,
  type AppStore,
  type ChangeView,
  type StoreOptions,
} from './app_types';
import { createStore } from 'zustand/vanilla';
import type * as SimNs from '../sim';
import type { LineResult, QueryRunner, Simulation, World } from '../sim';
import { newEditor } from './line_editor';
import { TerminalKeys } from './terminal_keys';
import { TerminalChannel } from './terminal_channel';
import { emptyLayout, pinNode, placeNodes } from './layout';
import { layoutFromTree, rebuildSession, snapshotScenario } from './session_io';

type SimModule = typeof SimNs;

export type {
  AppActions,
  AppState,
  AppStore,
  ChangeView,
  Selection,
  StoreOptions,
  Theme,
  TerminalView,
} from './app_types';
export { PASTE_MAX_CHARS };

export function createAppStore(opts: StoreOptions = {}): AppStore {
  let mod: SimModule | null = null;
  let sim: Simulation | null = null;
  let queries: QueryRunner | null = null;
  const channels = new Map<string, TerminalChannel>();
  const aborts = new Map<string, AbortController>();
  const undoLabels: string[] = [];
  const redoLabels: string[] = [];
  const paceScale = opts.paceScale ?? 1;
  let seq = 0;
  /** The World the packet player shows instead of the simulation's, while it steps through a line. */
  let previewWorld: World | null = null;

  /** A fresh simulation of `seed`, from the build's precomputed World when it is that seed's. */
  const freshSimulation = async (m: SimModule, seed: number): Promise<Simulation> => {
    const pre = opts.prebuiltWorld ? await opts.prebuiltWorld() : null;
    const world = pre && pre.json !== null && pre.seed === seed ? m.prebuiltWorld(pre.json, seed) : null;
    return m.createDefaultSimulation(seed, {}, world ?? undefined);
  };

  const channel = (id: string): TerminalChannel => {
    let c = channels.get(id);
    if (!c) {
      c = new TerminalChannel();
      channels.set(id, c);
    }
    return c;
  };
  const store = createStore<AppState & AppActions>()((set, get) => {
    const prompt = (id: string) => channel(id).write(sim?.prompt(id) ?? '$ ');
    const keys = new TerminalKeys({
      running: () => get().running,
      channel,
      prompt,
      promptText: (id) => (sim?.terminal(id) ? sim.prompt(id) : null),
      complete: (id, buffer, cursor) => {
        const info = sim?.terminal(id);
        return mod && sim && info ? mod.complete(sim.world, info.proc, buffer, cursor) : null;
      },
      interrupt: (id) => {
        const ac = aborts.get(id);
        const first = ac !== undefined && !ac.signal.aborted;
        ac?.abort();
        return first;
      },
      submit: (id, line) => runLine(id, line),
    });

    /** The simulation's terminals as views: the same array as now when nothing about them changed. */
    const terminalViews = (): TerminalView[] =>
      sameViews(get().terminals, sim ? sim.listTerminals().map(viewOf) : []);

    /**
     * Publish a new World: projection, layout and (when given) what changed, in one store update, with `also`
     * (what else the same intent changed: a line's result), so the UI renders once for it.
     */
    const publish = (
      change: Omit<ChangeView, 'ids' | 'seq'> | null,
      before: World | null,
      also: Partial<AppState> = {},
    ) => {
      if (!sim || !mod) {
        if (Object.keys(also).length > 0) set(also);
        return;
      }
      previewWorld = null;
      const world = sim.world;
      // The projection is a pure function of the World: a line that changed nothing (ip a, docker ps) keeps it.
      const prevTopo = get().topo;
      const topo = prevTopo && get().world === world ? prevTopo : mod.topology(world);
      // Placing is idempotent for one projection: the same topology keeps the layout object (and the graph).
      const layout = topo === prevTopo ? get().layout : placeNodes(topo, get().layout);
      let changeView = get().change;
      if (change) {
        const list = before && before !== world ? mod.changes(before, world) : change.list;
        changeView = { ...change, list, ids: mod.changedIds(list), seq: ++seq };
      }
      const sel = get().selection;
      set({
        ...also,
        world,
        topo,
        layout,
        change: changeView,
        selection: sel && stillThere(topo, sel) ? sel : null,
        canUndo: sim.canUndo(),
        canRedo: sim.canRedo(),
        undoLabel: undoLabels[undoLabels.length - 1] ?? null,
        redoLabel: redoLabels[redoLabels.length - 1] ?? null,
      });
    };

    /** Undo closes the shells of containers it takes away, redo reopens them: show what the simulation has. */
    const syncTerminals = () => {
      if (!sim) return;
      const terms = terminalViews();
      const active = get().activeTerminal;
      const stillActive = terms.some((t) => t.id === active) ? active : null;
      set({ terminals: terms, activeTerminal: stillActive ?? get().hostTerminal ?? terms[0]?.id ?? null });
    };

    const runLine = async (id: string, line: string): Promise<void> => {
      if (!sim) return;
      const ch = channel(id);
      const ac = new AbortController();
      aborts.set(id, ac);
      set({ running: id });
      let result: LineResult;
      // What the line printed (stdout and stderr as they came), for lesson predict questions.
      let printed = '';
      try {
        result = await sim.run(id, line, {
          // Written as the program wrote them: the widget turns \n into \r\n (a tty's onlcr; xterm convertEol),
          // where it parses every character anyway; a copy here cost ~2 ms for `ip a` at a thousand containers.
          out: (s) => {
            printed += s;
            ch.write(s);
          },
          err: (s) => {
            printed += s;
            ch.write(s);
          },
          signal: ac.signal,
          columns: keys.term(id).cols,
          steps: get().stepMode,
          pace: (us) =>
            paceScale > 0 ? new Promise((r) => setTimeout(r, (us / 1000) * paceScale)) : Promise.resolve(),
        });
      } catch (e) {
        ch.write(`\r\nsimulator error: ${String(e)}\r\n`);
        aborts.delete(id);
        set({ running: null });
        prompt(id);
        return;
      }
      aborts.delete(id);
      // bash prints a newline after a foreground job that SIGINT killed (128 + 2); a program that catches it
      // (ping, tcpdump) prints its own.
      if (ac.signal.aborted && result.exitCode === 130) ch.write('\r\n');
      if (!result.streamed) {
        ch.write(result.stdout);
        ch.write(result.stderr);
      }
      if (result.after !== result.before) {
        undoLabels.push(line);
        // The simulation keeps the newest UNDO_LIMIT entries; so do their labels.
        if (mod && undoLabels.length > mod.UNDO_LIMIT) undoLabels.shift();
        redoLabels.length = 0;
      }
      const terms = terminalViews();
      const output = result.streamed ? printed : result.stdout + result.stderr;
      publish({ kind: 'run', label: line, list: [], exitCode: result.exitCode }, result.before, {
        running: null,
        last: { terminal: id, line, result, output },
        terminals: terms,
        welcome: false,
      });
      if (result.closed) {
        const parent = get().terminals.find((t) => t.id === id)?.parent ?? null;
        keys.forget(id);
        set({ activeTerminal: parent ?? get().hostTerminal ?? terms[0]?.id ?? null });
        return;
      }
      for (const o of result.opened) {
        keys.term(o.id);
        set({ activeTerminal: o.id });
        prompt(o.id);
      }
      prompt(id);
    };

    return {
      status: 'loading',
      error: null,
      world: null,
      topo: null,
      layout: emptyLayout(),
      change: null,
      selection: null,
      terminals: [],
      activeTerminal: null,
      hostTerminal: null,
      running: null,
      stepMode: false,
      last: null,
      canUndo: false,
      canRedo: false,
      undoLabel: null,
      redoLabel: null,
      theme: opts.theme ?? 'light',
      welcome: opts.welcome ?? true,

      async preloadShell() {
        mod ??= await import('../sim');
        await mod.Simulation.preloadShell();
      },

      async init(seed = opts.seed ?? 1) {
        try {
          mod ??= await import('../sim');
          mod.setWorldFreezing(opts.freezeWorlds ?? true);
          sim = await freshSimulation(mod, seed);
          queries = new mod.QueryRunner();
          const host = await sim.openTerminal(sim.hostProc());
          keys.term(host.id);
          set({ status: 'ready', terminals: [viewOf(host)], activeTerminal: host.id, hostTerminal: host.id });
          publish(null, null);
          prompt(host.id);
        } catch (e) {
          set({ status: 'error', error: String(e) });
        }
      },

      input(id, data) {
        keys.input(id, data);
      },

      async typeLine(id, line) {
        if (get().running !== null) return;
        keys.typed(id, line);
        await runLine(id, line);
        keys.pump(id);
      },

      async typeHost(line) {
        const host = get().hostTerminal;
        if (!host) return;
        set({ activeTerminal: host });
        await get().typeLine(host, line);
      },

      setActive(id) {
        set({ activeTerminal: id });
      },

      undo() {
        if (!sim || get().running !== null) return;
        const before = sim.world;
        if (!sim.undo()) return;
        const label = undoLabels.pop() ?? '';
        redoLabels.push(label);
        publish({ kind: 'undo', label, list: [], exitCode: 0 }, before);
        syncTerminals();
      },

      redo() {
        if (!sim || get().running !== null) return;
        const before = sim.world;
        if (!sim.redo()) return;
        const label = redoLabels.pop() ?? '';
        undoLabels.push(label);
        publish({ kind: 'redo', label, list: [], exitCode: 0 }, before);
        syncTerminals();
      },

      async reset() {
        if (!mod || get().running !== null) return;
        for (const ac of aborts.values()) ac.abort();
        const seedNow = sim?.world.seed ?? opts.seed ?? 1;
        sim = mod.createDefaultSimulation(seedNow);
        queries = new mod.QueryRunner();
        keys.clear();
        undoLabels.length = 0;
        redoLabels.length = 0;
        // Cleared, not dropped: the host's new shell usually has the old one's id, and its mounted xterm (keyed by
        // id, so not re-mounted) listens to that channel object; a new one left the screen blank after Reset.
        for (const ch of channels.values()) ch.clear();
        const host = await sim.openTerminal(sim.hostProc());
        keys.term(host.id);
        set({
          terminals: [viewOf(host)],
          activeTerminal: host.id,
          hostTerminal: host.id,
          layout: emptyLayout(),
          selection: null,
          last: null,
          change: { kind: 'reset', label: '', list: [], ids: new Set(), seq: ++seq, exitCode: 0 },
        });
        publish(null, null);
        prompt(host.id);
      },

      select(sel) {
        set({ selection: sel });
      },

      moveNode(id, pos) {
        set({ layout: pinNode(get().layout, id, pos) });
      },

      setTheme(theme) {
        set({ theme });
      },

      setStepMode(on) {
        set({ stepMode: on });
      },

      preview(world) {
        if (!sim || !mod || world === previewWorld) return;
        previewWorld = world;
        const w = world ?? sim.world;
        const topo = mod.topology(w);
        set({ world: w, topo, layout: placeNodes(topo, get().layout) });
      },

      dismissWelcome() {
        set({ welcome: false });
      },

      async query(ns, line) {
        if (!mod || !sim || !queries) return { stdout: '', stderr: 'not ready\n', exitCode: 1 };
        const w = previewWorld ?? sim.world;
        return queries.run(w, mod.hostProcIn(w, ns), line);
      },

      tables(ns) {
        return mod && sim ? mod.nsTables(previewWorld ?? sim.world, ns) : null;
      },

      endpoints(id) {
        return mod && sim ? mod.containerEndpoints(previewWorld ?? sim.world, id) : [];
      },

      setColumns(id, cols) {
        keys.term(id).cols = cols;
      },

      channel,

      async loadScenario(s) {
        mod ??= await import('../sim');
        for (const ac of aborts.values()) ac.abort();
        const r = await rebuildSession(mod, s);
        sim = r.sim;
        queries = new mod.QueryRunner();
        keys.clear();
        undoLabels.splice(0, undoLabels.length, ...r.undoLabels.slice(-mod.UNDO_LIMIT));
        redoLabels.length = 0;
        for (const ch of channels.values()) ch.clear();
        for (const t of r.terminals) {
          keys.term(t.id).editor = newEditor(s.histories?.[t.id] ?? []);
          channel(t.id).write(r.scrollback.get(t.id) ?? '');
          prompt(t.id);
        }
        const host = r.terminals[0]?.id ?? null;
        set({
          status: 'ready',
          error: null,
          terminals: r.terminals.map(viewOf),
          activeTerminal: r.terminals.some((t) => t.id === s.active) ? (s.active as string) : host,
          hostTerminal: host,
          layout: layoutFromTree(s.layout),
          selection: null,
          last: null,
          change: null,
          welcome: get().welcome && s.journal.length === 0,
        });
        publish(null, null);
        return { skipped: r.skipped };
      },

      scenario() {
        if (!sim || !mod) return null;
        const histories = keys.histories();
        return snapshotScenario(sim, get().layout, histories, get().activeTerminal, mod.LIMITS);
      },
    };
  });
  return store;
}
