/**
 * A running simulation: the current World, the terminals (one shell session each), and the undo history.
 * `run(terminal, line)` is the one entry point for user intent: it executes the line as one transaction and
 * returns its output, trace and diff. The browser store and the headless transcript runner both drive this.
 */
import type { Proc } from '../shell';
import {
  containerShellEnvironment,
  hostLoginEnvironment,
  DYNAMIC_FILES,
  HOST_USERLAND,
  ShellSession,
  SimFs,
  loadShellRuntime,
  shellRuntimeLoaded,
} from '../shell';
import { HOST_ETC_HOSTS, HOST_HOSTNAME, HOST_RESOLV_CONF } from './default_world';
import { lineRefusal } from './line_refusal';
import { stripControl } from './share/text';
import { EVENT_BUDGET, Txn } from './transact';
import { StepRecorder } from './journey/steps';
import { LineRun } from './line_run';
import { terminalsOf } from './journal_terminals';
import type { World } from './world';
import type {
  JournalEntry,
  JournalLine,
  LineIo,
  LineResult,
  SimulationOptions,
  TerminalInfo,
} from './simulation_types';

export type {
  JournalClose,
  JournalEntry,
  JournalLine,
  JournalOpen,
  LineIo,
  LineResult,
  SimulationOptions,
  TerminalInfo,
} from './simulation_types';

const HOST_FILES: Record<string, string> = {
  '/etc/hostname': `${HOST_HOSTNAME}\n`,
  '/etc/hosts': HOST_ETC_HOSTS,
  '/etc/resolv.conf': HOST_RESOLV_CONF,
  '/root/.bashrc': '',
  '/tmp/.keep': '',
  '/var/run/.keep': '',
};

/**
 * How many lines undo can take back. Bounded like an editor's: each entry keeps the World before its line alive
 * (only what the line changed is new, ~170 KB per line at 1,000 containers), and a long session at classroom
 * scale kept hundreds of MB that the garbage collector walked. The journal (share links) keeps every line.
 */
export const UNDO_LIMIT = 100;

export class Simulation {
  world: World;
  /**
   * Every line run, in order: replaying it on a fresh World of the same seed rebuilds this World byte for
   * byte (share links and autosave are made of it). Undo entries remember how long it was, so undoing a line
   * also forgets it (and the lines after it that changed nothing).
   */
  private journalLines: JournalEntry[] = [];
  private readonly undoStack: { world: World; journal: number }[] = [];
  /**
   * What undo took out of the journal (`dropped`), the terminal entries it left in its place (`kept`), and the
   * shells it closed because their container was gone (`closed`, reopened by redo).
   */
  private readonly redoStack: {
    world: World;
    dropped: JournalEntry[];
    kept: JournalEntry[];
    closed: { info: TerminalInfo; session: ShellSession }[];
  }[] = [];
  private readonly terminals = new Map<string, { info: TerminalInfo; session: ShellSession }>();
  private readonly filesystems = new Map<string, SimFs>();
  private active: { session: ShellSession; txn: Txn } | null = null;
  /** The running line's Ctrl-C; kept for the next line while nothing aborted it. */
  private stopper = new AbortController();
  private nextTerminal = 1;
  private readonly opts: SimulationOptions;

  constructor(world: World, opts: SimulationOptions = {}) {
    this.world = world;
    this.opts = opts;
  }

  hostProc(): Proc {
    return {
      machine: 'host',
      ns: this.world.kernel.rootNs,
      hostname: HOST_HOSTNAME,
      flavour: 'gnu',
      userland: HOST_USERLAND,
    };
  }

  private fsFor(proc: Proc): SimFs {
    let fs = this.filesystems.get(proc.machine);
    if (!fs) {
      const files = proc.machine === 'host' ? HOST_FILES : (this.opts.machineFiles?.(proc, this.world) ?? {});
      fs = new SimFs({ '/tmp/.keep': '', ...files }, DYNAMIC_FILES, () => {
        const a = this.active;
        if (!a) throw new Error('sim: file access outside a line');
        return { proc: a.session.currentProc(), os: a.txn };
      });
      this.filesystems.set(proc.machine, fs);
    }
    return fs;
  }

