import { describe, expect, it } from 'vitest';
import * as sim from '../sim';
import { createAppStore } from './app_store';
import { startEmbedApi, type MessageWindow } from './embed_api';
import { parseRequest } from './embed_protocol';
import { LessonEvents } from './lesson_events';

type Handler = Parameters<MessageWindow['addEventListener']>[1];

function harness(opts: { readonly?: boolean; initial?: sim.ScenarioDoc | null } = {}) {
  const lessons = new LessonEvents();
  const handlers: Handler[] = [];
  const win: MessageWindow = {
    addEventListener: (_t, fn) => handlers.push(fn),
    removeEventListener: (_t, fn) => handlers.splice(handlers.indexOf(fn), 1),
  };
  const posted: { msg: Record<string, unknown>; origin: string }[] = [];
  const parent = {
    postMessage: (msg: unknown, origin: string) =>
      posted.push({ msg: msg as Record<string, unknown>, origin }),
  };
  const store = createAppStore({ paceScale: 0 });
  const api = startEmbedApi({
    store,
    tools: sim,
    origins: ['https://course.example', 'http://localhost:9000'],
    win,
    parent,
    readonly: opts.readonly ?? false,
    lesson: null,
    initial: () => opts.initial ?? null,
    lessons,
  });
  const send = (data: unknown, origin = 'https://course.example', source: unknown = parent) => {
    for (const h of [...handlers]) h({ origin, source, data });
  };
  const settle = async () => {
    // The shell runtime (just-bash and the command modules) loads on the first line; wait for it, then for
    // the lines queued behind it.
    await store.getState().preloadShell();
    for (let i = 0; i < 100; i++) await new Promise((r) => setTimeout(r, 10));
  };
  return { store, api, send, posted, settle, lessons };
}

