/**
 * The UI's text in English and Simplified Chinese, bundled (they are small) so the first paint is already
 * translated. The language comes from `?lang=`, the user's earlier choice (remembered), or the browser.
 *
 * A small translator of our own with the subset of i18next's behaviour the texts use: `a.b.c` keys into nested
 * resources, `{{name}}` placeholders (no escaping: React renders every string as text, names typed by users
 * never become markup; a placeholder with no value given stays as written), plural forms by `count`
 * (`key_one`, `key_other`, ... chosen by Intl.PluralRules, else `key`), English for a text a language lacks,
 * and the key itself for a text no language has. i18next and react-i18next cost the cold load ~50 KiB of
 * script to compile and, at 4x CPU throttling, ~0.2-0.5 s of main thread in the first renders (the ready check
 * of each useTranslation, and each t() through namespaces, fallbacks and regular expressions still cold).
 */
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

/** Texts added after start (the packet journey's travel with the simulator's chunk), per language. */
const added: Record<Language, Tree[]> = { en: [], 'zh-CN': [] };
/** Each language's texts by full key, made on first use. */
const flat = new Map<Language, Map<string, string>>();

function flatten(tree: Tree, prefix: string, out: Map<string, string>): void {
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') {
      // Like i18next's addResourceBundle(..., deep, overwrite = false): what is there already stays.
      if (!out.has(key)) out.set(key, v);
    } else flatten(v, key, out);
  }
}

function textsOf(lng: Language): Map<string, string> {
  let m = flat.get(lng);
  if (!m) {
    m = new Map();
    flatten(RESOURCES[lng] as Tree, '', m);
    for (const t of added[lng]) flatten(t, '', m);
    flat.set(lng, m);
  }
  return m;
}

/** Add texts under their keys (those already there win), in every language given. */
export function addTexts(texts: Partial<Record<Language, Tree>>): void {
  for (const lng of LANGUAGES) {
    const t = texts[lng];
    if (!t) continue;
    added[lng].push(t);
    const m = flat.get(lng);
    if (m) flatten(t, '', m);
  }
}

const pluralRules = new Map<Language, Intl.PluralRules>();
function pluralForm(lng: Language, count: number): string {
  let r = pluralRules.get(lng);
  if (!r) pluralRules.set(lng, (r = new Intl.PluralRules(lng)));
  return r.select(count);
}

function lookup(lng: Language, key: string, count: unknown): string | undefined {
  for (const l of lng === 'en' ? (['en'] as const) : ([lng, 'en'] as const)) {
    const texts = textsOf(l);
    if (typeof count === 'number') {
      const v = texts.get(`${key}_${pluralForm(l, count)}`);
      if (v !== undefined) return v;
    }
    const v = texts.get(key);
    if (v !== undefined) return v;
  }
  return undefined;
}

const PLACEHOLDER = /\{\{(.+?)\}\}/g;

function translate(lng: Language, key: string, options?: TOptions): string {
  const text = lookup(lng, key, options?.count);
  if (text === undefined) return key;
  if (!options || !text.includes('{{')) return text;
  return text.replace(PLACEHOLDER, (m, name: string) => {
    const k = name.trim();
    if (!Object.prototype.hasOwnProperty.call(options, k)) return m;
    const v = options[k];
    return v === undefined || v === null ? '' : String(v);
  });
}

let current: Language = 'en';
const listeners = new Set<() => void>();
const tFunctions = new Map<Language, TFunction>();

/** The translator of a language (the same function for as long as the language is current). */
function tFor(lng: Language): TFunction {
  let t = tFunctions.get(lng);
  if (!t) tFunctions.set(lng, (t = (key, options) => translate(lng, key, options)));
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
    return translate(current, key, options);
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
