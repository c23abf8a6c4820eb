/**
 * Go's regexp engine (RE2), through re2js, loaded on demand: its Unicode tables cost ~70 ms to evaluate, more
 * than the rest of the daemon together, and only a `--filter` that matches by pattern uses it. The shell
 * runtime loads it with the command modules (shell/runtime.ts), before any line runs; a caller outside a
 * line (a test) awaits `loadGoRegexp()` first.
 */
import type * as Re2 from 're2js';
import type { RE2JS } from 're2js';

type Re2Module = typeof Re2;

let loaded: Re2Module | null = null;
let loading: Promise<Re2Module> | null = null;

export function loadGoRegexp(): Promise<unknown> {
  loading ??= import('re2js').then((m) => (loaded = m));
  return loading;
}

/** The pattern compiled, or null when RE2 does not accept it. */
export function compileGoRegexp(pattern: string): RE2JS | null {
  if (!loaded) throw new Error('docker: the regexp engine is not loaded yet (await loadGoRegexp())');
  try {
    return loaded.RE2JS.compile(pattern);
  } catch {
    return null;
  }
}
