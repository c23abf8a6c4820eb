/**
 * Every lesson is a test: its solution runs through the simulator step by step; each step's check must fail
 * before its solution (unless the step only asks to look) and pass after it; each predict question's answer
 * must come out of the real command's output; alternative fixes must pass and forbidden ones must not.
 */
import { describe, expect, it } from 'vitest';
import { createDefaultWorld } from '../sim';
import {
  LESSONS,
  LESSON_LANGS,
  LessonDriver,
  WorldQuery,
  stepPasses,
  type Lesson,
  type Step,
  type TraceEvent,
} from './index';

const SEED = 1;

async function driveTo(lesson: Lesson, stepIndex: number): Promise<LessonDriver> {
  const d = await LessonDriver.start(SEED);
  for (const l of lesson.setup ?? []) await d.run(l);
  for (const s of lesson.steps.slice(0, stepIndex)) {
    for (const l of s.solution) await d.run(l);
  }
  return d;
}

async function runLines(d: LessonDriver, lines: readonly string[]): Promise<TraceEvent[]> {
  const trace: TraceEvent[] = [];
  for (const l of lines) trace.push(...(await d.run(l)).trace);
  return trace;
}

/** Commands steps need that this simulator does not have yet (`bash: X: command not found`). */
const MISSING = await (async () => {
  const d = await LessonDriver.start(SEED);
  const missing = new Set<string>();
  for (const c of new Set(LESSONS.flatMap((l) => l.steps.flatMap((s) => s.needs ?? []))))
    if ((await d.run(`${c} --version`)).exitCode === 127) missing.add(c);
  return missing;
})();
const waiting = (s: Step): boolean => (s.needs ?? []).some((c) => MISSING.has(c));

/** The predict command's real output gives the author's expected answer, and the text has every choice. */
async function predictAgrees(lesson: Lesson, step: Step, d: LessonDriver): Promise<void> {
  const p = step.predict;
  if (!p) return;
  const r = await d.run(p.command);
  const got = p.answer(r.output, new WorldQuery(d.world));
  expect(got, `${lesson.id}/${step.id}: predict answer from\n${r.output}`).toBe(p.expected);
  for (const lang of LESSON_LANGS) {
    const t = lesson.text[lang].steps[step.id]?.predict;
    expect(t?.question, `${lang} ${step.id} predict question`).toBeTruthy();
    if (p.kind === 'choice') expect(t?.choices?.length, `${lang} ${step.id} choices`).toBe(p.choices);
  }
}

describe.each(LESSONS.map((l) => [l.id, l] as const))('lesson %s', (_id, lesson) => {
  it('walks through: every check fails before its solution and passes after it', async () => {
    const d = await LessonDriver.start(SEED);
    for (const l of lesson.setup ?? []) {
      const r = await d.run(l);
      expect(r.exitCode, `setup: ${l}: ${r.output}`).toBe(0);
    }
    for (const step of lesson.steps) {
      if (waiting(step)) continue;
      if (!step.passesBefore) expect(stepPasses(step, d.world, []), `${step.id} passes before`).toBe(false);
      if (step.predict?.at === 'start') await predictAgrees(lesson, step, d);
      const trace = await runLines(d, step.solution);
      expect(stepPasses(step, d.world, trace), `${step.id} fails after its solution`).toBe(true);
      if (step.predict && step.predict.at !== 'start') await predictAgrees(lesson, step, d);
    }
  });

  for (const s of lesson.steps.filter(waiting))
    it.skip(`${s.id}: runs once the simulator has ${(s.needs ?? []).join(', ')}`, () => undefined);

  it('checks fail on a fresh world where they should', () => {
    const fresh = createDefaultWorld(SEED);
    for (const step of lesson.steps.filter((s) => !s.passesBefore))
      expect(stepPasses(step, fresh, []), step.id).toBe(false);
  });

  const withAlternatives = lesson.steps.flatMap((s, i) => [
    ...(s.alternatives ?? []).map((a) => ({ i, s, lines: a, ok: true })),
    ...(s.wrong ?? []).map((a) => ({ i, s, lines: a, ok: false })),
  ]);
  if (withAlternatives.length > 0)
    it.each(
      withAlternatives.map((x) => [x.s.id, x.ok ? 'accepts' : 'rejects', x.lines.join(' ; '), x] as const),
    )('%s %s: %s', async (_s, _v, _l, x) => {
      const d = await driveTo(lesson, x.i);
      const trace = await runLines(d, x.lines);
      expect(stepPasses(x.s, d.world, trace)).toBe(x.ok);
    });
});
