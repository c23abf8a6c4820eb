/**
 * curl's progress meter (lib/progress.c progress_meter, max5data, time2str): the two header lines, then a
 * "\r"-led status line when the transfer starts, once a second while it runs, and at the end (a newline
 * follows the last). Speeds are bytes per second of simulated time.
 */

const KB = 1024;
const MB = 1024 * KB;

/** max5data(): a byte count in at most five characters. */
export function max5data(bytes: number): string {
  const b = Math.floor(bytes);
  if (b < 100000) return String(b).padStart(5);
  if (b < 10000 * KB) return `${String(Math.floor(b / KB)).padStart(4)}k`;
  if (b < 100 * MB) return `${String(Math.floor(b / MB)).padStart(2)}.${Math.floor((b % MB) / (MB / 10))}M`;
  return `${String(Math.floor(b / MB)).padStart(4)}M`;
}

/** time2str(): "--:--:--" for nothing, else H:MM:SS in eight characters. */
export function time2str(seconds: number): string {
  const s = Math.floor(seconds);
  if (s <= 0) return '--:--:--';
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return `${String(h).padStart(2)}:${String(m).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

export const PROGRESS_HEADER =
  '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n' +
  '                                 Dload  Upload   Total   Spent    Left  Speed\n';

/** One status line: `total` is the expected size (0 when unknown), `elapsedUs` since the transfer began. */
export function progressLine(total: number, got: number, elapsedUs: number): string {
  const secs = elapsedUs / 1e6;
  const speed = secs > 0 ? got / secs : 0;
  const pct = total > 0 ? Math.floor((got * 100) / total) : 0;
  const totalTime = total > 0 && speed > 0 ? total / speed : 0;
  const left = total > 0 && speed > 0 ? (total - got) / speed : 0;
  return (
    `\r${String(pct).padStart(3)} ${max5data(total)}  ${String(pct).padStart(3)} ${max5data(got)}  ` +
    `${String(0).padStart(3)} ${max5data(0)}  ${max5data(speed)}  ${max5data(0)} ` +
    `${time2str(totalTime)} ${time2str(secs)} ${time2str(left)} ${max5data(speed)}`
  );
}
