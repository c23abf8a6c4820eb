/**
 * The moment the app is usable: the host prompt has been drawn by the terminal (which then takes keys) and
 * the graph has drawn and measured its boxes. Marked once per page as the performance mark `cnp:usable` and
 * `<html data-usable>`, after the frame that shows both is painted (`npm run bench` times cold loads by it;
 * tests may wait for it). What should not slow the first screen down waits for it (`onUsable`).
 */
type Part = 'terminal' | 'graph';

const seen = new Set<Part>();
let usable = false;
const waiting: (() => void)[] = [];

/** Run `cb` once the app is usable (at once if it already is). */
export function onUsable(cb: () => void): void {
  if (usable) cb();
  else waiting.push(cb);
}

export function noteUsable(part: Part): void {
  if (seen.has(part)) return;
  seen.add(part);
  if (seen.size < 2) return;
  // rAF runs before the frame is painted; a task queued from it runs after that paint.
  requestAnimationFrame(() =>
    setTimeout(() => {
      performance.mark('cnp:usable');
      document.documentElement.dataset.usable = '';
      usable = true;
      for (const cb of waiting.splice(0)) cb();
    }, 0),
  );
}
