/**
 * One running line as the shell session sees it (LineEnv): its transaction, where its output goes, its pace
 * calls and the Ctrl-C that may stop it. A class rather than an object of closures made per line: the
 * transcript runner and a pasted script run thousands of lines, and each line's five closures were allocated
 * (and, under tsx's keepNames, renamed through defineProperty) for nothing.
 */
import type { LineEnv, Proc } from '../shell';
import type { StepRecorder } from './journey/steps';
import type { Txn } from './transact';

/** What Simulation.run needs of the caller's LineIo here. */
export interface LineSink {
  out?(text: string): void;
  err?(text: string): void;
  pace?(us: number): Promise<void>;
  deadlineUs?: number;
  /** The terminal's width in columns (ls lays names out to it). */
  columns?: number;
}

const settled = Promise.resolve();

export class LineRun implements LineEnv {
  readonly os: Txn;
  readonly signal: AbortSignal;
  /** Pace calls so far: Ctrl-C is journaled as the number of the pace it came in (replay stops there). */
  paces = 0;
  /** The pace number the line was interrupted at, if it was. */
  interrupt: number | undefined = undefined;
  /** Shells the line asked to open, in order. */
  readonly toOpen: { proc: Proc; title: string | undefined }[] = [];
  private readonly io: LineSink;
  private readonly stop: AbortController;
  private readonly rec: StepRecorder | null;
  private readonly startUs: number;

  /** `stop` must not be aborted yet; it is the line's Ctrl-C (and may be reused by the next line if it is not). */
  constructor(txn: Txn, io: LineSink, stop: AbortController, rec: StepRecorder | null) {
    this.os = txn;
    this.io = io;
    this.stop = stop;
    this.signal = stop.signal;
    this.rec = rec;
    this.startUs = txn.state.clock.nowUs;
  }

  /** Ctrl-C (the caller's signal, or the deadline): remembered as the pace it came in. */
  abort(): void {
    if (this.signal.aborted) return;
    this.interrupt ??= this.paces;
    this.stop.abort();
  }

  get columns(): number | undefined {
    return this.io.columns;
  }

  out(s: string): void {
    this.rec?.output('out', s, this.os.traceSoFar.length);
    this.io.out?.(s);
  }

  err(s: string): void {
    this.rec?.output('err', s, this.os.traceSoFar.length);
    this.io.err?.(s);
  }

  pace(us: number): Promise<void> {
    this.paces++;
    // The deadline is Ctrl-C pressed while this pace waits: journaled as this pace's number, it stops a
    // replay at the same instant (checked inside a mutate, it came a mutate before any pace a replay sees).
    const deadline = this.io.deadlineUs;
    if (
      deadline !== undefined &&
      !this.signal.aborted &&
      this.os.state.clock.nowUs - this.startUs >= deadline
    )
      this.abort();
    return this.io.pace?.(us) ?? settled;
  }

  openShell(proc: Proc, title?: string): void {
    this.toOpen.push({ proc, title });
  }
}
