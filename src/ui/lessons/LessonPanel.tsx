/**
 * The lesson panel: the current step's text, its commands (a click types one into the active terminal),
 * the check's status (re-checked after every command), hints after wrong tries, and the predict question,
 * answered before its command runs and graded on what the command really printed.
 */
import { useContext, useEffect, useState } from 'react';
import { useTranslation } from '../i18n';
import { useStore } from 'zustand';
import type { Step, StepText } from '../../lessons';
import { StoreContext } from '../store_context';
import { lessonLang, useLessonStore } from './lesson_context';
import { InlineText, RichText } from './RichText';
import { PredictBox } from './PredictBox';

export const BTN =
  'inline-flex items-center gap-1 rounded-md border border-slate-300 bg-white px-2.5 py-1 text-sm text-slate-800 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-blue-600 disabled:cursor-not-allowed disabled:opacity-45 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700';
export const PRIMARY =
  'inline-flex items-center gap-1 rounded-md border border-blue-700 bg-blue-700 px-2.5 py-1 text-sm font-semibold text-white hover:bg-blue-800 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-blue-600 disabled:cursor-not-allowed disabled:opacity-45 dark:border-blue-500';

/** Commands a step needs that the simulator lacks (`X --version` answers 127), checked once per step. */
function useMissing(step: Step | null): string[] {
  const app = useContext(StoreContext);
  const [found, setFound] = useState<{ needs: string; missing: string[] }>({ needs: '', missing: [] });
  const needs = step?.needs?.join(' ') ?? '';
  useEffect(() => {
    let live = true;
    if (!needs) return;
    void (async () => {
      const ns = app.getState().world?.kernel.rootNs ?? '';
      const missing: string[] = [];
      for (const c of needs.split(' '))
        if ((await app.getState().query(ns, `${c} --version`)).exitCode === 127) missing.push(c);
      if (live) setFound({ needs, missing });
    })();
    return () => {
      live = false;
    };
  }, [app, needs]);
  return found.needs === needs ? found.missing : [];
}

export function StepBody({ text, large }: { text: StepText; large?: boolean }) {
  return (
    <>
      <h3 className={large ? 'mb-3 text-2xl font-bold 2xl:text-3xl' : 'mb-1.5 text-base font-semibold'}>
        {text.title}
      </h3>
      <RichText
        text={text.body}
        className={large ? 'text-xl leading-relaxed 2xl:text-2xl' : 'text-sm leading-relaxed'}
      />
    </>
  );
}

