/**
 * The types of a running simulation's interface (simulation.ts): terminals, a line's I/O and result, the
 * journal that rebuilds a World, and the options the layers above pass in.
 */
import type { KernelHooks, TraceEvent } from '../kernel';
import type { OsAccess, Proc } from '../shell';
import type { StepTape } from './journey/steps';
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
  /**
   * Simulated time the line may take before it is interrupted as by Ctrl-C (non-interactive runs: a `ping`
   * without `-c` or a `sleep 1d` must end). Unset: only the signal stops it.
   */
  deadlineUs?: number;
  pace?(us: number): Promise<void>;
  /** The terminal's width in columns (what a program on it reads with TIOCGWINSZ). */
  columns?: number;
  /** Step mode: record the World at every kernel event of the line (`LineResult.steps`). */
  steps?: boolean;
  /**
   * Ids for the shells this line opens (replay keeps the recorded ids); opens beyond the list are not made.
   * Absent: the next free ids.
   */
  terminalIds?: readonly string[];
}

export interface LineResult {
  stdout: string;
  stderr: string;
  exitCode: number;
  /** stdout/stderr were already delivered through LineIo.out/err while the line ran. */
  streamed: boolean;
  trace: TraceEvent[];
  /** The World at every kernel event, when the line ran in step mode. */
  steps?: StepTape;
  before: World;
  after: World;
  /** Interactive shells the line opened (`docker run -it`, `docker exec -it ... sh`). */
  opened: TerminalInfo[];
  /** The terminal was closed by `exit`. */
  closed: boolean;
}

/**
 * One entry of the journal: a line typed in a terminal, or a terminal the UI opened or closed by itself
 * (a second host tab, a container card's "open shell"). Terminal ids are recorded, not re-derived, so a
 * replay gives every terminal the id it had even after undo skipped the line that first opened it.
 */
export type JournalEntry = JournalLine | JournalOpen | JournalClose;

export interface JournalLine {
  kind: 'line';
  terminal: string;
  line: string;
  /** Ids of the interactive shells the line opened (`docker exec -it`), in order; absent when none. */
  opened?: readonly string[];
  /**
   * Ctrl-C: the line was interrupted while its `pace` call number N (1-based; 0 = before any) was waiting.
   * Commands stop at the pace they are in, so the replay aborts at the same simulated instant.
   */
  interrupt?: number;
}

export interface JournalOpen {
  kind: 'open';
  terminal: string;
  /** 'host' or a container id: the shell is rebuilt from the World through `SimulationOptions.procFor`. */
  machine: string;
  parent: string | null;
  title: string;
}

export interface JournalClose {
  kind: 'close';
  terminal: string;
}

export interface SimulationOptions {
  hooks?: KernelHooks | ((w: World) => KernelHooks);
  /** A container's main shell (`docker run -it`, Proc.pid1) exited: the engine stops the container. */
  onMainShellExit?: (proc: Proc, os: OsAccess) => void;
  /** Check kernel invariants after every change (tests, the transcript runner); a violation is an internal error. */
  checkInvariants?: boolean;
  /** Procs of machines other than the host (containers), looked up when a shell is opened on one. */
  machineFiles?: (proc: Proc, world: World) => Record<string, string>;
  /**
   * The shell process of a machine other than the host (a container id), for terminals the journal reopens;
   * null when the machine does not exist (then the terminal and its lines are skipped).
   */
  procFor?: (machine: string, world: World) => Proc | null;
}
