/**
 * Where a lesson reports that one of its steps passed, for whoever listens (the embed API tells the course
 * page with `cnp:step-passed`). The lesson engine calls `stepPassed`; nothing here knows about lessons.
 */
export type StepListener = (lesson: string, step: string | number) => void;

export class LessonEvents {
  private readonly listeners = new Set<StepListener>();

  stepPassed(lesson: string, step: string | number): void {
    for (const l of this.listeners) l(lesson, step);
  }

  onStepPassed(l: StepListener): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }
}

/** The app's one channel (a page runs one app). */
export const lessonEvents = new LessonEvents();
