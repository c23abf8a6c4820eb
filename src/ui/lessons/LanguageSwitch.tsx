/** The language switch: English / 简体中文, applied at once and remembered (ui/i18n.ts setLanguage). */
import { useTranslation } from '../i18n';
import { LANGUAGES, setLanguage } from '../i18n';

export function LanguageSwitch({ className }: { className?: string }) {
  const { t, i18n } = useTranslation();
  const current = (LANGUAGES as readonly string[]).includes(i18n.language) ? i18n.language : 'en';
  return (
    <label className={`inline-flex items-center gap-1 text-sm ${className ?? ''}`}>
      <span className="sr-only">{t('language.label')}</span>
      <select
        value={current}
        data-testid="language"
        aria-label={t('language.label')}
        onChange={(e) => setLanguage(e.target.value)}
        className="rounded-md border border-slate-300 bg-white px-1.5 py-1 text-sm text-slate-800 focus-visible:outline-2 focus-visible:outline-blue-600 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100"
      >
        {LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l}>
            {t(`language.${l}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
