/**
 * A running simulation: the current World, the terminals (one shell session each), and the undo history.
 * `run(terminal, line)` is the one entry point for user intent: it executes the line as one transaction and
 * returns its output, trace and diff. The browser store and the headless transcript runner both drive this.
 */
import type { Patch } from 'immer';
import type { KernelHooks, TraceEvent } from '../kernel';
import type { LineEnv, OsAccess, Proc } from '../shell';
import { COMMANDS, DYNAMIC_FILES, HOST_USERLAND, ShellSession, SimFs, loadJustBash } from '../shell';
import { HOST_ETC_HOSTS, HOST_HOSTNAME, HOST_RESOLV_CONF } from './default_world';
import { Txn } from './transact';
import type { World } from './world';

export interface TerminalInfo {
  id: string;
  proc: Proc;
  /** The terminal this one was opened from (`docker exec -it` in the host terminal), if any. */
  parent: string | null;
  title: string;
}

export interface LineIo {
  out?(text: string): void;
  err?(text: string): void;
  signal?: AbortSignal;
  pace?(us: number): Promise<void>;
}

export interface LineResult {
  stdout: string;
  stderr: string;
  exitCode: number;
  /** stdout/stderr were already delivered through LineIo.out/err while the line ran. */
  streamed: boolean;
  trace: TraceEvent[];
  patches: Patch[];
  before: World;
  after: World;
  /** Interactive shells the line opened (`docker run -it`, `docker exec -it ... sh`). */
  opened: TerminalInfo[];
  /** The terminal was closed by `exit`. */
  closed: boolean;
}

const HOST_FILES: Record<string, string> = {
  '/etc/hostname': `${HOST_HOSTNAME}\n`,
  '/etc/hosts': HOST_ETC_HOSTS,
  '/etc/resolv.conf': HOST_RESOLV_CONF,
  '/root/.bashrc': '',
  '/tmp/.keep': '',
  '/var/run/.keep': '',
};

/** One line of the journal: which terminal (by id, deterministic in opening order) and what was typed. */
export interface JournalEntry {
  terminal: string;
  line: string;
}

export interface SimulationOptions {
  hooks?: KernelHooks | ((w: World) => KernelHooks);
  /** A container's main shell (`docker run -it`, Proc.pid1) exited: the engine stops the container. */
  onMainShellExit?: (proc: Proc, os: OsAccess) => void;
  /** Check kernel invariants after every change (tests, the transcript runner); a violation is an internal error. */
  checkInvariants?: boolean;
  /** Procs of machines other than the host (containers), looked up when a shell is opened on one. */
  machineFiles?: (proc: Proc, world: World) => Record<string, string>;
}

export class Simulation {
  world: World;
  /**
   * Every line run, in order: replaying it on a fresh World of the same seed rebuilds this World byte for
   * byte (share links and autosave are made of it). Undo entries remember how long it was, so undoing a line
   * also forgets it (and the lines after it that changed nothing).
   */
  private journalLines: JournalEntry[] = [];
  private readonly undoStack: { world: World; journal: number }[] = [];
  private readonly redoStack: { world: World; journal: JournalEntry[] }[] = [];
  private readonly terminals = new Map<string, { info: TerminalInfo; session: ShellSession }>();
  private readonly filesystems = new Map<string, SimFs>();
  private active: { session: ShellSession; txn: Txn } | null = null;
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

  /** Load the shell runtime (just-bash) ahead of the first terminal; safe to call many times. */
  static preloadShell(): Promise<unknown> {
    return loadJustBash();
  }

  /** Open a terminal (a shell session) on a machine; loads the shell runtime on first use. */
  async openTerminal(proc: Proc, parent: string | null = null, title?: string): Promise<TerminalInfo> {
    await loadJustBash();
    const id = `t${this.nextTerminal++}`;
    const info: TerminalInfo = { id, proc, parent, title: title ?? proc.hostname };
    const isBusybox = proc.userland.shellName === 'sh';
    const session = new ShellSession({
      proc,
      commands: COMMANDS,
      fs: this.fsFor(proc),
      cwd: proc.machine === 'host' ? '/root' : '/',
      env: {
        HOME: '/root',
        HOSTNAME: proc.hostname,
        PATH: isBusybox
          ? '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'
          : '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
        USER: 'root',
      },
    });
    this.terminals.set(id, { info, session });
    return info;
  }

