import { describe, expect, it } from 'vitest';
import { TerminalChannel } from './terminal_channel';

describe('TerminalChannel', () => {
  it('passes every write to its listeners and replays the last 200,000 characters', () => {
    const ch = new TerminalChannel();
    const seen: string[] = [];
    ch.subscribe((d) => seen.push(d));
    const line = (i: number) => `${String(i).padStart(6, '0')} ${'x'.repeat(92)}\n`; // 100 characters
    let all = '';
    for (let i = 0; i < 5000; i++) {
      ch.write(line(i));
      all += line(i);
    }
    ch.write(''); // nothing to pass on
    expect(seen.length).toBe(5000);
    expect(ch.scrollback()).toBe(all.slice(-200_000));
    // a large write after the replay is kept whole and cut from the front
    ch.write('y'.repeat(300_000));
    expect(ch.scrollback()).toBe('y'.repeat(200_000));
  });

  it('clears what a newly mounted widget would replay, and tells the listeners', () => {
    const ch = new TerminalChannel();
    let cleared = 0;
    ch.subscribe(
      () => undefined,
      () => cleared++,
    );
    ch.write('root@docker-host:~# ip a\n');
    ch.clear();
    expect(ch.scrollback()).toBe('');
    expect(cleared).toBe(1);
    ch.write('again');
    expect(ch.scrollback()).toBe('again');
  });
});
