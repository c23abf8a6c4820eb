/**
 * The lesson format (docs/lessons.md explains it for authors). A lesson is one file of behaviour (steps,
 * checks, solution lines, predict questions) plus one file of text per language; the behaviour never holds
 * text and the text never holds behaviour, so a translator touches only the text files.
 *
 * A check is a predicate over the World and the trace of the lines run since the step began, never over the
 * text typed: any correct way of getting there passes.
 */
import type { LineResult, World } from '../sim';
import type { WorldQuery } from './world_query';

export const LESSON_LANGS = ['en', 'zh-CN'] as const;
export type LessonLang = (typeof LESSON_LANGS)[number];

/** One trace event (a hop, a table lookup, a rule that matched...), as the simulation reports it. */
export type TraceEvent = LineResult['trace'][number];

/** What a check sees. */
export interface CheckCtx {
  world: World;
  /** Trace events of every line run since the step was shown (oldest first). */
  trace: readonly TraceEvent[];
  /** Query helpers bound to `world`. */
  q: WorldQuery;
}

export type Check = (c: CheckCtx) => boolean;

/**
 * Predict the output: asked before the command runs, graded on what the command really printed.
 * `answer` reads that output and returns the right choice's index (choice questions) or the right value
 * (value questions, compared after trimming and lower-casing). `q` is the World after the command ran.
 */
export type Predict = PredictBase &
  (
    | {
        kind: 'choice';
        /** The command whose output answers the question (typed by the "run it" button). */
        command: string;
        /** How many choices the text files give. */
        choices: number;
        answer: (output: string, q: WorldQuery) => number;
      }
    | {
        kind: 'value';
        command: string;
        answer: (output: string, q: WorldQuery) => string;
      }
  );

interface PredictBase {
  /**
   * When the question is about: 'start' = the state the step begins in (before fixing anything), 'end'
   * (default) = after the step's solution. The panel grades whenever the command is run; the lesson test
   * runs it at this point and checks that `expected` is what the simulator prints.
   */
  at?: 'start' | 'end';
  /** The author's answer (choice index or value); the lesson test fails if the simulator disagrees. */
  expected: number | string;
}

/**
 * What the graph highlights while a step is shown, named the way the graph labels things: the namespace box
 * a container runs in, a container card, or a device (in a container's namespace, or the host's when
 * `container` is null). `role` is the CNM word that names it, shown as a badge.
 */
export type Highlight = { role?: 'sandbox' | 'endpoint' | 'network' } & (
  | { kind: 'sandbox'; container: string }
  | { kind: 'container'; container: string }
  | { kind: 'dev'; container: string | null; dev: string }
);

export interface Step {
  /** Stable id: progress and the text files refer to it. */
  id: string;
  /** Commands offered as buttons: a click types the line into the active terminal. */
  commands: readonly string[];
  /**
   * Lines that make the check pass from the state the previous steps left, run in the innermost open shell
   * (a `docker run -it` opens one, `exit` leaves it). Together they are the lesson's solution script.
   */
  solution: readonly string[];
  check: Check;
  /**
   * Other solution scripts that must pass too (challenges accept several fixes), and scripts that must not
   * (a fix the challenge forbids); the lesson test runs each from the state before the step.
   */
  alternatives?: readonly (readonly string[])[];
  wrong?: readonly (readonly string[])[];
  /** The check may already pass when the step is shown (a step that asks only to look). Default false. */
  passesBefore?: boolean;
  predict?: Predict;
  highlight?: (q: WorldQuery) => Highlight[];
  /**
   * Commands the simulator may not ship yet (e.g. `curl`): while any is missing the step is shown as
   * "coming soon" and the lesson test reports it as pending instead of running its solution.
   */
  needs?: readonly string[];
}

export interface Lesson {
  /** Stable id, used in URLs (`?lesson=bridge`) and in saved progress. */
  id: string;
  /** Lines run in the host terminal when the lesson starts, out of sight (a challenge's broken setup). */
  setup?: readonly string[];
  steps: readonly Step[];
  text: Record<LessonLang, LessonText>;
}

export interface StepText {
  title: string;
  /** Paragraphs separated by a blank line; `code` in backticks. */
  body: string;
  /** Shown one at a time after wrong tries. */
  hints: readonly string[];
  /** Shown when the check passes. */
  done?: string;
  predict?: {
    question: string;
    /** Choice questions: one text per choice, in the order `Predict.answer` numbers them. */
    choices?: readonly string[];
    /** Shown after grading, right or wrong. */
    explain: string;
  };
}

export interface LessonText {
  title: string;
  summary: string;
  steps: Record<string, StepText>;
}
