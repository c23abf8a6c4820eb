/**
 * The messages between a course page and an embedded playground (window.postMessage). Requests are untrusted
 * even from an allowed origin: checked here field by field before anything runs. Pure, no DOM.
 *
 * Page -> playground:
 *   { type: 'cnp:run', line: 'docker ps', terminal?: 't1', id?: 7 }    type a line (into the active terminal)
 *   { type: 'cnp:reset', id? }                                          back to the embed's starting scenario
 *   { type: 'cnp:load', scenario: CODE | {v: 3, ...}, id? }             load a scenario (link code or JSON)
 *   { type: 'cnp:hello', id? }                                          asks for a `cnp:ready` (after a reload)
 * Playground -> page:
 *   { type: 'cnp:ready', version: 1, readonly, lesson }
 *   { type: 'cnp:ran', terminal, line, exitCode, output }               every line run, typed or requested
 *   { type: 'cnp:step-passed', lesson, step }                           a lesson step's check passed
 *   { type: 'cnp:reply', id, ok: true, exitCode? } | { type: 'cnp:reply', id, ok: false, error: {code, message} }
 */
import type * as SimNs from '../sim';

/** What the parser needs from the simulator module (loaded lazily; the store imports only its types). */
export type ProtocolTools = Pick<typeof SimNs, 'LIMITS' | 'stripControl'>;

export const EMBED_API_VERSION = 1;

export type RequestId = string | number | null;

export type EmbedRequest =
  | { type: 'cnp:run'; id: RequestId; line: string; terminal: string | null }
  | { type: 'cnp:reset'; id: RequestId }
  | { type: 'cnp:load'; id: RequestId; scenario: unknown }
  | { type: 'cnp:hello'; id: RequestId };

/** bad-request, busy, no-terminal, failed, or a share error code (for `cnp:load`). */
export type EmbedErrorCode = string;

export type EmbedEvent =
  | { type: 'cnp:ready'; version: number; readonly: boolean; lesson: string | null }
  | { type: 'cnp:ran'; terminal: string; line: string; exitCode: number; output: string }
  | { type: 'cnp:step-passed'; lesson: string; step: string | number }
  | { type: 'cnp:reply'; id: RequestId; ok: true; exitCode?: number }
  | { type: 'cnp:reply'; id: RequestId; ok: false; error: { code: EmbedErrorCode; message: string } };

/** Output in events is capped: a host page wants the gist, not a 10 MB paste echoed back. */
export const EVENT_OUTPUT_CHARS = 64 * 1024;

export function clip(text: string): string {
  return text.length > EVENT_OUTPUT_CHARS ? text.slice(0, EVENT_OUTPUT_CHARS) : text;
}

function requestId(v: unknown): RequestId | undefined {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string' && v.length <= 64) return v;
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  return undefined;
}

/** The request, or why not (with the id when one could be read, so the page can match the reply). */
export function parseRequest(
  data: unknown,
  { LIMITS, stripControl }: ProtocolTools,
): { ok: true; request: EmbedRequest } | { ok: false; id: RequestId; message: string } | null {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return null;
  const d = data as Record<string, unknown>;
  // Not for us (other tools on the same page talk over postMessage too): ignore silently.
  if (typeof d.type !== 'string' || !d.type.startsWith('cnp:')) return null;
  const id = requestId(d.id);
  if (id === undefined) return { ok: false, id: null, message: 'id must be a short string or a number' };
  switch (d.type) {
    case 'cnp:run': {
      if (typeof d.line !== 'string') return { ok: false, id, message: 'line must be a string' };
      if (d.line.length > LIMITS.lineChars)
        return { ok: false, id, message: `line is longer than ${LIMITS.lineChars} characters` };
      const terminal = d.terminal ?? null;
      if (terminal !== null && (typeof terminal !== 'string' || !/^t[1-9][0-9]{0,8}$/.test(terminal)))
        return { ok: false, id, message: 'terminal must be a terminal id like t1' };
      return { ok: true, request: { type: 'cnp:run', id, line: stripControl(d.line), terminal } };
    }
    case 'cnp:reset':
      return { ok: true, request: { type: 'cnp:reset', id } };
    case 'cnp:hello':
      return { ok: true, request: { type: 'cnp:hello', id } };
    case 'cnp:load':
      if (typeof d.scenario !== 'string' && (typeof d.scenario !== 'object' || d.scenario === null))
        return { ok: false, id, message: 'scenario must be a link code or a scenario object' };
      return { ok: true, request: { type: 'cnp:load', id, scenario: d.scenario } };
    default:
      return { ok: false, id, message: `unknown request ${d.type.slice(0, 40)}` };
  }
}
