/** What lessons and instructor mode add to the toolbar: Lessons (the list), Present, and the language switch. */
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from '../i18n';
import { LanguageSwitch } from './LanguageSwitch';
import { PresentButton } from '../instructor/PresentButton';

// Opened by a click: its own chunk, not the first screen's.
const LessonList = lazy(() => import('./LessonList').then((m) => ({ default: m.LessonList })));

export function LessonTools({ btn }: { btn: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className={btn}
        title={t('lessons.openTitle')}
        data-testid="lessons-open"
        onClick={() => setOpen(true)}
      >
        {t('lessons.open')}
      </button>
      <PresentButton className={btn} />
      <LanguageSwitch />
      <Suspense fallback={null}>{open && <LessonList onClose={() => setOpen(false)} />}</Suspense>
    </>
  );
}
