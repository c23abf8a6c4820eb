/** The lessons, in the order the lesson list shows them. Add a lesson here (docs/lessons.md). */
import type { Lesson } from '../types';
import { cnm } from './cnm';

export const LESSONS: readonly Lesson[] = [cnm];
