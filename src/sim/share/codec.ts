/**
 * ScenarioDoc <-> link text, and <-> JSON file.
 *
 * Link text (the `#s=` fragment, or the `scenario=` parameter of an embed) is base64url of
 *   [encoding: 1 byte = 1] [JSON length: LEB128] [FNV-1a 32 of the JSON: 4 bytes LE] [raw DEFLATE of the JSON]
 * The deflate stream uses a preset dictionary (dictionary.ts). The length bounds the memory inflating may use
 * (a zip bomb inflates into a buffer of the declared size and no further), the checksum tells a damaged link
 * from a valid one, and a stream that ends early is a link that was cut off.
 *
 * Loading, from whatever source: size limits -> JSON.parse -> guard (no `__proto__`, bounded depth) ->
 * migrate (older versions) -> validate (types, ranges, names; repairs).
 */
import { deflateSync, inflateSync } from 'fflate';
import { err, ok, type Result } from '../../lib';
import { fnv1a32, fromBase64Url, readVarint, toBase64Url, writeVarint } from './bytes';
import { DICTIONARY_1 } from './dictionary';
import { shareError, type ShareError } from './errors';
import { guardJson } from './guard';
import { LIMITS } from './limits';
import { migrate } from './migrate';
import type { ScenarioDoc } from './scenario';
import { validateScenario, type Loaded } from './validate';
import { toWire } from './wire';

const ENCODING_DEFLATE_DICT_1 = 1;
/** Encoding bytes this app may use one day: a link with one of them is from a newer app, not garbage. */
const MAX_ENCODING = 15;

export interface DecodeOptions {
  /** Longest link text accepted (autosave stores longer ones than a URL should carry). */
  maxChars?: number;
}

/** The scenario as JSON text, checked against the same rules loading applies (so every output loads). */
function scenarioJson(s: ScenarioDoc): Result<string, ShareError> {
  const wire = toWire(s);
  const back = validateScenario(wire as unknown as Record<string, unknown>);
  if (!back.ok) return back;
  // What loading would repair (control characters a paste brought in) is repaired before it is written.
  const json = JSON.stringify(back.value.repairs.length > 0 ? toWire(back.value.scenario) : wire);
  if (json.length > LIMITS.jsonBytes) return err(shareError('oversized', 'the scenario is too large'));
  return ok(json);
}

export function encodeScenario(s: ScenarioDoc, opts: DecodeOptions = {}): Result<string, ShareError> {
  const json = scenarioJson(s);
  if (!json.ok) return json;
  const raw = new TextEncoder().encode(json.value);
  if (raw.length > LIMITS.jsonBytes) return err(shareError('oversized', 'the scenario is too large'));
  const body = deflateSync(raw, { level: 9, mem: 8, dictionary: DICTIONARY_1 });
  const head: number[] = [ENCODING_DEFLATE_DICT_1];
  writeVarint(raw.length, head);
  const sum = fnv1a32(raw);
  head.push(sum & 0xff, (sum >>> 8) & 0xff, (sum >>> 16) & 0xff, sum >>> 24);
  const bytes = new Uint8Array(head.length + body.length);
  bytes.set(head, 0);
  bytes.set(body, head.length);
  const code = toBase64Url(bytes);
  const max = opts.maxChars ?? LIMITS.codeChars;
  if (code.length > max)
    return err(
      shareError('oversized', `the link would be ${code.length} characters (at most ${max}): export a file`),
    );
  return ok(code);
}

export function decodeScenario(code: string, opts: DecodeOptions = {}): Result<Loaded, ShareError> {
  const text = code.trim();
  if (text === '') return err(shareError('empty', 'no scenario in the link'));
  const max = opts.maxChars ?? LIMITS.codeChars;
  if (text.length > max) return err(shareError('oversized', `the link is longer than ${max} characters`));
  if (!/^[A-Za-z0-9_-]+$/.test(text))
    return err(shareError('garbage', 'the link has characters base64url has not'));
  // An encoder never leaves one character over: the rest of the link is missing.
  if (text.length % 4 === 1) return err(shareError('truncated', 'the link ends in the middle of a byte'));
  const bytes = fromBase64Url(text);
  if (!bytes || bytes.length === 0) return err(shareError('garbage', 'not base64url'));
  const encoding = bytes[0] as number;
  if (encoding !== ENCODING_DEFLATE_DICT_1) {
    return encoding > 1 && encoding <= MAX_ENCODING
      ? err(shareError('unsupported-version', `link encoding ${encoding} is newer than this app`))
      : err(shareError('garbage', 'not a link of this app'));
  }
  const len = readVarint(bytes, 1);
  if (!len || bytes.length < len.next + 5) return err(shareError('truncated', 'the link ends in its header'));
  if (len.value > LIMITS.jsonBytes) return err(shareError('oversized', 'the scenario is too large'));
  const at = len.next;
  const sum =
    ((bytes[at] as number) |
      ((bytes[at + 1] as number) << 8) |
      ((bytes[at + 2] as number) << 16) |
      ((bytes[at + 3] as number) << 24)) >>>
    0;
  let raw: Uint8Array;
  try {
    raw = inflateSync(bytes.subarray(at + 4), { dictionary: DICTIONARY_1, out: new Uint8Array(len.value) });
  } catch (e) {
    const eof = (e as { code?: number }).code === 0;
    return err(
      shareError(eof ? 'truncated' : 'garbage', eof ? 'the link was cut off' : 'the link is damaged'),
    );
  }
  if (raw.length !== len.value || fnv1a32(raw) !== sum)
    return err(shareError('garbage', 'the link is damaged (checksum)'));
  let json: string;
  try {
    json = new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    return err(shareError('garbage', 'the link is not text'));
  }
  return scenarioFromJson(json);
}

/** A scenario as a JSON file (the same JSON a link carries, indented for people). */
export function scenarioToJson(s: ScenarioDoc): Result<string, ShareError> {
  const json = scenarioJson(s);
  if (!json.ok) return json;
  return ok(`${JSON.stringify(JSON.parse(json.value), null, 2)}\n`);
}

/** Load a scenario from JSON text (an imported file, or the inside of a link). */
export function scenarioFromJson(text: string): Result<Loaded, ShareError> {
  if (text.length > LIMITS.jsonBytes) return err(shareError('oversized', 'the file is too large'));
  if (text.trim() === '') return err(shareError('empty', 'the file is empty'));
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return err(shareError('garbage', 'not JSON'));
  }
  return scenarioFromValue(value);
}

/** Load a scenario from a value already parsed (a postMessage payload). */
export function scenarioFromValue(value: unknown): Result<Loaded, ShareError> {
  const bad = guardJson(value);
  if (bad) return err(bad);
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return err(shareError('garbage', 'a scenario is a JSON object'));
  const cur = migrate(value as Record<string, unknown>);
  if (!cur.ok) return cur;
  return validateScenario(cur.value);
}
