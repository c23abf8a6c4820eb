/**
 * just-bash is large (~350 KB gzip): it is loaded on demand so the first screen does not wait for it.
 * `loadJustBash()` once, then `justBash()` synchronously.
 */
import type * as JustBashModule from 'just-bash/browser';

type JustBash = typeof JustBashModule;

let loaded: JustBash | null = null;
let loading: Promise<JustBash> | null = null;

export function loadJustBash(): Promise<JustBash> {
  loading ??= import('just-bash/browser').then((m) => (loaded = m));
  return loading;
}

export function justBash(): JustBash {
  if (!loaded) throw new Error('shell: just-bash is not loaded yet (await loadJustBash())');
  return loaded;
}
