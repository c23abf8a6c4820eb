/** Lessons that check themselves: the format, the catalogue, the checks' helpers and the runtime. */
export * from './types';
export { LESSONS } from './catalog';
export { WorldQuery, type Device, type Container, type Network, type Endpoint } from './world_query';
export { echoRepliesIn, pingedOk, dnats, snats, drops, tcpDelivered } from './trace_query';
export {
  checkCtx,
  stepPasses,
  gradePredict,
  normalizeValue,
  isPredictCommand,
  solutionScript,
  type PredictGrade,
} from './runtime';
export { LessonDriver, type DriverLine } from './driver';
import { LESSONS } from './catalog';
import type { Lesson } from './types';

export function lessonById(id: string): Lesson | null {
  return LESSONS.find((l) => l.id === id) ?? null;
}
