import { describe, expect, it } from 'vitest';
import { initialMachine, reduce, type PlayerMachine } from './machine';

const visible = [0, 2, 3, 7];

describe('player state machine', () => {
  it('steps forward and back over the visible steps, to before the first', () => {
    let s: PlayerMachine = reduce(initialMachine, { type: 'load', stepping: true });
    expect(s).toMatchObject({ status: 'stepping', cursor: -1 });
    const path: number[] = [];
    for (let i = 0; i < 5; i++) {
      s = reduce(s, { type: 'step', visible });
      path.push(s.cursor);
    }
    expect(path).toEqual([0, 2, 3, 7, 7]);
    const back: number[] = [];
    for (let i = 0; i < 5; i++) {
      s = reduce(s, { type: 'back', visible });
      back.push(s.cursor);
    }
    expect(back).toEqual([3, 2, 0, -1, -1]);
  });

  it('plays to the end and pauses there; playing again starts over', () => {
    let s = reduce(initialMachine, { type: 'load', stepping: false });
    expect(s.status).toBe('idle');
    s = reduce(s, { type: 'play', visible });
    expect(s).toMatchObject({ status: 'playing', cursor: -1 });
    const seen: string[] = [];
    for (let i = 0; i < 5; i++) {
      s = reduce(s, { type: 'tick', visible });
      seen.push(`${s.status}@${s.cursor}`);
    }
    expect(seen).toEqual(['playing@0', 'playing@2', 'playing@3', 'paused@7', 'paused@7']);
    s = reduce(s, { type: 'play', visible });
    expect(s).toMatchObject({ status: 'playing', cursor: -1 });
    s = reduce(s, { type: 'pause' });
    expect(s.status).toBe('paused');
    expect(reduce(s, { type: 'tick', visible })).toBe(s);
  });

  it('jumps to a row, to the start and to the end; the speed is kept across loads', () => {
    let s = reduce(initialMachine, { type: 'speed', speed: 8 });
    s = reduce(s, { type: 'jump', to: 3 });
    expect(s).toMatchObject({ status: 'stepping', cursor: 3, speed: 8 });
    expect(reduce(s, { type: 'end', visible }).cursor).toBe(7);
    expect(reduce(s, { type: 'start' }).cursor).toBe(-1);
    expect(reduce(s, { type: 'load', stepping: false })).toEqual({ status: 'idle', cursor: -1, speed: 8 });
  });
});
