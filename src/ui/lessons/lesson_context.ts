/**
 * The lesson store of an app store, made on first use (progress in localStorage) and shared by every
 * component that asks: the lesson panel, the lesson list, instructor mode, the graph highlight.
 */
import { useContext } from 'react';
import { createLessonStore, type AppStore, type LessonStore } from '../../store';
import { StoreContext } from '../store_context';

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
