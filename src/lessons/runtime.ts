/**
 * Running a lesson, as pure functions the store and the tests share: which step is current, whether its
 * check passes on a World and a trace, how a predict answer grades against the real output, and the
 * lesson's whole solution script.
 */
import type { World } from '../sim';
import type { CheckCtx, Lesson, Predict, Step, TraceEvent } from './types';
import { WorldQuery } from './world_query';

export function checkCtx(world: World, trace: readonly TraceEvent[]): CheckCtx {
  return { world, trace, q: new WorldQuery(world) };
}

/** Whether a step's check passes. A check that throws is a failed check (a lesson bug must not crash the UI). */
export function stepPasses(step: Step, world: World, trace: readonly TraceEvent[]): boolean {
  try {
    return step.check(checkCtx(world, trace));
  } catch {
    return false;
  }
}

export interface PredictGrade {
  correct: boolean;
  /** The right answer: a choice index, or the value the command printed. */
  expected: number | string;
}

export function normalizeValue(v: string): string {
  return v.trim().toLowerCase().replace(/\s+/g, ' ');
}

/** Grade an answer given before running `predict.command` against what it printed. */
export function gradePredict(p: Predict, given: number | string, output: string, world: World): PredictGrade {
  const q = new WorldQuery(world);
  if (p.kind === 'choice') {
    const expected = p.answer(output, q);
    return { correct: given === expected, expected };
  }
  const expected = p.answer(output, q);
  return { correct: normalizeValue(String(given)) === normalizeValue(expected), expected };
}

/** Whether a line typed is the predict command (what the panel waits for to grade the answer). */
export function isPredictCommand(p: Predict, line: string): boolean {
  return line.trim().replace(/\s+/g, ' ') === p.command.trim().replace(/\s+/g, ' ');
}

/** Every line the solution runs, in order: setup, then each step's solution (and predict command). */
export function solutionScript(lesson: Lesson, opts: { setup?: boolean } = {}): string[] {
  const lines: string[] = opts.setup === false ? [] : [...(lesson.setup ?? [])];
  for (const s of lesson.steps) {
    const p = s.predict && !s.solution.includes(s.predict.command) ? s.predict : null;
    if (p?.at === 'start') lines.push(p.command);
    lines.push(...s.solution);
    if (p && p.at !== 'start') lines.push(p.command);
  }
  return lines;
}
