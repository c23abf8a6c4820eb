/**
 * Wall-clock time as the daemon reports it: the World's simulated microseconds after `epochMs`, printed the
 * way Go's time.Time marshals to JSON (RFC 3339 with nanoseconds, trailing zeros of the fraction dropped,
 * "Z" for UTC). Calendar arithmetic is done by hand (days-from-civil) so the engine never reads a clock.
 */
import { civilFromDays } from '../lib';
import type { DockerState } from './state';

const p2 = (n: number) => String(n).padStart(2, '0');

/** RFC3339Nano of (epochMs + us). */
export function rfc3339Nano(epochMs: number, us: number): string {
  const totalUs = epochMs * 1000 + us;
  const secs = Math.floor(totalUs / 1_000_000);
  const fracUs = totalUs - secs * 1_000_000;
  const days = Math.floor(secs / 86400);
  const sod = secs - days * 86400;
  const { y, m, d } = civilFromDays(days);
  let frac = '';
  if (fracUs > 0)
    frac = `.${String(fracUs * 1000)
      .padStart(9, '0')
      .replace(/0+$/, '')}`;
  return `${y}-${p2(m)}-${p2(d)}T${p2(Math.floor(sod / 3600))}:${p2(Math.floor((sod % 3600) / 60))}:${p2(sod % 60)}${frac}Z`;
}

export function stateTime(st: DockerState, us: number): string {
  return rfc3339Nano(st.epochMs, us);
}

/** Go's zero time.Time, what State.FinishedAt reads before a container ever stopped. */
export const ZERO_TIME = '0001-01-01T00:00:00Z';
