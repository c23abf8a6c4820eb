/**
 * How a container's network mode is told apart on the graph, the legend and the stopped tray: an icon and a
 * border style. Its own module, free of React Flow, so the first screen's frame (tray, legend) does not pull
 * React Flow into the entry chunk: the graph's lazy chunk brings it.
 */
import type { TopoContainer } from '../../sim';

export const MODE_ICON: Record<TopoContainer['mode'], string> = {
  bridge: '⇄',
  host: '⌂',
  none: '∅',
  container: '⊞',
};

/** Tailwind classes per mode: border style differs (solid, double, dashed, dotted), colour only adds to it. */
export const MODE_CARD: Record<TopoContainer['mode'], string> = {
  bridge: 'border-solid border-sky-500 dark:border-sky-400',
  host: 'border-dashed border-amber-600 dark:border-amber-400',
  none: 'border-dotted border-slate-500 dark:border-slate-400',
  container: 'border-double border-[3px] border-fuchsia-600 dark:border-fuchsia-400',
};
