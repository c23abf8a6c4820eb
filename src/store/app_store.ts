/**
 * The application store (zustand vanilla): the Simulation, the terminals and their line editors, and what the
 * UI renders. React binds to it with `useStore(store, selector)`; nothing here imports React.
 *
 * The simulation code (kernel, engine, shell) is loaded with a dynamic import so the first screen paints
 * before it arrives; just-bash is preloaded in parallel.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { LineResult, Simulation, TerminalInfo, World } from '../sim';
import { editorKey, newEditor, parseTerminalInput, type EditorState } from './line_editor';
import { TerminalChannel } from './terminal_channel';

export interface TerminalView {
  id: string;
  title: string;
  machine: string;
  parent: string | null;
}

export interface AppState {
  status: 'loading' | 'ready' | 'error';
  error: string | null;
  world: World | null;
  terminals: TerminalView[];
  activeTerminal: string | null;
  /** Terminal whose line is running, if any. */
  running: string | null;
  /** The last line's result (trace, diff) for the panels that show them. */
  last: { terminal: string; line: string; result: LineResult } | null;
  canUndo: boolean;
  canRedo: boolean;
}

export interface AppActions {
  init(seed?: number): Promise<void>;
  /** Raw input from a terminal widget (xterm onData). */
  input(terminal: string, data: string): void;
  /** Run a line as if typed (toolbar buttons type their command into the host terminal). */
  typeLine(terminal: string, line: string): Promise<void>;
  setActive(terminal: string): void;
  undo(): void;
  redo(): void;
  channel(terminal: string): TerminalChannel;
}

export type AppStore = StoreApi<AppState & AppActions>;

/** Real time the browser waits per simulated microsecond while a command streams (ping: 1 line/s). */
export interface StoreOptions {
  seed?: number;
  /** Scale of real waiting to simulated time (1 = real time, 0 = never wait: tests). */
  paceScale?: number;
}

export function createAppStore(opts: StoreOptions = {}): AppStore {
  let sim: Simulation | null = null;
  const editors = new Map<string, EditorState>();
  const channels = new Map<string, TerminalChannel>();
  const aborts = new Map<string, AbortController>();
  const paceScale = opts.paceScale ?? 1;

  const channel = (id: string): TerminalChannel => {
    let c = channels.get(id);
    if (!c) {
      c = new TerminalChannel();
      channels.set(id, c);
    }
    return c;
  };

  const store = createStore<AppState & AppActions>()((set, get) => {
    const view = (t: TerminalInfo): TerminalView => ({
      id: t.id,
      title: t.title,
      machine: t.proc.machine,
      parent: t.parent,
    });

    const prompt = (id: string) => channel(id).write(sim?.prompt(id) ?? '$ ');

    const refresh = () => {
      if (!sim) return;
      set({ world: sim.world, canUndo: sim.canUndo(), canRedo: sim.canRedo() });
    };

    const runLine = async (id: string, line: string): Promise<void> => {
      if (!sim) return;
      const ch = channel(id);
      const ac = new AbortController();
      aborts.set(id, ac);
      set({ running: id });
      let result: LineResult;
      try {
        result = await sim.run(id, line, {
          out: (s) => ch.write(s.replace(/\n/g, '\r\n')),
          err: (s) => ch.write(s.replace(/\n/g, '\r\n')),
          signal: ac.signal,
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
      if (!result.streamed) {
        if (result.stdout) ch.write(result.stdout.replace(/\n/g, '\r\n'));
        if (result.stderr) ch.write(result.stderr.replace(/\n/g, '\r\n'));
      }
      const terms = sim.listTerminals().map(view);
      set({ running: null, last: { terminal: id, line, result }, terminals: terms });
      refresh();
      if (result.closed) {
        const parent = get().terminals.find((t) => t.id === id)?.parent ?? null;
        set({ activeTerminal: parent ?? terms[0]?.id ?? null });
        return;
      }
      for (const o of result.opened) {
        editors.set(o.id, newEditor());
        set({ activeTerminal: o.id });
        prompt(o.id);
      }
      prompt(id);
    };

    return {
      status: 'loading',
      error: null,
      world: null,
      terminals: [],
      activeTerminal: null,
      running: null,
      last: null,
      canUndo: false,
      canRedo: false,

      async init(seed = opts.seed ?? 1) {
        try {
          const mod = await import('../sim');
          void mod.Simulation.preloadShell();
          sim = mod.createDefaultSimulation(seed);
          const host = await sim.openTerminal(sim.hostProc());
          editors.set(host.id, newEditor());
          set({ status: 'ready', terminals: [view(host)], activeTerminal: host.id });
          refresh();
          prompt(host.id);
        } catch (e) {
          set({ status: 'error', error: String(e) });
        }
      },

      input(id, data) {
        const ch = channel(id);
        if (get().running === id) {
          if (data.includes('\x03')) aborts.get(id)?.abort();
          return;
        }
        if (get().running !== null) return;
        let ed = editors.get(id) ?? newEditor();
        for (const key of parseTerminalInput(data)) {
          const r = editorKey(ed, key);
          ed = r.state;
          if (r.echo) ch.write(r.echo);
          switch (r.action.kind) {
            case 'submit':
              editors.set(id, ed);
              void runLine(id, r.action.line);
              return;
            case 'interrupt':
              prompt(id);
              break;
            case 'clear':
              ch.clear();
              prompt(id);
              ch.write(ed.buffer);
              break;
            case 'complete':
            case 'eof':
            case 'none':
              break;
          }
        }
        editors.set(id, ed);
      },

      async typeLine(id, line) {
        if (get().running !== null) return;
        channel(id).write(line + '\r\n');
        const ed = editors.get(id) ?? newEditor();
        editors.set(id, newEditor(line.trim() ? [...ed.history, line] : ed.history));
        await runLine(id, line);
      },

      setActive(id) {
        set({ activeTerminal: id });
      },

      undo() {
        if (sim?.undo()) refresh();
      },

      redo() {
        if (sim?.redo()) refresh();
      },

      channel,
    };
  });
  return store;
}