  /** Load the shell runtime (just-bash and the command modules) ahead of the first line; safe to call many times. */
  static preloadShell(): Promise<unknown> {
    return loadShellRuntime();
  }

  /** The shell process a terminal on `machine` runs as ('host' or a container id), or null if there is none. */
  procFor(machine: string): Proc | null {
    if (machine === 'host') return this.hostProc();
    return this.opts.procFor?.(machine, this.world) ?? null;
  }

  /**
   * Open a terminal (a shell session) on a machine; loads the shell runtime on first use. Every terminal but
   * the first one of a session (the host terminal a replay starts with) is journaled. `id` is for replay.
   */
  async openTerminal(
    proc: Proc,
    parent: string | null = null,
    title?: string,
    id?: string,
  ): Promise<TerminalInfo> {
    const boot = this.nextTerminal === 1 && this.terminals.size === 0;
    const info = await this.addTerminal(proc, parent, title, id);
    if (!boot) {
      const machine = proc.machine;
      this.journalLines.push({ kind: 'open', terminal: info.id, machine, parent, title: info.title });
    }
    return info;
  }

  private async addTerminal(
    proc: Proc,
    parent: string | null,
    title: string | undefined,
    forcedId: string | undefined,
  ): Promise<TerminalInfo> {
    // The shell runtime is not awaited here: the prompt shows at once, the first line waits for it (run).
    let id: string;
    if (forcedId === undefined) {
      id = `t${this.nextTerminal++}`;
    } else {
      const m = /^t([1-9][0-9]{0,8})$/.exec(forcedId);
      if (!m || this.terminals.has(forcedId)) throw new Error(`sim: terminal id ${forcedId} is not free`);
      id = forcedId;
      this.nextTerminal = Math.max(this.nextTerminal, Number(m[1]) + 1);
    }
    const info: TerminalInfo = { id, proc, parent, title: title ?? proc.hostname };
    const session = new ShellSession({
      proc,
      fs: this.fsFor(proc),
      cwd: proc.machine === 'host' ? '/root' : '/',
      env: proc.machine === 'host' ? hostLoginEnvironment() : containerShellEnvironment(proc.hostname),
      // bash sets HOSTNAME for itself; a container's shell has it from Docker's environment.
      shellVars: { HOSTNAME: proc.hostname },
      fsFor: (p) => this.fsFor(p),
    });
    this.terminals.set(id, { info, session });
    return info;
  }

  terminal(id: string): TerminalInfo | null {
    return this.terminals.get(id)?.info ?? null;
  }

  /** The open terminals in the order they were opened (ids count up; redo puts closed ones back). */
  listTerminals(): TerminalInfo[] {
    const n = (id: string) => Number(id.slice(1));
    return [...this.terminals.values()].map((t) => t.info).sort((a, b) => n(a.id) - n(b.id));
  }

  /** Close a terminal the UI closed (journaled, so a replay closes it too). */
  closeTerminal(id: string): void {
    if (this.terminals.delete(id)) this.journalLines.push({ kind: 'close', terminal: id });
  }

  /** The prompt a terminal shows, as the real shell would print it. */
  prompt(id: string): string {
    const t = this.terminals.get(id);
    if (!t) return '$ ';
    const cwd =
      t.session.cwd === '/root' || t.session.cwd.startsWith('/root/')
        ? `~${t.session.cwd.slice(5)}`
        : t.session.cwd;
    const proc = t.info.proc;
    // Each shell's default prompt for root: BusyBox ash '\w # ', dash '# ', bash (and the host) 'user@host:\w# '.
    const shell =
      proc.shell ?? (proc.userland.shellName === 'sh' ? (proc.userland.busybox ? 'ash' : 'dash') : 'bash');
    switch (shell) {
      case 'sh':
        return proc.userland.busybox ? `${cwd} # ` : '# ';
      case 'ash':
        return `${cwd} # `;
      case 'dash':
        return '# ';
      default:
        return `root@${proc.hostname}:${cwd}# `;
    }
  }

