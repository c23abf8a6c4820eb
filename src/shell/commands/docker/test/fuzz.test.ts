/**
 * Property: whatever a user types after `docker`, the simulator answers like a CLI (an exit code and text),
 * never with an internal error, and the kernel's invariants hold afterwards.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kernelInvariantViolations } from '../../../../kernel';
import { Scenario } from '../../../../sim/scenario';

const words = fc.constantFrom(
  'run',
  'create',
  'start',
  'stop',
  'restart',
  'rm',
  '-f',
  'ps',
  '-a',
  '-q',
  'exec',
  'inspect',
  'logs',
  'port',
  'network',
  'create',
  'connect',
  'disconnect',
  'ls',
  'prune',
  'kill',
  'rename',
  'pull',
  'images',
  '-d',
  '-it',
  '--rm',
  '--name',
  'c1',
  'c2',
  'n1',
  '--network',
  '--net=host',
  '--net=none',
  '--net=container:c1',
  'mynet',
  'bridge',
  'host',
  'none',
  '-p',
  '8080:80',
  '80',
  '-P',
  '--ip',
  '172.18.0.9',
  '--subnet',
  '172.18.0.0/16',
  '--internal',
  '--alias',
  'a1',
  '--network-alias',
  'busybox',
  'nginx',
  'alpine',
  'nicolaka/netshoot',
  'sleep',
  '1000',
  'top',
  'ip',
  'a',
  'sh',
  '-c',
  'true',
  '--format',
  '{{.Names}}',
  '-f',
  '{{json .}}',
  '--help',
  '--',
  '-h',
  'x',
  '',
  '-e',
  'A=b',
  '--dns',
  '127.0.0.1',
  '--mac-address',
  '02:42:ac:11:00:09',
  '--link',
  'c1:c',
);

describe('docker CLI robustness', () => {
  it('answers every random command line without an internal error', async () => {
    const net = await Scenario.start(7);
    await net.run('docker network create mynet');
    await net.run('docker run -d --name c1 -p 8080:80 busybox top');
    await fc.assert(
      fc.asyncProperty(fc.array(words, { minLength: 0, maxLength: 7 }), async (ws) => {
        const line = `docker ${ws.map((w) => (w === '' || /[{} ]/.test(w) ? `'${w}'` : w)).join(' ')}`;
        const r = await net.run(line);
        expect(r.exitCode).not.toBe(70);
        while (net.inContainer) await net.run('exit');
        expect(kernelInvariantViolations(net.sim.world.kernel)).toEqual([]);
      }),
      { numRuns: 150, seed: 42 },
    );
  }, 120_000);
});
