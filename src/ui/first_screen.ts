/**
 * The first screen's lazy chunks: the graph (React Flow) and the terminal (xterm.js). src/main.tsx loads them
 * with the simulator before the first render; every view that shows them uses these (rendered directly once
 * loaded, see ./preloadable).
 */
import { preloadable } from './preloadable';

export const Canvas = preloadable(() => import('./topology/Canvas'));
export const Terminal = preloadable(() => import('./Terminal'));

export function loadFirstScreen(): Promise<unknown> {
  return Promise.all([Canvas.load(), Terminal.load()]);
}
