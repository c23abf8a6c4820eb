/** The toolbar's Present button (instructor mode). */
import { useTranslation } from '../i18n';
import { useInstructor } from './instructor_context';

export function PresentButton({ className }: { className: string }) {
  const { t } = useTranslation();
  const { ui } = useInstructor();
  return (
    <button
      type="button"
      className={className}
      title={t('instructor.presentTitle')}
      data-testid="present"
      onClick={() => ui.getState().setPresenting(true)}
    >
      {t('instructor.present')}
    </button>
  );
}
