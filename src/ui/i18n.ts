/**
 * i18next with the English and Simplified Chinese resources bundled (they are small), so the first paint is
 * already translated. The language comes from `?lang=`, the user's earlier choice (remembered), or the browser.
 * Interpolation escaping is off because React renders every string as text (names typed by users never
 * become markup).
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './locales/en';
import { zhCN } from './locales/zh_CN';
import { lessonUiEn, lessonUiZh } from './lessons/locales';

export const LANGUAGES = ['en', 'zh-CN'] as const;

/** Where the language the user picked is remembered. */
export const LANGUAGE_KEY = 'cnp.lang';

export function savedLanguage(): string | null {
  try {
    const v = typeof localStorage === 'undefined' ? null : localStorage.getItem(LANGUAGE_KEY);
    return v && (LANGUAGES as readonly string[]).includes(v) ? v : null;
  } catch {
    return null;
  }
}

/** `?lang=` first, then the language the user picked before, then the browser's. */
export function pickLanguage(
  search: string,
  navigatorLangs: readonly string[],
  saved: string | null = savedLanguage(),
): string {
  const q = new URLSearchParams(search).get('lang');
  if (q && (LANGUAGES as readonly string[]).includes(q)) return q;
  if (saved && (LANGUAGES as readonly string[]).includes(saved)) return saved;
  for (const l of navigatorLangs) if (l.toLowerCase().startsWith('zh')) return 'zh-CN';
  return 'en';
}

/** Every UI text, per language (the app's own, then the lessons' and instructor mode's). */
export const RESOURCES = {
  en: { ...en, ...lessonUiEn },
  'zh-CN': { ...zhCN, ...lessonUiZh },
};

/** Switch the language now, and remember it for the next visit. */
export function setLanguage(lng: string): void {
  void i18next.changeLanguage(lng);
  if (typeof document !== 'undefined') document.documentElement.lang = lng;
  try {
    localStorage.setItem(LANGUAGE_KEY, lng);
  } catch {
    // storage refused: the choice lasts for this page only
  }
}

export function initI18n(lng: string): typeof i18next {
  void i18next.use(initReactI18next).init({
    lng,
    fallbackLng: 'en',
    resources: { en: { translation: RESOURCES.en }, 'zh-CN': { translation: RESOURCES['zh-CN'] } },
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  return i18next;
}
