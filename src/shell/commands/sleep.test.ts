/** sleep: GNU coreutils 9.1 and BusyBox 1.35 wording; a main process with a bad operand ends at once. */
import { describe, expect, it } from 'vitest';
import { runLines } from '../../cli/test_lines';

describe('sleep', () => {
  it('advances the simulated clock and reports bad operands as each tool does', async () => {
    const r = await runLines([
      'sleep 1.5 2; date +%T.%3N',
      'sleep x',
      'docker run --rm ubuntu sleep 1x',
      'docker run --rm busybox sleep x',
      'docker run --rm busybox sleep',
      'docker run --name nap busybox sleep 0',
      'docker ps -a --format "{{.Names}} {{.Status}}"',
    ]);
    expect(r[0]?.stdout).toBe('00:00:03.500\n');
    // The host's C.UTF-8 locale: gnulib quote() is curly; a container's C locale is not.
    expect([r[1]?.stderr, r[1]?.exitCode]).toEqual([
      "sleep: invalid time interval \u2018x\u2019\nTry 'sleep --help' for more information.\n",
      1,
    ]);
    expect([r[2]?.stderr, r[2]?.exitCode]).toEqual([
      "sleep: invalid time interval '1x'\nTry 'sleep --help' for more information.\n",
      1,
    ]);
    expect([r[3]?.stderr, r[3]?.exitCode]).toEqual(["sleep: invalid number 'x'\n", 1]);
    expect(r[4]?.stderr).toMatch(/^BusyBox v1\.35\.0 .*\n\nUsage: sleep \[N\]\.\.\.\n/);
    expect(r[4]?.exitCode).toBe(1);
    expect(r[6]?.stdout).toMatch(/^nap Exited \(0\) /);
  });
});