export function LessonPanel() {
  const { t, i18n } = useTranslation();
  const lessons = useLessonStore();
  const app = useContext(StoreContext);
  const busy = useStore(app, (s) => s.running !== null);
  const l = useStore(lessons);
  const step = l.lesson?.steps[l.step] ?? null;
  const missing = useMissing(step);
  if (!l.lesson || !step) return null;
  const lang = lessonLang(i18n.language);
  const text = l.lesson.text[lang];
  const st = text.steps[step.id];
  if (!st) return null;
  const total = l.lesson.steps.length;
  const passed = l.passed[l.step] === true;
  const last = l.step === total - 1;
  const state = passed ? 'passed' : l.checkFailed ? 'failed' : 'waiting';
  const allDone = l.passed.every(Boolean);
  return (
    <section
      aria-label={t('lessons.panel')}
      data-testid="lesson-panel"
      className="flex h-full min-h-0 flex-col"
    >
      <header className="flex items-start gap-2 border-b border-slate-200 px-3 py-2 dark:border-slate-800">
        <div className="min-w-0 flex-1">
          <h2 className="truncate text-sm font-bold" title={text.title}>
            {text.title}
          </h2>
          <p className="text-xs text-slate-600 dark:text-slate-400">
            {t('lessons.stepOf', { n: l.step + 1, total })}
          </p>
        </div>
        <button
          type="button"
          className="rounded px-1.5 text-lg leading-none text-slate-600 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-600 dark:text-slate-300 dark:hover:bg-slate-800"
          aria-label={t('lessons.close')}
          title={t('lessons.close')}
          onClick={() => lessons.getState().close()}
        >
          ×
        </button>
      </header>
      <nav aria-label={t('lessons.stepsNav')} className="flex gap-1 px-3 pt-2">
        {l.lesson.steps.map((s, i) => (
          <button
            key={s.id}
            type="button"
            aria-current={i === l.step ? 'step' : undefined}
            aria-label={
              l.passed[i] ? t('lessons.stepDone', { n: i + 1 }) : t('lessons.stepTodo', { n: i + 1 })
            }
            onClick={() => lessons.getState().goto(i)}
            className={`h-2.5 flex-1 rounded-full focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 ${l.passed[i] ? 'bg-emerald-600' : 'bg-slate-300 dark:bg-slate-700'} ${i === l.step ? 'ring-2 ring-blue-600 ring-offset-1 dark:ring-offset-slate-900' : ''}`}
          />
        ))}
      </nav>
      <div className="min-h-0 flex-1 overflow-auto px-3 py-2">
        <StepBody text={st} />
        {missing.length > 0 && (
          <p className="mt-2 rounded bg-amber-100 px-2 py-1 text-xs text-amber-900 dark:bg-amber-950 dark:text-amber-200">
            {t('lessons.comingSoon', { commands: missing.join(', ') })}
          </p>
        )}
        {step.commands.length > 0 && (
          <div className="mt-2">
            <p className="mb-1 text-xs font-semibold text-slate-600 dark:text-slate-400">
              {t('lessons.tryThese')}
            </p>
            <ul className="flex flex-col gap-1">
              {step.commands.map((c) => (
                <li key={c}>
                  <button
                    type="button"
                    data-testid="lesson-cmd"
                    disabled={busy || l.starting}
                    title={t('lessons.typeTitle', { line: c })}
                    onClick={() => void lessons.getState().type(c)}
                    className="w-full rounded border border-slate-300 bg-slate-900 px-2 py-1 text-left font-mono text-xs break-all text-emerald-200 hover:bg-slate-800 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-blue-600 disabled:opacity-60 dark:border-slate-600"
                  >
                    <span aria-hidden className="text-slate-400">
                      ${' '}
                    </span>
                    {c}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        )}
        {step.predict && st.predict && <PredictBox key={`${l.lesson.id}/${step.id}`} step={step} text={st} />}
        <div
          role="status"
          aria-live="polite"
          data-testid="lesson-status"
          data-state={state}
          className={`mt-3 rounded px-2 py-1.5 text-sm ${passed ? 'bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200' : state === 'failed' ? 'bg-rose-100 text-rose-900 dark:bg-rose-950 dark:text-rose-200' : 'bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300'}`}
        >
          {passed ? (
            <>
              <strong>✓ {t('lessons.passed')}</strong>
              {st.done && (
                <>
                  {' '}
                  <InlineText text={st.done} />
                </>
              )}
              {allDone && last && <p className="mt-1 font-semibold">{t('lessons.allDone')}</p>}
            </>
          ) : state === 'failed' ? (
            l.hints > 0 ? (
              t('lessons.notYet')
            ) : (
              t('lessons.notYetNoHint')
            )
          ) : (
            t('lessons.waiting')
          )}
        </div>
        {l.hints > 0 && (
          <ol className="mt-2 flex flex-col gap-1 text-sm" data-testid="lesson-hints">
            {st.hints.slice(0, l.hints).map((h, i) => (
              <li
                key={i}
                className="rounded border-l-4 border-amber-500 bg-amber-50 px-2 py-1 dark:bg-amber-950/50"
              >
                <span className="mr-1 text-xs font-semibold text-amber-800 dark:text-amber-300">
                  {t('lessons.hint', { n: i + 1 })}
                </span>
                <InlineText text={h} />
              </li>
            ))}
          </ol>
        )}
      </div>
      <footer className="flex items-center gap-1.5 border-t border-slate-200 px-3 py-2 dark:border-slate-800">
        <button
          type="button"
          className={BTN}
          disabled={l.step === 0}
          onClick={() => lessons.getState().prev()}
        >
          ← {t('lessons.prev')}
        </button>
        <button
          type="button"
          className={BTN}
          disabled={busy}
          data-testid="lesson-check"
          onClick={() => lessons.getState().check()}
        >
          {t('lessons.check')}
        </button>
        <span className="flex-1" />
        {last ? (
          <button type="button" className={PRIMARY} onClick={() => lessons.getState().close()}>
            {t('lessons.finish')}
          </button>
        ) : (
          <button
            type="button"
            className={passed ? PRIMARY : BTN}
            data-testid="lesson-next"
            onClick={() => lessons.getState().next()}
          >
            {t('lessons.next')} →
          </button>
        )}
      </footer>
    </section>
  );
}
