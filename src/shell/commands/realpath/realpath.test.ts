import { describe, expect, it } from 'vitest';
import { runLines } from '../../../cli/test_lines';

/** Lines on the host, then in a busybox container c1. */
async function outs(lines: readonly string[], bbLines: readonly string[] = []) {
  const all = await runLines([...lines, 'docker run -d --name c1 busybox sleep 1000', ...bbLines]);
  return [...all.slice(0, lines.length), ...all.slice(lines.length + 1)];
}

// Outputs of GNU coreutils 9.1 and BusyBox 1.35 on Debian 12, in a namespace with its own sysfs.
describe('realpath as GNU coreutils 9.1 and BusyBox 1.35 print it', () => {
  it('follows the links of every component', async () => {
    const [dev, sub, missing, under, bbDev, bbSub, bbMissing] = await outs(
      [
        'realpath /sys/class/net/eth0',
        'realpath /sys/class/net/eth0/subsystem',
        'realpath /sys/class/net/nope',
        'realpath /nope/x',
      ],
      [
        'docker exec c1 realpath /sys/class/net/eth0',
        'docker exec c1 realpath /sys/class/net/eth0/subsystem /sys/class/net/nope',
        'docker exec c1 realpath /nope/x',
      ],
    );
    expect(dev?.stdout).toBe('/sys/devices/virtual/net/eth0\n');
    expect(sub?.stdout).toBe('/sys/class/net\n');
    expect(missing).toMatchObject({ stdout: '/sys/class/net/nope\n', exitCode: 0 });
    expect(under).toMatchObject({ stderr: 'realpath: /nope/x: No such file or directory\n', exitCode: 1 });
    expect(bbDev?.stdout).toBe('/sys/devices/virtual/net/eth0\n');
    expect(bbSub?.stdout).toBe('/sys/class/net\n/sys/class/net/nope\n');
    expect(bbMissing).toMatchObject({
      stderr: 'realpath: /nope/x: No such file or directory\n',
      exitCode: 1,
    });
  });

  it('GNU options: -e -m -s -L -z -q, --relative-to, --relative-base', async () => {
    const [e, m, s, logical, physical, z, q, to, base] = await outs([
      'realpath -e /sys/class/net/nope',
      'realpath -m /nope/x/../y',
      'realpath -s /sys/class/net/eth0 /nope/x',
      'realpath -L /sys/class/net/lo/..',
      'realpath /sys/class/net/lo/..',
      'realpath -z /sys/class/net/lo',
      'realpath -q /nope/x',
      'realpath --relative-to=/sys/class /sys/class/net/eth0',
      'realpath --relative-base=/sys /sys/class/net/lo /tmp /sys',
    ]);
    expect(e).toMatchObject({
      stderr: 'realpath: /sys/class/net/nope: No such file or directory\n',
      exitCode: 1,
    });
    expect(m?.stdout).toBe('/nope/y\n');
    expect(s).toMatchObject({ stdout: '/sys/class/net/eth0\n/nope/x\n', exitCode: 0 });
    expect(logical?.stdout).toBe('/sys/class/net\n');
    expect(physical?.stdout).toBe('/sys/devices/virtual/net\n');
    expect(z?.stdout).toBe('/sys/devices/virtual/net/lo\0');
    expect(q).toMatchObject({ stdout: '', stderr: '', exitCode: 1 });
    expect(to?.stdout).toBe('../devices/virtual/net/eth0\n');
    expect(base?.stdout).toBe('devices/virtual/net/lo\n/tmp\n.\n');
  });

  it('BusyBox takes every word as a file; a missing name needs a "/" or a dangling link', async () => {
    const [gnuNone, gnuBad, bbOpt, bbNone, dangling] = await outs(
      ['realpath', 'realpath -y x'],
      [
        'docker exec c1 realpath -e /sys/class/net/nope',
        'docker exec c1 realpath',
        'docker exec c1 sh -c "cd /tmp && ln -s nowhere dang && realpath dang"',
      ],
    );
    expect(gnuNone).toMatchObject({
      stderr: "realpath: missing operand\nTry 'realpath --help' for more information.\n",
      exitCode: 1,
    });
    expect(gnuBad).toMatchObject({
      stderr: "realpath: invalid option -- 'y'\nTry 'realpath --help' for more information.\n",
      exitCode: 1,
    });
    expect(bbOpt).toMatchObject({
      stdout: '/sys/class/net/nope\n',
      stderr: 'realpath: -e: No such file or directory\n',
      exitCode: 1,
    });
    expect(bbNone?.stderr).toMatch(
      /^BusyBox v1\.35\.0 .*\n\nUsage: realpath FILE\.\.\.\n\nPrint absolute pathnames of FILEs\n$/,
    );
    expect(bbNone?.exitCode).toBe(1);
    expect(dangling?.stdout).toBe('/tmp/nowhere\n');
  });
});
