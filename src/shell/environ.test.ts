import { describe, expect, it } from 'vitest';
import { shellEnviron } from './environ';

const env = (o: Record<string, string>) => new Map(Object.entries(o));

describe('the order a shell lays out its exported variables in', () => {
  it('bash: FNV-1 buckets of 1024 (as `env -i ... bash -c env` prints them with bash 5.2)', () => {
    const vars = env({
      HOME: '/root',
      LOGNAME: 'root',
      PATH: '/bin',
      SHELL: '/bin/bash',
      ZED: '2',
      FOO: '1',
      PWD: '/tmp',
    });
    expect(shellEnviron('bash', vars).map(([k]) => k)).toEqual([
      'SHELL',
      'ZED',
      'PWD',
      'LOGNAME',
      'FOO',
      'HOME',
      'PATH',
    ]);
  });

  it("BusyBox ash: hashvar's 39 buckets", () => {
    const vars = env({ PATH: '/bin', HOSTNAME: 'abc', TERM: 'xterm', HOME: '/root', SHLVL: '1', PWD: '/' });
    expect(shellEnviron('ash', vars).map(([k]) => k)).toEqual([
      'HOSTNAME',
      'SHLVL',
      'HOME',
      'TERM',
      'PATH',
      'PWD',
    ]);
  });
});
