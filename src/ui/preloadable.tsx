/**
 * A lazily loaded component whose chunk can be asked for ahead of rendering (`load()`), and that is then
 * rendered directly. React.lazy suspends on its first render even when the module is already there (its
 * promise has no status React can read synchronously): the boundary commits its fallback, and React reveals
 * the content in a later pass, after its fallback throttle. The first screen's graph and terminal are loaded
 * before the first render (src/main.tsx), so they are drawn in the same commit as the frame around them.
 */
import { lazy, useState, type ComponentType } from 'react';

export interface Preloadable<P> {
  (props: P): React.JSX.Element;
  /** Fetch and evaluate the chunk (once); the component renders directly from then on. */
  load(): Promise<unknown>;
}

export function preloadable<P extends object>(
  factory: () => Promise<{ default: ComponentType<P> }>,
): Preloadable<P> {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<{ default: ComponentType<P> }> | null = null;
  const load = () =>
    (loading ??= factory().then((m) => {
      loaded = m.default;
      return m;
    }));
  const Lazy = lazy(load);
  function Preloaded(props: P) {
    // Fixed for the element's life: switching from the lazy wrapper to the component would remount it.
    const [C] = useState<ComponentType<P>>(() => loaded ?? Lazy);
    return <C {...props} />;
  }
  return Object.assign(Preloaded, { load });
}
