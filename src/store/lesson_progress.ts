/**
 * Lesson progress kept in the browser (localStorage, one small JSON value): which steps of which lesson
 * passed, how each predict question went, and where the learner was. Nothing leaves the machine. Damaged or
 * missing storage is not an error: progress simply starts empty (and is not kept, when storage is refused).
 */
import type { StorageLike } from './persist';

export const PROGRESS_KEY = 'cnp.lessons';
const VERSION = 1;

export interface LessonProgress {
  /** Ids of the steps whose check passed at least once. */
  passed: string[];
  /** Predict questions answered: step id -> answered right. */
  predictions: Record<string, boolean>;
  /** The step the learner was on. */
  current: number;
}

export interface ProgressDoc {
  v: typeof VERSION;
  lessons: Record<string, LessonProgress>;
}

const empty = (): ProgressDoc => ({ v: VERSION, lessons: {} });

function isProgress(v: unknown): v is LessonProgress {
  if (typeof v !== 'object' || v === null) return false;
  const p = v as Record<string, unknown>;
  return (
    Array.isArray(p.passed) &&
    p.passed.every((x) => typeof x === 'string') &&
    typeof p.predictions === 'object' &&
    p.predictions !== null &&
    Object.values(p.predictions).every((x) => typeof x === 'boolean') &&
    Number.isInteger(p.current) &&
    (p.current as number) >= 0
  );
}

/** Parse stored progress; anything of the wrong shape is dropped (lesson by lesson). */
export function parseProgress(text: string | null): ProgressDoc {
  if (!text) return empty();
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return empty();
  }
  if (typeof raw !== 'object' || raw === null || (raw as { v?: unknown }).v !== VERSION) return empty();
  const lessons = (raw as { lessons?: unknown }).lessons;
  const doc = empty();
  if (typeof lessons !== 'object' || lessons === null) return doc;
  for (const [id, p] of Object.entries(lessons))
    if (/^[a-z][a-z0-9-]{0,63}$/.test(id) && isProgress(p)) doc.lessons[id] = p;
  return doc;
}

export class ProgressStore {
  private doc: ProgressDoc;

  constructor(private readonly storage: StorageLike | null) {
    let text: string | null;
    try {
      text = storage?.getItem(PROGRESS_KEY) ?? null;
    } catch {
      text = null;
    }
    this.doc = parseProgress(text);
  }

  get(lesson: string): LessonProgress {
    return this.doc.lessons[lesson] ?? { passed: [], predictions: {}, current: 0 };
  }

  all(): Readonly<Record<string, LessonProgress>> {
    return this.doc.lessons;
  }

  private update(lesson: string, f: (p: LessonProgress) => LessonProgress): void {
    this.doc = { ...this.doc, lessons: { ...this.doc.lessons, [lesson]: f(this.get(lesson)) } };
    try {
      this.storage?.setItem(PROGRESS_KEY, JSON.stringify(this.doc));
    } catch {
      // storage full or refused: progress lives for this tab only
    }
  }

  markPassed(lesson: string, step: string): void {
    this.update(lesson, (p) => (p.passed.includes(step) ? p : { ...p, passed: [...p.passed, step] }));
  }

  recordPrediction(lesson: string, step: string, correct: boolean): void {
    this.update(lesson, (p) => ({ ...p, predictions: { ...p.predictions, [step]: correct } }));
  }

  setCurrent(lesson: string, current: number): void {
    this.update(lesson, (p) => ({ ...p, current }));
  }

  reset(lesson: string): void {
    this.update(lesson, () => ({ passed: [], predictions: {}, current: 0 }));
  }
}