  history(id: string): readonly string[] {
    return this.terminals.get(id)?.session.history ?? [];
  }

  /** Run one line in a terminal as one transaction (one undo entry when it changed the World). */
  async run(terminalId: string, typed: string, io: LineIo = {}): Promise<LineResult> {
    // What runs is what the journal keeps and a link replays: controls and bidi overrides are never typed
    // (only pasted or forged) and a link loses them on the way in (share/text.ts), so they go here too.
    const line = stripControl(typed);
    const t = this.terminals.get(terminalId);
    if (!t) throw new Error(`sim: no terminal ${terminalId}`);
    if (this.active) throw new Error('sim: a line is already running');
    if (!shellRuntimeLoaded()) {
      await loadShellRuntime();
      if (this.active) throw new Error('sim: a line is already running');
    }
    const before = this.world;
    const stderr = lineRefusal(line, t.info.proc, before);
    if (stderr !== null) {
      return {
        stdout: '',
        stderr,
        exitCode: 2,
        streamed: false,
        trace: [],
        before,
        after: before,
        opened: [],
        closed: false,
      };
    }
    const trimmed = line.trim();
    if (/^exit(\s+\d+)?$/.test(trimmed) && t.info.parent !== null) {
      // Journaled as the line it is (not a close): a container's main shell exiting stops the container.
      this.terminals.delete(terminalId);
      let after = before;
      if (t.info.proc.pid1 && this.opts.onMainShellExit) {
        const txn = new Txn(this.world, this.opts.hooks ?? {}, this.opts.checkInvariants ?? false);
        this.opts.onMainShellExit(t.info.proc, txn);
        if (txn.state !== before) {
          this.world = after = txn.state;
          this.pushUndo({ world: before, journal: this.journalLines.length });
          this.redoStack.length = 0;
        }
      }
      this.journalLines.push({ kind: 'line', terminal: terminalId, line });
      return {
        stdout: '',
        stderr: '',
        exitCode: 0,
        streamed: false,
        trace: [],
        before,
        after,
        opened: [],
        closed: true,
      };
    }
    // Ctrl-C (the caller's signal) and the deadline both interrupt the line through one controller, made
    // anew only after a line was interrupted (an AbortSignal costs microseconds to make, a line not many more).
    if (this.stopper.signal.aborted) this.stopper = new AbortController();
    const txn = new Txn(this.world, this.opts.hooks ?? {}, this.opts.checkInvariants ?? false);
    const rec = io.steps ? new StepRecorder() : null;
    if (rec) txn.record(rec);
    const env = new LineRun(txn, io, this.stopper, rec);
    const ctrlC = io.signal;
    const onCtrlC = () => env.abort();
    if (ctrlC?.aborted) env.abort();
    ctrlC?.addEventListener('abort', onCtrlC, { once: true });
    this.active = { session: t.session, txn };
    let outcome;
    try {
      outcome = await t.session.run(line, env);
    } finally {
      this.active = null;
      ctrlC?.removeEventListener('abort', onCtrlC);
    }
    if (txn.budgetExhausted) {
      // Not Linux's doing (a real loop melts the host down): say why the command saw packets vanish.
      const note =
        `playground: this line stopped after ${EVENT_BUDGET} packet deliveries and dropped the packets ` +
        'still in flight (a loop? without STP a bridge loop forwards broadcasts forever)\n';
      if (outcome.streamed) env.err(note);
      else outcome = { ...outcome, stderr: outcome.stderr + note };
    }
    this.world = txn.state;
    const opened: TerminalInfo[] = [];
    for (const [i, o] of env.toOpen.entries()) {
      const forced = io.terminalIds;
      if (forced && (i >= forced.length || this.terminals.has(forced[i] as string))) continue;
      opened.push(await this.addTerminal(o.proc, terminalId, o.title, forced?.[i]));
    }
    if (this.world !== before) {
      this.pushUndo({ world: before, journal: this.journalLines.length });
      this.redoStack.length = 0;
    }
    const entry: JournalLine = { kind: 'line', terminal: terminalId, line };
    if (opened.length > 0) entry.opened = opened.map((o) => o.id);
    if (env.interrupt !== undefined) entry.interrupt = env.interrupt;
    this.journalLines.push(entry);
    const result: LineResult = {
      stdout: outcome.stdout,
      stderr: outcome.stderr,
      exitCode: outcome.exitCode,
      streamed: outcome.streamed,
      trace: txn.traceSoFar.slice(),
      before,
      after: this.world,
      opened,
      closed: false,
    };
    if (rec) result.steps = rec.tape(before, this.world, txn.traceSoFar.length);
    return result;
  }

