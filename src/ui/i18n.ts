/**
 * The UI's text in English and Simplified Chinese, bundled (they are small) so the first paint is already
 * translated. The language comes from `?lang=`, the user's earlier choice (remembered), or the browser.
 *
 * Translation is i18next's (nested keys, `{{name}}` placeholders, plural forms, English fallback, the key for
 * a missing text), one instance initialised synchronously with every resource. Interpolation escaping is off
 * because React renders every string as text (names typed by users never become markup). The React binding
 * is the small hook below rather than react-i18next: components re-render on a language change through
 * useSyncExternalStore, and each render gets the language's fixed translator with no ready checks (at 4x CPU
 * throttling react-i18next's cost ~0.2 s of the first renders).
 */
import i18next, { type InitOptions } from 'i18next';
import { useSyncExternalStore } from 'react';
import { en } from './locales/en';
import { zhCN } from './locales/zh_CN';
import { lessonUiEn, lessonUiZh } from './lessons/locales';

export const LANGUAGES = ['en', 'zh-CN'] as const;
type Language = (typeof LANGUAGES)[number];

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

type Tree = { readonly [k: string]: string | Tree };
export type TOptions = Readonly<Record<string, unknown>>;
export type TFunction = (key: string, options?: TOptions) => string;

/** How the UI's i18next instance is set up (exported for the tests' reference instance). */
export const I18NEXT_OPTIONS: InitOptions = {
  lng: 'en',
  fallbackLng: 'en',
  resources: { en: { translation: RESOURCES.en }, 'zh-CN': { translation: RESOURCES['zh-CN'] } },
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
};

const instance = i18next.createInstance();
void instance.init(I18NEXT_OPTIONS);

/**
 * The texts of keys asked for without options, per language: a text depends only on the key and the language
 * then, and i18next resolves each call anew (key splitting, lookups with fallbacks, interpolation, nesting,
 * post-processing): ~0.1 s of the first render's CPU at 4x throttling, for the ~100 texts it shows. Emptied
 * when texts are added (a missing key's answer changes).
 */
const plainTexts = new Map<Language, Map<string, string>>();

/** Add texts under their keys (those already there win), in every language given. */
export function addTexts(texts: Partial<Record<Language, Tree>>): void {
  for (const lng of LANGUAGES) {
    const t = texts[lng];
    if (t) instance.addResourceBundle(lng, 'translation', t, true, false);
  }
  for (const plain of plainTexts.values()) plain.clear();
}

let current: Language = 'en';
const listeners = new Set<() => void>();
const tFunctions = new Map<Language, TFunction>();

/**
 * A key's text in the language's own resources when translating it without options returns it unchanged (a
 * string with no `{{placeholder}}` and no `$t(nested)` key), looked up by i18next's resource store; null when
 * i18next has more to do (a fallback language, a missing key, an object, a placeholder): its translator then.
 */
function plainText(lng: Language, key: string): string | null {
  const text: unknown = instance.getResource(lng, 'translation', key);
  return typeof text === 'string' && !text.includes('{{') && !text.includes('$t(') ? text : null;
}

/** The translator of a language (the same function for as long as the language is current). */
function tFor(lng: Language): TFunction {
  let t = tFunctions.get(lng);
  if (!t) {
    const fixed = instance.getFixedT(lng);
    const plain = new Map<string, string>();
    plainTexts.set(lng, plain);
    tFunctions.set(
      lng,
      (t = (key, options) => {
        if (options) return fixed(key, options as Record<string, unknown>);
        let text = plain.get(key);
        if (text === undefined) plain.set(key, (text = plainText(lng, key) ?? fixed(key)));
        return text;
      }),
    );
  }
  return t;
}

function asLanguage(lng: string): Language {
  return (LANGUAGES as readonly string[]).includes(lng) ? (lng as Language) : 'en';
}

/** The current language and its translator, for code outside React. */
export const i18n = {
  get language(): string {
    return current;
  },
  t(key: string, options?: TOptions): string {
    return tFor(current)(key, options);
  },
};

function subscribe(cb: () => void): () => void {
  listeners.add(cb);
  return () => listeners.delete(cb);
}
const getLanguage = () => current;

/** The UI's translator; the component renders again when the language changes. */
export function useTranslation(): { t: TFunction; i18n: typeof i18n } {
  const lng = useSyncExternalStore(subscribe, getLanguage, getLanguage);
  return { t: tFor(lng), i18n };
}

function changeLanguage(lng: string): void {
  const next = asLanguage(lng);
  if (next === current) return;
  current = next;
  void instance.changeLanguage(next);
  for (const cb of [...listeners]) cb();
}

/** Switch the language now, and remember it for the next visit. */
export function setLanguage(lng: string): void {
  changeLanguage(lng);
  if (typeof document !== 'undefined') document.documentElement.lang = current;
  try {
    localStorage.setItem(LANGUAGE_KEY, current);
  } catch {
    // storage refused: the choice lasts for this page only
  }
}

export function initI18n(lng: string): typeof i18n {
  changeLanguage(lng);
  return i18n;
}
