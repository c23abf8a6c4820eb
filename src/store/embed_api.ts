/**
 * The postMessage API of an embedded playground (protocol in embed_protocol.ts). Only the parent window, and
 * only from an origin of the embed's `origins=` allow-list, is heard; everything else is ignored without a
 * reply (a reply would tell a stranger the playground is there). With no allow-list the API is off. Events
 * are posted to the allowed origins only, never to `*` (the browser delivers them only if the parent's
 * origin is one of them).
 *
 * `readonly` only takes the keyboard from the student: the page that embeds may still type, reset and load.
 * Requests run one at a time, after whatever is running (a line the student typed) has finished.
 */
import type * as SimNs from '../sim';
import type { ScenarioDoc } from '../sim';
import type { AppStore } from './app_store';
import { lessonEvents, type LessonEvents } from './lesson_events';
import {
  clip,
  EMBED_API_VERSION,
  EVENT_OUTPUT_CHARS,
  parseRequest,
  type EmbedEvent,
  type EmbedRequest,
  type ProtocolTools,
  type RequestId,
} from './embed_protocol';

type SimTools = ProtocolTools &
  Pick<typeof SimNs, 'decodeScenario' | 'scenarioFromValue' | 'SHARE_ERROR_TEXT'>;

type MessageLike = { origin: string; source: unknown; data: unknown };

/** The bits of `window` the API uses (a fake in tests). */
export interface MessageWindow {
  addEventListener(type: 'message', fn: (ev: MessageLike) => void): void;
  removeEventListener(type: 'message', fn: (ev: MessageLike) => void): void;
}
export interface ParentWindow {
  postMessage(message: unknown, targetOrigin: string): void;
}

export interface EmbedApiOptions {
  store: AppStore;
  tools: SimTools;
  origins: readonly string[];
  win: MessageWindow;
  parent: ParentWindow | null;
  readonly: boolean;
  lesson: string | null;
  /** The scenario the embed started from ("reset" returns to it; null: a fresh host). */
  initial: () => ScenarioDoc | null;
  /** Where the lesson engine reports passed steps (default: the app's `lessonEvents`). */
  lessons?: LessonEvents;
}

export interface EmbedApi {
  stop(): void;
}

/** Requests waiting or running at most (a page that floods the playground gets `busy`). */
const MAX_QUEUE = 64;

export function startEmbedApi(o: EmbedApiOptions): EmbedApi {
  const { store, parent, origins } = o;
  if (!parent || origins.length === 0) return { stop: () => undefined };

  const post = (event: EmbedEvent, to: readonly string[] = origins) => {
    for (const origin of to) parent.postMessage(event, origin);
  };
  const fail = (to: string, id: RequestId, code: string, message: string) =>
    post({ type: 'cnp:reply', id, ok: false, error: { code, message } }, [to]);

  const idle = () =>
    new Promise<void>((resolve) => {
      const ready = () => store.getState().status !== 'loading' && store.getState().running === null;
      if (ready()) return resolve();
      const unsub = store.subscribe(() => {
        if (ready()) {
          unsub();
          resolve();
        }
      });
    });

  const handle = async (req: EmbedRequest, from: string): Promise<void> => {
    const st = store.getState();
    switch (req.type) {
      case 'cnp:hello':
        post({ type: 'cnp:ready', version: EMBED_API_VERSION, readonly: o.readonly, lesson: o.lesson }, [
          from,
        ]);
        post({ type: 'cnp:reply', id: req.id, ok: true }, [from]);
        return;
      case 'cnp:run': {
        const terminal = req.terminal ?? st.activeTerminal ?? st.hostTerminal;
        if (!terminal || !st.terminals.some((t) => t.id === terminal))
          return fail(from, req.id, 'no-terminal', `no terminal ${req.terminal ?? ''}`.trim());
        let exitCode: number | undefined;
        const unsub = store.subscribe((s, p) => {
          if (s.last !== p.last && s.last?.terminal === terminal) exitCode = s.last.result.exitCode;
        });
        try {
          await store.getState().typeLine(terminal, req.line);
        } finally {
          unsub();
        }
        post({ type: 'cnp:reply', id: req.id, ok: true, ...(exitCode === undefined ? {} : { exitCode }) }, [
          from,
        ]);
        return;
      }
      case 'cnp:reset': {
        const initial = o.initial();
        if (initial) await st.loadScenario(initial);
        else await st.reset();
        post({ type: 'cnp:reply', id: req.id, ok: true }, [from]);
        return;
      }
      case 'cnp:load': {
        const r =
          typeof req.scenario === 'string'
            ? o.tools.decodeScenario(req.scenario)
            : o.tools.scenarioFromValue(req.scenario);
        if (!r.ok)
          return fail(
            from,
            req.id,
            r.error.code,
            `${o.tools.SHARE_ERROR_TEXT[r.error.code]} ${r.error.detail}`,
          );
        await st.loadScenario(r.value.scenario);
        post({ type: 'cnp:reply', id: req.id, ok: true }, [from]);
        return;
      }
    }
  };

  let queue: Promise<void> = Promise.resolve();
  let waiting = 0;
  const onMessage = (ev: MessageLike) => {
    if (ev.source !== parent || !origins.includes(ev.origin)) return;
    const parsed = parseRequest(ev.data, o.tools);
    if (parsed === null) return;
    if (!parsed.ok) return fail(ev.origin, parsed.id, 'bad-request', parsed.message);
    const req = parsed.request;
    if (waiting >= MAX_QUEUE) return fail(ev.origin, req.id, 'busy', 'too many requests waiting');
    waiting++;
    queue = queue
      .then(idle)
      .then(() => handle(req, ev.origin))
      .catch((e: unknown) => fail(ev.origin, req.id, 'failed', String(e)))
      .finally(() => {
        waiting--;
      });
  };
  o.win.addEventListener('message', onMessage);

  // Every line run (typed by the student or requested), reported when it has finished, with what it printed:
  // collected from its terminal, because most commands stream and their result then holds no text.
  let capture: { terminal: string; text: string; unsub: () => void } | null = null;
  const unsubRan = store.subscribe((s, p) => {
    if (s.running !== null && s.running !== p.running) {
      capture?.unsub();
      const c = { terminal: s.running, text: '', unsub: () => undefined as void };
      c.unsub = s.channel(s.running).subscribe((d) => {
        if (c.text.length < EVENT_OUTPUT_CHARS) c.text += d;
      });
      capture = c;
    }
    if (s.last === p.last || !s.last) return;
    const { terminal, line, result } = s.last;
    const printed = capture?.terminal === terminal ? capture.text : result.stdout + result.stderr;
    capture?.unsub();
    capture = null;
    post({
      type: 'cnp:ran',
      terminal,
      line,
      exitCode: result.exitCode,
      output: clip(printed.replace(/\r\n/g, '\n')),
    });
  });

  const unsubSteps = (o.lessons ?? lessonEvents).onStepPassed((lesson, step) =>
    post({ type: 'cnp:step-passed', lesson, step }),
  );

  post({ type: 'cnp:ready', version: EMBED_API_VERSION, readonly: o.readonly, lesson: o.lesson });
  return {
    stop() {
      o.win.removeEventListener('message', onMessage);
      unsubRan();
      unsubSteps();
      capture?.unsub();
    },
  };
}
