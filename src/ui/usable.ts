/**
 * The moment the app is usable: the host prompt has been drawn by the terminal (which then takes keys) and
 * the graph has drawn and measured its boxes. Marked once per page as the performance mark `cnp:usable` and
 * `<html data-usable>`, after the frame that shows both is painted (`npm run bench` times cold loads by it;
 * tests may wait for it).
 */
type Part = 'terminal' | 'graph';

const seen = new Set<Part>();

export function noteUsable(part: Part): void {
  if (seen.has(part)) return;
  seen.add(part);
  if (seen.size < 2) return;
  // rAF runs before the frame is painted; a task queued from it runs after that paint.
  requestAnimationFrame(() =>
    setTimeout(() => {
      performance.mark('cnp:usable');
      document.documentElement.dataset.usable = '';
    }, 0),
  );
}
