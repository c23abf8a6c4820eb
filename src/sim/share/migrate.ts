/**
 * Older scenario versions to the current one, one step at a time (n -> n+1), so a link made years ago still
 * opens. Each step only reshapes; validate.ts checks the result like any other input.
 *
 * v1 (the hand-written script form, still handy in course material):
 *   { "v": 1, "seed": 7, "lines": ["docker network create net1", "docker run -d --net net1 busybox"] }
 * Every line ran in the host terminal; there was no layout and no history.
 */
import { err, ok, type Result } from '../../lib';
import { shareError, type ShareError } from './errors';
import { SCENARIO_VERSION } from './scenario';

type Raw = Record<string, unknown>;

const STEPS: Record<number, (raw: Raw) => Result<Raw, ShareError>> = {
  1: (raw) => {
    if (!Array.isArray(raw.lines))
      return err(shareError('invalid', 'a version 1 scenario needs lines', 'lines'));
    // Lines were all typed in the host terminal: plain strings in a v2 journal mean exactly that.
    return ok({ v: 2, seed: raw.seed ?? 1, journal: raw.lines });
  },
};

export function migrate(raw: Raw): Result<Raw, ShareError> {
  const v0 = raw.v;
  if (typeof v0 !== 'number' || !Number.isInteger(v0) || v0 < 1)
    return err(shareError('invalid', 'the scenario has no version number', 'v'));
  let v = v0;
  if (v > SCENARIO_VERSION)
    return err(
      shareError('unsupported-version', `version ${v} is newer than this app (${SCENARIO_VERSION})`, 'v'),
    );
  let cur = raw;
  while (v < SCENARIO_VERSION) {
    const step = STEPS[v];
    if (!step) return err(shareError('unsupported-version', `version ${v} is not known`, 'v'));
    const r = step(cur);
    if (!r.ok) return r;
    cur = r.value;
    v = cur.v as number;
  }
  return ok(cur);
}
