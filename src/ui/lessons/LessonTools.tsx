/** What lessons and instructor mode add to the toolbar: Lessons (the list), Present, and the language switch. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LessonList } from './LessonList';
import { LanguageSwitch } from './LanguageSwitch';
import { PresentButton } from '../instructor/PresentButton';

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
      {open && <LessonList onClose={() => setOpen(false)} />}
    </>
  );
}
