/**
 * Older scenario versions to the current one, one step at a time (n -> n+1), so a link made years ago still
 * opens. Each step only reshapes; validate.ts checks the result like any other input.
 *
 * v1 (the hand-written script form, still handy in course material):
 *   { "v": 1, "seed": 7, "lines": ["docker network create net1", "docker run -d --net net1 busybox"] }
 * Every line ran in the host terminal; there was no layout and no history.
 *
 * v2 -> v3: kernel ids became plain numbers (`ns7` -> `7`, `d12` -> `12`, kernel/types.ts says why); a v2
 * layout names boxes `ns:ns7` and bridges `d12`, so its keys are renamed (the journal rebuilds the same ids).
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
  2: (raw) => ok({ ...raw, v: 3, ...(isTree(raw.layout) ? { layout: v2Layout(raw.layout) } : {}) }),
};

function isTree(v: unknown): v is Raw {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** An own property even for `__proto__` (untrusted keys are data; validate.ts judges them). */
function put(o: Raw, key: string, v: unknown): void {
  Object.defineProperty(o, key, { value: v, enumerable: true, writable: true, configurable: true });
}

/** A v2 layout's node ids (`ns:ns7`) and bridge ids (`d12`) in the v3 form; anything else as it was. */
function v2Layout(layout: Raw): Raw {
  const out: Raw = {};
  for (const [part, tree] of Object.entries(layout)) {
    if (!isTree(tree)) {
      put(out, part, tree);
      continue;
    }
    const renamed: Raw = {};
    for (const [key, v] of Object.entries(tree)) {
      const id = /^ns:ns(\d+)$/.exec(key) ?? (part === 'bridgeCol' ? /^d(\d+)$/.exec(key) : null);
      put(renamed, id ? (key.startsWith('ns:') ? `ns:${id[1]}` : (id[1] as string)) : key, v);
    }
    put(out, part, renamed);
  }
  return out;
}

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
