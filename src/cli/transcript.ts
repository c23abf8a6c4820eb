/**
 * The transcript runner's core, separate from process I/O so tests can call it.
 */
import {
  buildJourney,
  createDefaultSimulation,
  journeyRows,
  type LineIo,
  type LineResult,
  type World,
} from '../sim';
import { InternalError } from '../shell';

export interface TranscriptOptions {
  seed: number;
  mode: 'plain' | 'echo' | 'json';
  trace: boolean;
  /** Check the kernel's invariants after every change (default; the app does not, so the bench turns it off). */
  checkInvariants?: boolean;
  /**
   * Start from this World (createDefaultWorld(seed)'s, made once) instead of booting one: the app starts
   * from the one its build precomputed, and the bench compares with a machine that has already booted.
   */
  world?: World;
}

/** Lines to run: blank lines and comments are skipped. */
export function scriptLines(script: string): string[] {
  return script
    .split('\n')
    .map((l) => l.replace(/\r$/, ''))
    .filter((l) => l.trim() !== '' && !l.trimStart().startsWith('#'));
}

/** Simulated-time limit for one line in a non-interactive run (a `ping` without `-c` must end). */
export const LINE_DEADLINE_US = 60_000_000;

export async function runTranscript(
  script: string,
  opts: TranscriptOptions,
  write: (s: string) => void,
  writeErr: (s: string) => void,
): Promise<number> {
  // Scripts are small: check the kernel's invariants after every change (a violation exits 70).
  const sim = createDefaultSimulation(
    opts.seed,
    { checkInvariants: opts.checkInvariants ?? true },
    opts.world,
  );
  const stack = [(await sim.openTerminal(sim.hostProc())).id];
  const lines = scriptLines(script);
  // One sink for every line (reset before each): what a line streamed while it ran.
  const sink = new Streamed();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const term = stack[stack.length - 1] as string;
    sink.stdout = '';
    sink.stderr = '';
    let r: LineResult;
    try {
      r = await sim.run(term, line, sink);
    } catch (e) {
      const cause = e instanceof InternalError ? e.cause : e;
      writeErr(
        `sim: internal error at line ${i + 1} (${line}): ${cause instanceof Error ? (cause.stack ?? cause.message) : String(cause)}\n`,
      );
      return 70;
    }
    const stdout = r.streamed ? sink.stdout : r.stdout;
    const stderr = r.streamed ? sink.stderr : r.stderr;
    if (r.closed) stack.pop();
    for (const t of r.opened) stack.push(t.id);
    // --trace: the line's packet journey, one row per kernel event (journey/text.ts journeyRows).
    const journey = opts.trace ? traceRows(r) : [];
    if (opts.mode === 'json') {
      const rec = { line, stdout, stderr, exitCode: r.exitCode };
      write(`${JSON.stringify(opts.trace ? { ...rec, journey } : rec)}\n`);
    } else {
      if (opts.mode === 'echo') write(`$ ${line}\n`);
      write(stdout);
      write(stderr);
      if (journey.length > 0) write(journey.map((row) => `# ${row}\n`).join(''));
    }
  }
  return 0;
}

/** A header (packets and events) and the rows of a line's journey; nothing for a line that moved no packet. */
function traceRows(r: LineResult): string[] {
  const j = buildJourney(r.trace, r.after, r.before);
  if (j.steps.length === 0) return [];
  const head = `journey: ${j.packets.length} packet${j.packets.length === 1 ? '' : 's'}, ${j.steps.length} event${j.steps.length === 1 ? '' : 's'}`;
  return [head, ...journeyRows(j)];
}

/** Where a line's streamed output collects (one for every line of a run, reset before each). */
class Streamed implements LineIo {
  stdout = '';
  stderr = '';
  // Nobody is there to press Ctrl-C: a line that would run forever is interrupted after a minute of
  // simulated time, as if Ctrl-C had been pressed then.
  readonly deadlineUs = LINE_DEADLINE_US;

  out(s: string): void {
    this.stdout += s;
  }

  err(s: string): void {
    this.stderr += s;
  }
}
