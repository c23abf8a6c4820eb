/**
 * Untrusted JSON (of the current version, after migrate.ts) to a `ScenarioDoc`: every field checked for type,
 * range and size; names checked for markup; what can be repaired is repaired and reported (control
 * characters in lines, unknown fields, over-long histories, an active terminal that does not exist), the rest
 * is refused with a coded error and the JSON path. Nothing here executes or renders anything: journal lines
 * are data that the simulated shell will read.
 */
import { err, ok, type Result } from '../../lib';
import type { JournalEntry, JournalLine } from '../simulation';
import { shareError, type ShareError, type ShareErrorCode, type ShareRepair } from './errors';
import { LIMITS } from './limits';
import { SCENARIO_VERSION, type LayoutTree, type ScenarioDoc } from './scenario';
import { CONTROL_CHARS, stripControl } from './text';
import { FIRST_TERMINAL } from './wire';

export interface Loaded {
  scenario: ScenarioDoc;
  repairs: ShareRepair[];
}

const TERMINAL_RE = /^t[1-9][0-9]{0,8}$/;
/** 'host', a container id (64 hex) or a name: what Docker allows in names ([a-zA-Z0-9][a-zA-Z0-9_.-]+). */
const MACHINE_RE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/;
/** Graph node ids (`ns:…`, device ids, `ctr:…`): no spaces, no markup. */
const LAYOUT_NAME_RE = /^[A-Za-z0-9_.:@/+#-]{1,128}$/;
const MARKUP_RE = /[<>&"'`]/;
/** Thrown inside this module only, caught by `validateScenario`. */
class Reject {
  constructor(readonly error: ShareError) {}
}

function fail(code: ShareErrorCode, detail: string, path: string): never {
  throw new Reject(shareError(code, detail, path));
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

class Checker {
  readonly repairs: ShareRepair[] = [];
  readonly terminals = new Set<string>([FIRST_TERMINAL]);

  repair(code: ShareRepair['code'], path: string): void {
    this.repairs.push({ code, path });
  }

  /** Keys outside `known` are dropped (a newer app's optional field, or junk) and reported. */
  dropUnknown(o: Record<string, unknown>, known: readonly string[], path: string): void {
    for (const k of Object.keys(o))
      if (!known.includes(k)) this.repair('unknown-field-dropped', `${path}.${k}`);
  }

  name(v: unknown, re: RegExp, path: string, what: string): string {
    if (typeof v !== 'string') fail('invalid', `${what} must be a string`, path);
    if (MARKUP_RE.test(v)) fail('markup', `${what} contains markup`, path);
    if (v.length > LIMITS.nameChars)
      fail('oversized', `${what} is longer than ${LIMITS.nameChars} characters`, path);
    if (!re.test(v)) fail('invalid', `${what} has characters that are not allowed`, path);
    return v;
  }

  terminal(v: unknown, path: string): string {
    const t = this.name(v, TERMINAL_RE, path, 'a terminal id');
    this.terminals.add(t);
    if (this.terminals.size > LIMITS.terminals)
      fail('oversized', `more than ${LIMITS.terminals} terminals`, path);
    return t;
  }

  /** A typed line: bounded; control characters are removed (they are never typed, only pasted or forged). */
  line(v: unknown, path: string): string {
    if (typeof v !== 'string') fail('invalid', 'a line must be a string', path);
    if (v.length > LIMITS.lineChars)
      fail('oversized', `a line is longer than ${LIMITS.lineChars} characters`, path);
    const clean = stripControl(v);
    if (clean !== v) this.repair('control-characters-removed', path);
    return clean;
  }

  count(v: unknown, path: string, what: string): number {
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0 || v > 1e9)
      fail('invalid', `${what} must be a whole number from 0 to 1000000000`, path);
    return v;
  }

  entry(v: unknown, path: string, current: string): JournalEntry {
    if (typeof v === 'string') return { kind: 'line', terminal: current, line: this.line(v, path) };
    if (!isObject(v)) fail('invalid', 'a journal entry must be a line or an object', path);
    if ('line' in v) {
      this.dropUnknown(v, ['terminal', 'line', 'opened', 'interrupt'], path);
      const terminal = v.terminal === undefined ? current : this.terminal(v.terminal, `${path}.terminal`);
      const e: JournalLine = { kind: 'line', terminal, line: this.line(v.line, `${path}.line`) };
      if (v.opened !== undefined) {
        if (!Array.isArray(v.opened) || v.opened.length > LIMITS.terminals)
          fail('invalid', 'opened must be a short list of terminal ids', `${path}.opened`);
        e.opened = v.opened.map((t, i) => this.terminal(t, `${path}.opened[${i}]`));
      }
      if (v.interrupt !== undefined) e.interrupt = this.count(v.interrupt, `${path}.interrupt`, 'interrupt');
      return e;
    }
    if ('open' in v) {
      this.dropUnknown(v, ['open', 'machine', 'parent', 'title'], path);
      const title = v.title === undefined ? '' : v.title;
      if (typeof title !== 'string' || CONTROL_CHARS.test(title))
        fail('invalid', 'a terminal title must be text', `${path}.title`);
      if (MARKUP_RE.test(title)) fail('markup', 'a terminal title contains markup', `${path}.title`);
      if (title.length > LIMITS.nameChars) fail('oversized', 'a terminal title is too long', `${path}.title`);
      return {
        kind: 'open',
        terminal: this.terminal(v.open, `${path}.open`),
        machine: this.name(v.machine, MACHINE_RE, `${path}.machine`, 'a machine'),
        parent:
          v.parent === null || v.parent === undefined ? null : this.terminal(v.parent, `${path}.parent`),
        title,
      };
    }
    if ('close' in v) {
      this.dropUnknown(v, ['close'], path);
      return { kind: 'close', terminal: this.terminal(v.close, `${path}.close`) };
    }
    fail('invalid', 'a journal entry must have line, open or close', path);
  }

  journal(v: unknown): JournalEntry[] {
    if (!Array.isArray(v)) fail('invalid', 'the journal must be a list', 'journal');
    if (v.length > LIMITS.journalEntries)
      fail('oversized', `the journal has more than ${LIMITS.journalEntries} entries`, 'journal');
    let current = FIRST_TERMINAL;
    return v.map((raw, i) => {
      const e = this.entry(raw, `journal[${i}]`, current);
      if (e.kind === 'line') current = e.terminal;
      return e;
    });
  }

  histories(v: unknown): Record<string, string[]> {
    if (!isObject(v)) fail('invalid', 'histories must be an object', 'histories');
    const out: Record<string, string[]> = {};
    for (const [k, lines] of Object.entries(v)) {
      const path = `histories.${k}`;
      const t = this.terminal(k, path);
      if (!Array.isArray(lines)) fail('invalid', 'a history must be a list of lines', path);
      let kept: unknown[] = lines;
      if (lines.length > LIMITS.historyLines) {
        kept = lines.slice(-LIMITS.historyLines);
        this.repair('history-trimmed', path);
      }
      out[t] = kept.map((l, i) => this.line(l, `${path}[${i}]`));
    }
    return out;
  }

  layout(v: unknown): { [key: string]: LayoutTree } {
    if (!isObject(v)) fail('invalid', 'the layout must be an object', 'layout');
    let nodes = 0;
    const walk = (x: unknown, path: string, depth: number): LayoutTree => {
      if (++nodes > LIMITS.layoutNodes) fail('oversized', 'the layout is too large', 'layout');
      if (depth > LIMITS.layoutDepth) fail('invalid', 'the layout is nested too deeply', path);
      if (x === null || typeof x === 'boolean') return x;
      if (typeof x === 'number') {
        if (!Number.isFinite(x) || Math.abs(x) > LIMITS.layoutNumber)
          fail('invalid', 'a layout number is out of range', path);
        return x;
      }
      if (typeof x === 'string') return this.name(x, LAYOUT_NAME_RE, path, 'a layout value');
      if (Array.isArray(x)) return x.map((y, i) => walk(y, `${path}[${i}]`, depth + 1));
      if (!isObject(x)) fail('invalid', 'a layout value has the wrong type', path);
      const o: { [key: string]: LayoutTree } = {};
      for (const [k, y] of Object.entries(x)) {
        this.name(k, LAYOUT_NAME_RE, `${path}.${k}`, 'a layout name');
        o[k] = walk(y, `${path}.${k}`, depth + 1);
      }
      return o;
    };
    return walk(v, 'layout', 0) as { [key: string]: LayoutTree };
  }
}

/** Check and repair a current-version scenario (its `v` was checked by migrate.ts). */
export function validateScenario(raw: Record<string, unknown>): Result<Loaded, ShareError> {
  const c = new Checker();
  try {
    c.dropUnknown(raw, ['v', 'seed', 'journal', 'layout', 'histories', 'active'], '$');
    const seed = raw.seed;
    if (typeof seed !== 'number' || !Number.isInteger(seed) || seed < 0 || seed > 0xffffffff)
      fail('invalid', 'the seed must be a whole number from 0 to 4294967295', 'seed');
    const scenario: ScenarioDoc = { v: SCENARIO_VERSION, seed, journal: c.journal(raw.journal) };
    if (raw.layout !== undefined) scenario.layout = c.layout(raw.layout);
    if (raw.histories !== undefined) scenario.histories = c.histories(raw.histories);
    if (raw.active !== undefined) {
      const known = new Set(c.terminals);
      const active = c.name(raw.active, TERMINAL_RE, 'active', 'the active terminal');
      if (known.has(active)) scenario.active = active;
      else c.repair('active-terminal-dropped', 'active');
    }
    return ok({ scenario, repairs: c.repairs });
  } catch (e) {
    if (e instanceof Reject) return err(e.error);
    throw e;
  }
}
