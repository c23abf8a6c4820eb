import { describe, expect, it } from 'vitest';
import { createAppStore } from './app_store';
import { createLessonStore } from './lesson_session';
import { LessonEvents } from './lesson_events';
import { PROGRESS_KEY, parseProgress, ProgressStore } from './lesson_progress';
import type { StorageLike } from './persist';

function memory(): StorageLike & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

async function harness() {
  const app = createAppStore({ paceScale: 0 });
  await app.getState().init(1);
  const storage = memory();
  const events = new LessonEvents();
  const passed: string[] = [];
  events.onStepPassed((l, s) => passed.push(`${l}/${String(s)}`));
  const lessons = createLessonStore(app, storage, events);
  return { app, lessons, storage, passed };
}

describe('lesson session', () => {
  it('walks the bridge lesson: checks pass on the World, predictions grade on real output, progress is kept', async () => {
    const { app, lessons, storage, passed } = await harness();
    expect(await lessons.getState().start('bridge')).toBe(true);
    const l = () => lessons.getState();
    expect(l().step).toBe(0);
    expect(l().passed).toEqual([false, false, false, false]);

    // A wrong try reveals the first hint.
    expect(l().check()).toBe(false);
    expect(l().hints).toBe(1);
    expect(l().checkFailed).toBe(true);

    l().answerPredict(1);
    await l().type('docker run -d --name c1 busybox sleep 3600');
    expect(l().passed[0]).toBe(true);
    expect(l().grade).toBeNull();
    await l().type('docker exec c1 ip addr show eth0');
    expect(l().grade).toEqual({ correct: true, expected: 1 });
    expect(passed).toEqual(['bridge/c1']);

    l().next();
    expect(l().step).toBe(1);
    // A look-only step passes as soon as it is shown.
    expect(l().passed[1]).toBe(true);
    l().answerPredict('172.17.0.9');
    await l().type('docker exec c1 route -n');
    expect(l().grade).toEqual({ correct: false, expected: '172.17.0.1' });

    l().next();
    await l().type('docker run -d --name c2 busybox sleep 3600');
    expect(l().passed[2]).toBe(false);
    // Any way of reaching c2 passes: here by address typed differently from the suggested command.
    await l().type('docker exec c1 ping -c 1 172.17.0.3');
    expect(l().passed[2]).toBe(true);

    const saved = parseProgress(storage.data.get(PROGRESS_KEY) ?? null);
    expect(saved.lessons.bridge?.passed).toEqual(['c1', 'veth', 'ping']);
    expect(saved.lessons.bridge?.predictions).toEqual({ c1: true, veth: false });
    expect(saved.lessons.bridge?.current).toBe(2);
    expect(app.getState().world?.docker.containers).toBeTruthy();
  });

  it('starts a challenge from its setup, out of sight, and undo re-evaluates the step', async () => {
    const { app, lessons } = await harness();
    await lessons.getState().start('troubleshoot');
    const host = app.getState().hostTerminal as string;
    expect(app.getState().channel(host).scrollback()).toBe('root@docker-host:~# ');
    expect(Object.keys(app.getState().world?.docker.containers ?? {}).length).toBe(4);
    await lessons.getState().type('docker network connect backend c1');
    expect(lessons.getState().passed[0]).toBe(true);
    app.getState().undo();
    // The pass is kept (progress), but the check itself no longer holds.
    expect(lessons.getState().check()).toBe(false);
  });

  it('continues at a step: the earlier steps are done by their solutions, shells they opened included', async () => {
    const { app, lessons } = await harness();
    await lessons.getState().start('bridge', 2);
    expect(lessons.getState().step).toBe(2);
    expect(lessons.getState().passed).toEqual([true, true, false, false]);
    expect(Object.values(app.getState().world?.docker.containers ?? {}).map((c) => c.name)).toEqual(['c1']);
    await lessons.getState().start('host', 1);
    // The host terminal and the `docker run -it --net=host busybox` shell step 1 opened.
    expect(app.getState().terminals.map((t) => t.parent)).toEqual([null, 't1']);
    expect(app.getState().activeTerminal).toBe('t2');
    await lessons.getState().type('exit');
    expect(app.getState().terminals).toHaveLength(1);
  });

  it('failing lines count as wrong tries', async () => {
    const { lessons } = await harness();
    await lessons.getState().start('cnm');
    await lessons.getState().type('docker run -d --name c1 nosuchimage');
    expect(lessons.getState().wrongTries).toBe(1);
    expect(lessons.getState().hints).toBe(1);
    expect(await lessons.getState().start('nope')).toBe(false);
  });
});

describe('progress storage', () => {
  it('drops damaged data and survives refused storage', () => {
    expect(parseProgress('{')).toEqual({ v: 1, lessons: {} });
    expect(
      parseProgress(
        '{"v":1,"lessons":{"ok":{"passed":["a"],"predictions":{},"current":1},"bad":{"passed":3}}}',
      ).lessons,
    ).toEqual({
      ok: { passed: ['a'], predictions: {}, current: 1 },
    });
    const refusing: StorageLike = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('full');
      },
      removeItem: () => undefined,
    };
    const p = new ProgressStore(refusing);
    p.markPassed('bridge', 'c1');
    expect(p.get('bridge').passed).toEqual(['c1']);
  });
});