describe('embed postMessage API', () => {
  it('announces itself to the allowed origins only', () => {
    const { posted } = harness();
    expect(posted).toEqual([
      {
        msg: { type: 'cnp:ready', version: 1, readonly: false, lesson: null },
        origin: 'https://course.example',
      },
      {
        msg: { type: 'cnp:ready', version: 1, readonly: false, lesson: null },
        origin: 'http://localhost:9000',
      },
    ]);
  });

  it('runs a line for an allowed parent, replies with its exit code and reports it', async () => {
    const { store, send, posted, settle } = harness();
    await store.getState().init(1);
    posted.length = 0;
    send({ type: 'cnp:run', id: 'a', line: 'ip link add br0 type bridge' });
    send({ type: 'cnp:run', id: 'b', line: 'ip link show br9' });
    await settle();
    expect(store.getState().world?.kernel.devices).toBeDefined();
    const toCourse = posted.filter((p) => p.origin === 'https://course.example').map((p) => p.msg);
    expect(toCourse).toEqual([
      { type: 'cnp:ran', terminal: 't1', line: 'ip link add br0 type bridge', exitCode: 0, output: '' },
      { type: 'cnp:reply', id: 'a', ok: true, exitCode: 0 },
      {
        type: 'cnp:ran',
        terminal: 't1',
        line: 'ip link show br9',
        exitCode: 1,
        output: 'Device "br9" does not exist.\n',
      },
      { type: 'cnp:reply', id: 'b', ok: true, exitCode: 1 },
    ]);
    // Replies go to the asker only; events to every allowed origin (the browser drops the wrong ones).
    expect(posted.filter((p) => p.origin === 'http://localhost:9000').map((p) => p.msg.type)).toEqual([
      'cnp:ran',
      'cnp:ran',
    ]);
  });

  it('ignores messages from other origins, from windows other than the parent, and of other tools', async () => {
    const { store, send, posted, settle } = harness();
    await store.getState().init(1);
    posted.length = 0;
    send({ type: 'cnp:run', line: 'ip link add evil type bridge' }, 'https://evil.example');
    send({ type: 'cnp:run', line: 'ip link add evil type bridge' }, 'https://course.example', {});
    send({ type: 'cnp:run', line: 'ip link add evil type bridge' }, 'null');
    send({ type: 'webpackOk' });
    send('cnp:run');
    await settle();
    expect(posted).toEqual([]);
    expect(store.getState().channel('t1').scrollback()).not.toContain('evil');
  });

  it('answers bad requests with a coded error, and loads and resets scenarios', async () => {
    const initial: sim.ScenarioDoc = {
      v: 3,
      seed: 4,
      journal: [{ kind: 'line', terminal: 't1', line: 'ip link add br4 type bridge' }],
    };
    const { store, send, posted, settle } = harness({ initial });
    await store.getState().loadScenario(initial);
    posted.length = 0;
    send({ type: 'cnp:run', id: 1, line: 42 });
    send({ type: 'cnp:run', id: 2, line: 'ip a', terminal: '<b>' });
    send({ type: 'cnp:load', id: 3, scenario: 'AAAA' });
    send({ type: 'cnp:load', id: 4, scenario: { v: 2, seed: 1, journal: [], extra: 1 } });
    send({
      type: 'cnp:load',
      id: 5,
      scenario: JSON.parse('{"v":2,"seed":1,"journal":[],"layout":{"__proto__":{"x":1}}}'),
    });
    send({ type: 'cnp:load', id: 6, scenario: { v: 1, seed: 2, lines: ['ip link add br2 type bridge'] } });
    await settle();
    expect(store.getState().world?.seed).toBe(2);
    send({ type: 'cnp:reset', id: 7 });
    await settle();
    expect(store.getState().world?.seed).toBe(4);
    const replies = posted
      .filter((p) => p.origin === 'https://course.example' && p.msg.type === 'cnp:reply')
      .map((p) => p.msg);
    expect(replies).toEqual([
      {
        type: 'cnp:reply',
        id: 1,
        ok: false,
        error: { code: 'bad-request', message: 'line must be a string' },
      },
      {
        type: 'cnp:reply',
        id: 2,
        ok: false,
        error: { code: 'bad-request', message: 'terminal must be a terminal id like t1' },
      },
      expect.objectContaining({ id: 3, ok: false, error: expect.objectContaining({ code: 'garbage' }) }),
      { type: 'cnp:reply', id: 4, ok: true },
      expect.objectContaining({
        id: 5,
        ok: false,
        error: expect.objectContaining({ code: 'forbidden-key' }),
      }),
      { type: 'cnp:reply', id: 6, ok: true },
      { type: 'cnp:reply', id: 7, ok: true },
    ]);
  });

  it('tells the page when a lesson step passed, until stopped', () => {
    const { api, posted, lessons } = harness();
    posted.length = 0;
    lessons.stepPassed('four-modes', 2);
    api.stop();
    lessons.stepPassed('four-modes', 3);
    expect(posted).toEqual([
      { msg: { type: 'cnp:step-passed', lesson: 'four-modes', step: 2 }, origin: 'https://course.example' },
      { msg: { type: 'cnp:step-passed', lesson: 'four-modes', step: 2 }, origin: 'http://localhost:9000' },
    ]);
  });

  it('is off without an allow-list', () => {
    const posted: unknown[] = [];
    const handlers: unknown[] = [];
    startEmbedApi({
      store: createAppStore({ paceScale: 0 }),
      tools: sim,
      origins: [],
      win: { addEventListener: (_t, fn) => handlers.push(fn), removeEventListener: () => undefined },
      parent: { postMessage: (m) => posted.push(m) },
      readonly: false,
      lesson: null,
      initial: () => null,
    });
    expect(posted).toEqual([]);
    expect(handlers).toEqual([]);
  });

  it('strips control characters from requested lines and caps their length', () => {
    expect(parseRequest({ type: 'cnp:run', line: 'ip a\u001b]0;pwned\u0007' }, sim)).toEqual({
      ok: true,
      request: { type: 'cnp:run', id: null, line: 'ip a]0;pwned', terminal: null },
    });
    expect(parseRequest({ type: 'cnp:run', line: 'x'.repeat(10_000_000) }, sim)).toMatchObject({ ok: false });
    expect(parseRequest({ type: 'cnp:nope', id: { a: 1 } }, sim)).toMatchObject({ ok: false, id: null });
  });
});