  canUndo(): boolean {
    return this.undoStack.length > 0;
  }

  canRedo(): boolean {
    return this.redoStack.length > 0;
  }

  /**
   * Undo forgets the lines from the undone one on, but not the terminals: those stay open in the UI, so their
   * opening and closing stay in the journal (a shell a forgotten line opened becomes an `open` entry).
   */
  undo(): boolean {
    const prev = this.undoStack.pop();
    if (!prev) return false;
    const dropped = this.journalLines.slice(prev.journal);
    const world = this.world;
    this.world = prev.world;
    // A shell in a container the undone lines created (or started) has nothing to run in any more.
    const closed = [...this.terminals.values()].filter(
      (t) => t.info.proc.machine !== 'host' && this.procFor(t.info.proc.machine) === null,
    );
    for (const t of closed) this.terminals.delete(t.info.id);
    const kept = terminalsOf(
      dropped,
      closed.map((t) => t.info.id),
      (id) => this.terminals.get(id)?.info,
    );
    this.redoStack.push({ world, dropped, kept, closed });
    this.journalLines = [...this.journalLines.slice(0, prev.journal), ...kept];
    return true;
  }

  /**
   * Redo puts the forgotten lines back at the end of the journal: lines typed since the undo changed nothing
   * and ran on the World before the redone lines, so that is their order. The terminal entries undo kept are
   * not repeated (an `open` stays where it is; a `close` comes back with the lines), and a terminal closed
   * since then is closed after the redone lines that ran in it.
   */
  redo(): boolean {
    const next = this.redoStack.pop();
    if (!next) return false;
    for (const t of next.closed) this.terminals.set(t.info.id, t);
    const keptOpens = new Set<JournalEntry>(next.kept.filter((e) => e.kind === 'open'));
    const keptCloses = new Set<JournalEntry>(next.kept.filter((e) => e.kind === 'close'));
    const usedByRedone = new Set(next.dropped.filter((e) => e.kind === 'line').map((e) => e.terminal));
    const later = (e: JournalEntry) => e.kind === 'close' && usedByRedone.has(e.terminal);
    const rest = this.journalLines.filter((e) => !keptCloses.has(e) && !later(e));
    const moved = this.journalLines.filter((e) => !keptCloses.has(e) && later(e));
    this.pushUndo({ world: this.world, journal: rest.length });
    this.world = next.world;
    this.journalLines = [...rest, ...next.dropped.filter((e) => !keptOpens.has(e)), ...moved];
    return true;
  }

  private pushUndo(entry: { world: World; journal: number }): void {
    this.undoStack.push(entry);
    if (this.undoStack.length > UNDO_LIMIT) this.undoStack.shift();
  }

  /** The lines that rebuild the current World from `world.seed` (see `replayJournal`). */
  journal(): readonly JournalEntry[] {
    return this.journalLines;
  }

  /** Replace the World (loading a bookmark); clears history. The journal no longer rebuilds it. */
  replaceWorld(w: World, journal: readonly JournalEntry[] = []): void {
    this.world = w;
    this.journalLines = [...journal];
    this.undoStack.length = 0;
    this.redoStack.length = 0;
  }
}
