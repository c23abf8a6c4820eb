/**
 * The application store's shape: what the UI reads (AppState), what it can do (AppActions) and how a store is
 * made (StoreOptions). The store itself is app_store.ts.
 */
import type { StoreApi } from 'zustand/vanilla';
import type { Change, EndpointRow, LineResult, NsTables, ScenarioDoc, Topology, World } from '../sim';
import type { LayoutState, XY } from './layout';
import type { TerminalChannel } from './terminal_channel';
import type { TerminalView } from './terminal_views';

export type { TerminalView } from './terminal_views';

/** What the inspector shows: a namespace box, a device, a container card, or a link. */
export type Selection = { kind: 'ns' | 'dev' | 'ctr' | 'link'; id: string } | null;

/** The last step's "what changed": the line (or undo/redo/reset) and its records. */
export interface ChangeView {
  kind: 'run' | 'undo' | 'redo' | 'reset';
  label: string;
  list: Change[];
  /** Graph ids to highlight. */
  ids: ReadonlySet<string>;
  /** Increases with every step, so the UI can restart its highlight animation. */
  seq: number;
  exitCode: number;
}

export type Theme = 'light' | 'dark';

export interface AppState {
  status: 'loading' | 'ready' | 'error';
  error: string | null;
  world: World | null;
  topo: Topology | null;
  layout: LayoutState;
  change: ChangeView | null;
  selection: Selection;
  terminals: TerminalView[];
  activeTerminal: string | null;
  hostTerminal: string | null;
  /** Terminal whose line is running, if any. */
  running: string | null;
  /** The next line runs in step mode: its result keeps the World at every kernel event (the packet player). */
  stepMode: boolean;
  /** The last line's result (trace, diff) for the panels that show them. */
  last: { terminal: string; line: string; result: LineResult; output: string } | null;
  canUndo: boolean;
  canRedo: boolean;
  /** The lines undo/redo would take back / do again. */
  undoLabel: string | null;
  redoLabel: string | null;
  theme: Theme;
  /** First run: the welcome card with suggested commands. */
  welcome: boolean;
}

/** The most one paste (or one burst of input) may hold: a script of a few thousand lines. */
export const PASTE_MAX_CHARS = 100_000;

export interface AppActions {
  init(seed?: number): Promise<void>;
  /**
   * Load the shell runtime (just-bash, the largest chunk) now. The prompt never waits for it (the first line
   * does); the UI asks for it once the first screen is drawn.
   */
  preloadShell(): Promise<void>;
  /** Raw input from a terminal widget (xterm onData). Multi-line pastes run line by line. */
  input(terminal: string, data: string): void;
  /** Run a line as if typed (toolbar buttons type their command into the host terminal). */
  typeLine(terminal: string, line: string): Promise<void>;
  /** Type a line into the host terminal and focus it. */
  typeHost(line: string): Promise<void>;
  setActive(terminal: string): void;
  undo(): void;
  redo(): void;
  reset(): Promise<void>;
  select(sel: Selection): void;
  /** The user dragged a box: only the layout changes. */
  moveNode(id: string, pos: XY): void;
  setTheme(theme: Theme): void;
  setStepMode(on: boolean): void;
  /**
   * Show another World than the simulation's (the packet player stepping through a line), or the
   * simulation's again (null). Graph, inspector tables and queries follow; the next line or undo ends it.
   */
  preview(world: World | null): void;
  dismissWelcome(): void;
  /** Run a read-only command in a namespace (the inspector's "as the real command prints it"). */
  query(ns: string, line: string): Promise<{ stdout: string; stderr: string; exitCode: number }>;
  /** The inspector's tables for a namespace of the current World. */
  tables(ns: string): NsTables | null;
  /** A container's Docker endpoints in the current World. */
  endpoints(containerId: string): EndpointRow[];
  /** Terminal width in columns, for completion listings. */
  setColumns(terminal: string, cols: number): void;
  channel(terminal: string): TerminalChannel;
  /** Replace the session with a scenario's (link, embed, file, autosave) by replaying its journal. */
  loadScenario(s: ScenarioDoc): Promise<{ skipped: number }>;
  /** The session as a scenario, for links, files and autosave (null before the simulator has loaded). */
  scenario(): ScenarioDoc | null;
}

export type AppStore = StoreApi<AppState & AppActions>;

export interface StoreOptions {
  seed?: number;
  /** Scale of real waiting to simulated time (1 = real time, 0 = never wait: tests). */
  paceScale?: number;
  theme?: Theme;
  welcome?: boolean;
  /**
   * The default World precomputed at build time (`virtual:default-world`, scripts/default-world): a fresh
   * session of that seed starts from it instead of booting the kernel and dockerd (json null: compute it).
   */
  prebuiltWorld?: () => Promise<{ seed: number; json: string | null }>;
  /** Deep-freeze Worlds (default; catches stray writes): the production app turns it off (sim/freezing.ts). */
  freezeWorlds?: boolean;
}
