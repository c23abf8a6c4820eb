/** The lessons, in the order the lesson list shows them. Add a lesson here (docs/lessons.md). */
import type { Lesson } from '../types';
import { cnm } from './cnm';
import { none } from './none';
import { bridge } from './bridge';
import { publish } from './publish';
import { userbridge } from './userbridge';
import { host } from './host';
import { sidecar } from './sidecar';
import { pod } from './pod';
import { troubleshoot } from './troubleshoot';

export const LESSONS: readonly Lesson[] = [
  cnm,
  none,
  bridge,
  publish,
  userbridge,
  host,
  sidecar,
  pod,
  troubleshoot,
];
