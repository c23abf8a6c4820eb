/**
 * i18next with the English and Simplified Chinese resources bundled (they are small), so the first paint is
 * already translated. The language comes from `?lang=` or the browser; a language switch comes later.
 * Interpolation escaping is off because React renders every string as text (names typed by users never
 * become markup).
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './locales/en';
import { zhCN } from './locales/zh_CN';

export const LANGUAGES = ['en', 'zh-CN'] as const;

export function pickLanguage(search: string, navigatorLangs: readonly string[]): string {
  const q = new URLSearchParams(search).get('lang');
  if (q && (LANGUAGES as readonly string[]).includes(q)) return q;
  for (const l of navigatorLangs) if (l.toLowerCase().startsWith('zh')) return 'zh-CN';
  return 'en';
}

export function initI18n(lng: string): typeof i18next {
  void i18next.use(initReactI18next).init({
    lng,
    fallbackLng: 'en',
    resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  return i18next;
}
