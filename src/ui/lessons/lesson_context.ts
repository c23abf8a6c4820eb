/**
 * The lesson store of an app store, made on first use (progress in localStorage) and shared by every
 * component that asks: the lesson panel, the lesson list, instructor mode, the graph highlight.
 */
import { useContext } from 'react';
import type { LessonLang } from '../../lessons';
import { createLessonStore, type AppStore, type LessonStore } from '../../store';
import { StoreContext } from '../store_context';

/** The lessons' text language for the UI language (lessons are written in English and Simplified Chinese). */
export function lessonLang(lng: string): LessonLang {
  return lng.startsWith('zh') ? 'zh-CN' : 'en';
}

const stores = new WeakMap<AppStore, LessonStore>();

function browserStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export function lessonStoreFor(app: AppStore): LessonStore {
  let s = stores.get(app);
  if (!s) {
    s = createLessonStore(app, browserStorage());
    stores.set(app, s);
  }
  return s;
}

export function useLessonStore(): LessonStore {
  return lessonStoreFor(useContext(StoreContext));
}
