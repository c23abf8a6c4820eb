/** Every lesson speaks both languages: the same steps, hints, predict questions and choices in each. */
import { describe, expect, it } from 'vitest';
import { LESSONS, LESSON_LANGS } from './index';

describe.each(LESSONS.map((l) => [l.id, l] as const))('lesson %s text', (_id, lesson) => {
  it.each(LESSON_LANGS.map((l) => [l]))('%s covers every step, and nothing else', (lang) => {
    const t = lesson.text[lang];
    expect(t.title.trim()).not.toBe('');
    expect(t.summary.trim()).not.toBe('');
    expect(Object.keys(t.steps).sort()).toEqual(lesson.steps.map((s) => s.id).sort());
    for (const s of lesson.steps) {
      const st = t.steps[s.id];
      expect(st?.title.trim(), `${s.id} title`).toBeTruthy();
      expect(st?.body.trim(), `${s.id} body`).toBeTruthy();
      expect(st?.hints.length, `${s.id} hints`).toBeGreaterThan(0);
      expect(Boolean(st?.predict), `${s.id} predict text`).toBe(Boolean(s.predict));
      if (s.predict) expect(st?.predict?.explain.trim(), `${s.id} explain`).toBeTruthy();
    }
  });

  it('has at least one predict-the-output question', () => {
    expect(lesson.steps.some((s) => s.predict)).toBe(true);
  });

  it('gives the same number of hints in both languages', () => {
    for (const s of lesson.steps)
      expect(lesson.text['zh-CN'].steps[s.id]?.hints.length, s.id).toBe(
        lesson.text.en.steps[s.id]?.hints.length,
      );
  });

  it('keeps commands the same in both languages (tool names and flags are never translated)', () => {
    for (const s of lesson.steps) {
      const codes = (x: string | undefined) =>
        (x?.match(/`[^`]+`/g) ?? [])
          .filter((c) => /^`(docker|ip|iptables|ping|route|brctl|bridge|curl)\b/.test(c))
          .sort();
      expect(codes(lesson.text['zh-CN'].steps[s.id]?.hints.join(' ')), `${s.id} hints`).toEqual(
        codes(lesson.text.en.steps[s.id]?.hints.join(' ')),
      );
    }
  });
});

it('lesson ids are unique and URL-safe', () => {
  const ids = LESSONS.map((l) => l.id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const id of ids) expect(id).toMatch(/^[a-z][a-z0-9-]*$/);
});