  terminal(id: string): TerminalInfo | null {
    return this.terminals.get(id)?.info ?? null;
  }

  listTerminals(): TerminalInfo[] {
    return [...this.terminals.values()].map((t) => t.info);
  }

  closeTerminal(id: string): void {
    this.terminals.delete(id);
  }

  /** The prompt a terminal shows, as the real shell would print it. */
  prompt(id: string): string {
    const t = this.terminals.get(id);
    if (!t) return '$ ';
    if (t.info.proc.userland.shellName === 'sh') return '/ # ';
    const cwd = t.session.cwd === '/root' ? '~' : t.session.cwd;
    return `root@${t.info.proc.hostname}:${cwd}# `;
  }

  history(id: string): readonly string[] {
    return this.terminals.get(id)?.session.history ?? [];
  }

  /** Run one line in a terminal as one transaction (one undo entry when it changed the World). */
  async run(terminalId: string, line: string, io: LineIo = {}): Promise<LineResult> {
    const t = this.terminals.get(terminalId);
    if (!t) throw new Error(`sim: no terminal ${terminalId}`);
    if (this.active) throw new Error('sim: a line is already running');
    const before = this.world;
    const trimmed = line.trim();
    if (/^exit(\s+\d+)?$/.test(trimmed) && t.info.parent !== null) {
      this.terminals.delete(terminalId);
      let after = before;
      if (t.info.proc.pid1 && this.opts.onMainShellExit) {
        const txn = new Txn(this.world, this.opts.hooks ?? {}, this.opts.checkInvariants ?? false);
        this.opts.onMainShellExit(t.info.proc, txn);
        if (txn.state !== before) {
          this.world = after = txn.state;
          this.undoStack.push({ world: before, journal: this.journalLines.length });
          this.redoStack.length = 0;
        }
      }
      this.journalLines.push({ terminal: terminalId, line });
      return {
        stdout: '',
        stderr: '',
        exitCode: 0,
        streamed: false,
        trace: [],
        patches: [],
        before,
        after,
        opened: [],
        closed: true,
      };
    }
    const txn = new Txn(this.world, this.opts.hooks ?? {}, this.opts.checkInvariants ?? false);
    const toOpen: { proc: Proc; title: string | undefined }[] = [];
    const env: LineEnv = {
      os: txn,
      signal: io.signal ?? new AbortController().signal,
      out: (s) => io.out?.(s),
      err: (s) => io.err?.(s),
      pace: (us) => io.pace?.(us) ?? Promise.resolve(),
      openShell: (proc, title) => {
        toOpen.push({ proc, title });
      },
    };
    this.active = { session: t.session, txn };
    let outcome;
    try {
      outcome = await t.session.run(line, env);
    } finally {
      this.active = null;
    }
    this.world = txn.state;
    const opened: TerminalInfo[] = [];
    for (const o of toOpen) opened.push(await this.openTerminal(o.proc, terminalId, o.title));
    if (this.world !== before) {
      this.undoStack.push({ world: before, journal: this.journalLines.length });
      this.redoStack.length = 0;
    }
    this.journalLines.push({ terminal: terminalId, line });
    return {
      ...outcome,
      trace: [...txn.traceSoFar],
      patches: txn.patches,
      before,
      after: this.world,
      opened,
      closed: false,
    };
  }

  canUndo(): boolean {
    return this.undoStack.length > 0;
  }

  canRedo(): boolean {
    return this.redoStack.length > 0;
  }

  undo(): boolean {
    const prev = this.undoStack.pop();
    if (!prev) return false;
    this.redoStack.push({ world: this.world, journal: this.journalLines.slice(prev.journal) });
    this.world = prev.world;
    this.journalLines = this.journalLines.slice(0, prev.journal);
    return true;
  }

  redo(): boolean {
    const next = this.redoStack.pop();
    if (!next) return false;
    this.undoStack.push({ world: this.world, journal: this.journalLines.length });
    this.world = next.world;
    this.journalLines = [...this.journalLines, ...next.journal];
    return true;
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
