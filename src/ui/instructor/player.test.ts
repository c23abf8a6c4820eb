import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../store';
import { createPlayer, parseScript } from './player';

async function app() {
  const a = createAppStore({ paceScale: 0 });
  await a.getState().init(1);
  return a;
}

const names = (a: Awaited<ReturnType<typeof app>>) =>
  Object.values(a.getState().world?.docker.containers ?? {}).map((c) => c.name);

describe('demo-script player', () => {
  it('reads a pasted script: comments, blank lines and prompts are dropped', () => {
    expect(parseScript('# setup\n$ docker network create n1\n\n  ip a  \n')).toEqual([
      'docker network create n1',
      '  ip a',
    ]);
  });

  it('Next types and runs a line, Back undoes only lines that changed the World, bookmarks reset', async () => {
    const a = await app();
    const p = createPlayer(a, 0);
    p.getState().load(
      'docker run -d --name c1 busybox sleep 3600\nip -br link\ndocker run -d --name c2 busybox sleep 3600',
    );
    await p.getState().next();
    expect(names(a)).toEqual(['c1']);
    const host = a.getState().hostTerminal as string;
    // Typed key by key: the line editor echoes each key (with its erase-to-end-of-line).
    const screen = a.getState().channel(host).scrollback().split('\x1b[K').join('');
    expect(screen).toContain('docker run -d --name c1 busybox sleep 3600\r\n');
    await p.getState().next();
    p.getState().setBookmark();
    await p.getState().next();
    expect(p.getState().pos).toBe(3);
    expect(names(a)).toEqual(['c1', 'c2']);
    await p.getState().next();
    expect(p.getState().pos).toBe(3);

    p.getState().back();
    expect(names(a)).toEqual(['c1']);
    // `ip -br link` changed nothing: Back only moves the pointer.
    p.getState().back();
    expect(names(a)).toEqual(['c1']);
    expect(a.getState().canUndo).toBe(true);
    p.getState().back();
    expect(names(a)).toEqual([]);
    expect(p.getState().pos).toBe(0);

    await p.getState().resetToBookmark();
    expect(p.getState().pos).toBe(2);
    expect(names(a)).toEqual(['c1']);
    await p.getState().next();
    expect(names(a)).toEqual(['c1', 'c2']);
  });
});
