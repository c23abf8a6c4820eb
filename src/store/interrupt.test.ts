import { describe, expect, it } from 'vitest';
import { createAppStore } from './app_store';

/**
 * Type `line`, wait until it is running (and has printed `marker`, when given), then press Ctrl-C. Paced:
 * 1 simulated second = 10 ms of wall time.
 */
async function interrupt(line: string, marker = ''): Promise<{ out: string; exitCode: number | undefined }> {
  const store = createAppStore({ paceScale: 0.01 });
  await store.getState().init(1);
  const id = store.getState().hostTerminal as string;
  let out = '';
  store
    .getState()
    .channel(id)
    .subscribe((d) => (out += d));
  store.getState().input(id, `${line}\r`);
  for (let i = 0; i < 2000 && (store.getState().running === null || !out.includes(marker)); i++)
    await new Promise((r) => setTimeout(r, 5));
  await new Promise((r) => setTimeout(r, 30));
  store.getState().input(id, '\x03');
  for (let i = 0; i < 400 && store.getState().running !== null; i++)
    await new Promise((r) => setTimeout(r, 5));
  return { out, exitCode: store.getState().last?.result.exitCode };
}

describe('Ctrl-C while a command runs', () => {
  it('echoes ^C, then ping prints its statistics and the prompt comes back', async () => {
    const { out } = await interrupt('ping 127.0.0.1', 'icmp_seq=1 ');
    expect(out).toMatch(/icmp_seq=1 [^]*\^C\n--- 127\.0\.0\.1 ping statistics ---\n/);
    expect(out.endsWith('\nroot@docker-host:~# ')).toBe(true);
  });

  it('echoes ^C and a newline (as bash does) for a program SIGINT kills', async () => {
    const { out, exitCode } = await interrupt('sleep 100');
    expect(exitCode).toBe(130);
    expect(out.endsWith('sleep 100\x1b[K\r\n^C\r\nroot@docker-host:~# ')).toBe(true);
  });
});
