/** The lesson list: every lesson with its summary and saved progress; Start replaces the session. */
import { useContext, useEffect } from 'react';
import { useTranslation } from '../i18n';
import { useStore } from 'zustand';
import { Modal, BTN, BTN_PRIMARY } from '../dialogs/Modal';
import { StoreContext } from '../store_context';
import { lessonLang, useLessonStore } from './lesson_context';

export function LessonList({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const lessons = useLessonStore();
  const app = useContext(StoreContext);
  const saved = useStore(lessons, (s) => s.saved);
  const catalog = useStore(lessons, (s) => s.catalog) ?? [];
  useEffect(() => {
    void lessons.getState().loadCatalog();
  }, [lessons]);
  const lang = lessonLang(i18n.language);
  const start = (id: string, at = 0) => {
    const journal = app.getState().scenario()?.journal.length ?? 0;
    if (journal > 0 && !window.confirm(t('lessons.startConfirm'))) return;
    onClose();
    void lessons.getState().start(id, at);
  };
  return (
    <Modal title={t('lessons.listTitle')} onClose={onClose} id="lessons">
      <p className="mb-3 text-sm text-slate-700 dark:text-slate-300">{t('lessons.listIntro')}</p>
      <ol className="flex max-h-[60vh] flex-col gap-2 overflow-auto pr-1" data-testid="lesson-list">
        {catalog.map((l, i) => {
          const done = saved[l.id]?.passed.filter((p) => l.steps.some((s) => s.id === p)).length ?? 0;
          const current = Math.min(saved[l.id]?.current ?? 0, l.steps.length - 1);
          const resumeAt = done < l.steps.length ? current : 0;
          return (
            <li
              key={l.id}
              className="flex items-start gap-3 rounded-lg border border-slate-200 p-2 dark:border-slate-700"
            >
              <span className="mt-0.5 w-5 shrink-0 text-right font-mono text-sm text-slate-500">{i + 1}</span>
              <div className="min-w-0 flex-1">
                <h3 className="text-sm font-semibold">{l.text[lang].title}</h3>
                <p className="text-xs text-slate-600 dark:text-slate-400">{l.text[lang].summary}</p>
                {done > 0 && (
                  <p className="mt-0.5 text-xs font-medium text-emerald-700 dark:text-emerald-400">
                    {done === l.steps.length ? '✓ ' : ''}
                    {t('lessons.progress', { done, total: l.steps.length })}
                  </p>
                )}
              </div>
              <div className="flex shrink-0 flex-col items-end gap-1">
                <button
                  type="button"
                  data-lesson={l.id}
                  className={done > 0 ? BTN : BTN_PRIMARY}
                  onClick={() => start(l.id)}
                >
                  {done > 0 ? t('lessons.restart') : t('lessons.start')}
                </button>
                {resumeAt > 0 && (
                  <button type="button" className={BTN_PRIMARY} onClick={() => start(l.id, resumeAt)}>
                    {t('lessons.resume', { n: resumeAt + 1 })}
                  </button>
                )}
              </div>
            </li>
          );
        })}
      </ol>
      <div className="mt-3 flex justify-end">
        <button type="button" className={BTN} onClick={onClose}>
          {t('lessons.closeList')}
        </button>
      </div>
    </Modal>
  );
}
