/**
 * Predict the output: pick a choice (or type a value), lock it in, then run the command; the grade comes
 * from what the command printed (the lesson store grades it when that line runs).
 */
import { useContext, useState } from 'react';
import { useTranslation } from '../i18n';
import { useStore } from 'zustand';
import type { Step, StepText } from '../../lessons';
import { StoreContext } from '../store_context';
import { useLessonStore } from './lesson_context';
import { InlineText } from './RichText';

const SMALL =
  'inline-flex items-center gap-1 rounded-md border px-2 py-0.5 text-sm focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-blue-600 disabled:cursor-not-allowed disabled:opacity-45';

export function PredictBox({ step, text, large }: { step: Step; text: StepText; large?: boolean }) {
  const { t } = useTranslation();
  const lessons = useLessonStore();
  const app = useContext(StoreContext);
  const busy = useStore(app, (s) => s.running !== null);
  const answer = useStore(lessons, (s) => s.answer);
  const grade = useStore(lessons, (s) => s.grade);
  const [draft, setDraft] = useState<string>('');
  const p = step.predict;
  const pt = text.predict;
  if (!p || !pt) return null;
  const locked = answer !== null;
  const choiceText = (i: number) => pt.choices?.[i] ?? t('lessons.choice', { n: i + 1 });
  const shown = (v: number | string) => (p.kind === 'choice' ? choiceText(Number(v)) : String(v));
  return (
    <fieldset
      data-testid="predict"
      className={`mt-3 rounded-md border-2 border-violet-400 bg-violet-50 p-2 dark:border-violet-700 dark:bg-violet-950/40 ${large ? 'text-xl' : 'text-sm'}`}
    >
      <legend className="px-1 text-xs font-bold tracking-wide text-violet-800 uppercase dark:text-violet-300">
        {t('lessons.predictTitle')}
      </legend>
      <p className="mb-1.5 font-medium">
        <InlineText text={pt.question} />
      </p>
      {!locked && (
        <p className="mb-1.5 text-xs text-slate-600 dark:text-slate-400">{t('lessons.predictFirst')}</p>
      )}
      {p.kind === 'choice' ? (
        <div role="radiogroup" aria-label={t('lessons.yourAnswer')} className="flex flex-col gap-1">
          {Array.from({ length: p.choices }, (_, i) => (
            <label key={i} className="flex cursor-pointer items-start gap-2">
              <input
                type="radio"
                name={`predict-${step.id}`}
                value={i}
                disabled={locked}
                checked={locked ? answer === i : draft === String(i)}
                onChange={() => setDraft(String(i))}
                className="mt-1"
              />
              <span>
                <InlineText text={choiceText(i)} />
              </span>
            </label>
          ))}
        </div>
      ) : (
        <input
          type="text"
          aria-label={t('lessons.yourAnswer')}
          disabled={locked}
          value={locked ? String(answer) : draft}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && draft.trim()) lessons.getState().answerPredict(draft.trim());
          }}
          className="w-full rounded border border-slate-300 bg-white px-2 py-1 font-mono dark:border-slate-600 dark:bg-slate-900"
        />
      )}
      <div className="mt-2 flex flex-wrap items-center gap-1.5">
        {!locked ? (
          <button
            type="button"
            data-testid="predict-lock"
            disabled={draft.trim() === ''}
            className={`${SMALL} border-violet-700 bg-violet-700 font-semibold text-white hover:bg-violet-800`}
            onClick={() =>
              lessons.getState().answerPredict(p.kind === 'choice' ? Number(draft) : draft.trim())
            }
          >
            {t('lessons.lockAnswer')}
          </button>
        ) : (
          !grade && (
            <button
              type="button"
              data-testid="predict-run"
              disabled={busy}
              className={`${SMALL} border-violet-700 bg-violet-700 font-semibold text-white hover:bg-violet-800`}
              onClick={() => void lessons.getState().type(p.command)}
            >
              {t('lessons.runIt')}: <code className="font-mono">{p.command}</code>
            </button>
          )
        )}
      </div>
      {grade && answer !== null && (
        <div
          role="status"
          data-testid="predict-result"
          data-correct={grade.correct}
          className={`mt-2 rounded px-2 py-1 ${grade.correct ? 'bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200' : 'bg-rose-100 text-rose-900 dark:bg-rose-950 dark:text-rose-200'}`}
        >
          <strong>
            {grade.correct ? t('lessons.correct') : t('lessons.wrong', { expected: shown(grade.expected) })}
          </strong>{' '}
          <InlineText text={pt.explain} />
        </div>
      )}
    </fieldset>
  );
}
