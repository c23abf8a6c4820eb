import { describe, expect, it } from 'vitest';
import { runLines } from '../../../cli/test_lines';

async function outs(lines: readonly string[]) {
  return (await runLines(['docker run -d --name c1 busybox sleep 1000', ...lines])).slice(1);
}

describe('readlink as GNU coreutils 9.1 and BusyBox 1.35 print it (outputs from Debian 12)', () => {
  it('follows links in every component with -f, including the working directory', async () => {
    const [sub, bb, dir, cwd, missing, under, m] = await outs([
      'readlink -f /sys/class/net/eth0/subsystem',
      'docker exec c1 readlink -f /sys/class/net/eth0/subsystem',
      'readlink -f /sys/class/net/eth0/',
      'cd /sys/class/net/eth0; readlink -f . subsystem/lo',
      'readlink -f /sys/class/net/nope',
      'readlink -f /sys/class/net/nope/x',
      'readlink -m /sys/class/net/nope/x/../y',
    ]);
    expect(sub?.stdout).toBe('/sys/class/net\n');
    expect(bb?.stdout).toBe('/sys/class/net\n');
    expect(dir?.stdout).toBe('/sys/devices/virtual/net/eth0\n');
    expect(cwd?.stdout).toBe('/sys/devices/virtual/net/eth0\n/sys/devices/virtual/net/lo\n');
    expect(missing?.stdout).toBe('/sys/class/net/nope\n');
    expect(under).toMatchObject({ stdout: '', stderr: '', exitCode: 1 });
    expect(m?.stdout).toBe('/sys/class/net/nope/y\n');
  });

  it('dangling and looping links', async () => {
    const [dangling, loop] = await outs([
      'ln -s /nonexistent/target /tmp/d; readlink /tmp/d; readlink -f /tmp/d',
      'ln -s l2 /tmp/l1; ln -s l1 /tmp/l2; readlink -fv /tmp/l1',
    ]);
    expect(dangling).toMatchObject({ stdout: '/nonexistent/target\n', exitCode: 1 });
    expect(loop).toMatchObject({
      stderr: 'readlink: /tmp/l1: Too many levels of symbolic links\n',
      exitCode: 1,
    });
  });

  it('errors are silent unless -v, worded per userland', async () => {
    const [plain, gnu, bb, gnuMissing, bbMissing, two, none] = await outs([
      'readlink /sys/class/net/eth0/mtu',
      'readlink -v /sys/class/net/eth0/mtu',
      'docker exec c1 readlink -v /sys/class/net/eth0/mtu',
      'readlink -v /nope',
      'docker exec c1 readlink -v /nope',
      'docker exec c1 readlink /sys/class/net/eth0 /sys/class/net/lo',
      'readlink',
    ]);
    expect(plain).toMatchObject({ stdout: '', stderr: '', exitCode: 1 });
    expect(gnu?.stderr).toBe('readlink: /sys/class/net/eth0/mtu: Invalid argument\n');
    expect(bb?.stderr).toBe('readlink: /sys/class/net/eth0/mtu: cannot read link: not a symlink\n');
    expect(gnuMissing?.stderr).toBe('readlink: /nope: No such file or directory\n');
    expect(bbMissing?.stderr).toBe('readlink: /nope: cannot read link: No such file or directory\n');
    expect(two).toMatchObject({ stdout: '', exitCode: 1 });
    expect(two?.stderr).toMatch(/^BusyBox v1\.35\.0 .*\n\nUsage: readlink \[-fnv\] FILE\n/);
    expect(none).toMatchObject({
      stderr: "readlink: missing operand\nTry 'readlink --help' for more information.\n",
      exitCode: 1,
    });
  });

  it('prints several links, -n only for one, -z with NULs', async () => {
    const [two, n, z] = await outs([
      'readlink /sys/class/net/eth0 /sys/class/net/lo',
      'readlink -n /sys/class/net/lo /sys/class/net/lo',
      'readlink -z /sys/class/net/lo',
    ]);
    expect(two?.stdout).toBe('../../devices/virtual/net/eth0\n../../devices/virtual/net/lo\n');
    expect(n).toMatchObject({
      stdout: '../../devices/virtual/net/lo\n../../devices/virtual/net/lo\n',
      stderr: 'readlink: ignoring --no-newline with multiple arguments\n',
    });
    expect(z?.stdout).toBe('../../devices/virtual/net/lo\0');
  });
});
