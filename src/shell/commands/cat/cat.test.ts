import { describe, expect, it } from 'vitest';
import { runLines } from '../../../cli/test_lines';

const DOCKER = 'docker run -d --name c1 busybox sleep 1000';
/** A tab, two empty lines, a control character, DEL, a UTF-8 é, an empty line, a last line without newline. */
const FILE = "printf 'a\\tb\\n\\n\\n\\001c\\177é\\n\\nlast' > /tmp/f";

async function outs(lines: readonly string[]) {
  return (
    await runLines([
      DOCKER,
      FILE,
      "docker exec c1 sh -c \"printf 'x' > /tmp/a; printf 'y\\nz\\n' > /tmp/b\"",
      ...lines,
    ])
  ).slice(3);
}

describe('cat as GNU coreutils 9.1 and BusyBox 1.35 print it', () => {
  it('display options, byte for byte as on Debian 12', async () => {
    const [A, n, b, s, bbN, bbB, bbNv, bbBA] = await outs([
      'cat -A /tmp/f',
      'cat -n /tmp/f',
      'cat -b /tmp/f',
      'cat -s /tmp/f',
      'busybox cat -n /tmp/f',
      'busybox cat -b /tmp/f',
      'busybox cat -nv /tmp/f',
      'busybox cat -bA /tmp/f',
    ]);
    expect(A?.stdout).toBe('a^Ib$\n$\n$\n^Ac^?M-CM-)$\n$\nlast');
    expect(n?.stdout).toBe('     1\ta\tb\n     2\t\n     3\t\n     4\t\x01c\x7fé\n     5\t\n     6\tlast');
    expect(b?.stdout).toBe('     1\ta\tb\n\n\n     2\t\x01c\x7fé\n\n     3\tlast');
    expect(s?.stdout).toBe('a\tb\n\n\x01c\x7fé\n\nlast');
    // BusyBox numbers whole lines and ends the last one; with -v it is catv's "%6u  ".
    expect(bbN?.stdout).toBe(
      '     1\ta\tb\n     2\t\n     3\t\n     4\t\x01c\x7fé\n     5\t\n     6\tlast\n',
    );
    expect(bbB?.stdout).toBe('     1\ta\tb\n\n\n     2\t\x01c\x7fé\n\n     3\tlast\n');
    expect(bbNv?.stdout).toBe(
      '     1  a\tb\n     2  \n     3  \n     4  ^Ac^?M-CM-)\n     5  \n     6  last',
    );
    expect(bbBA?.stdout).toBe('     1  a^Ib$\n$\n$\n     2  ^Ac^?M-CM-)$\n$\n     3  last');
  });

  it('numbering goes on across files, and a line left open continues in the next file', async () => {
    // BusyBox reads whole lines per file: the open line is ended.
    const [bb] = await outs(['docker exec c1 cat -n /tmp/a /tmp/b']);
    expect(bb?.stdout).toBe('     1\tx\n     2\ty\n     3\tz\n');
    const [host] = await outs(["printf 'x' > /tmp/a; printf 'y\\nz\\n' > /tmp/b; cat -n /tmp/a /tmp/b"]);
    expect(host?.stdout).toBe('     1\txy\n     2\tz\n');
  });

  it('errors: GNU names the file; BusyBox says "can\'t open" or "read error", and goes on', async () => {
    const [gnu, bb, dir, bbDir, opt, bbOpt, long] = await outs([
      'cat /tmp/nope /tmp/f',
      'docker exec c1 cat /tmp/nope /tmp/a',
      'cat /tmp',
      'docker exec c1 cat /tmp /tmp/a',
      'cat -z',
      'docker exec c1 cat -z',
      'cat --foo',
    ]);
    expect(gnu).toMatchObject({ stderr: 'cat: /tmp/nope: No such file or directory\n', exitCode: 1 });
    expect(gnu?.stdout).toBe('a\tb\n\n\n\x01c\x7fé\n\nlast');
    expect(bb).toMatchObject({
      stdout: 'x',
      stderr: "cat: can't open '/tmp/nope': No such file or directory\n",
      exitCode: 1,
    });
    expect(dir).toMatchObject({ stderr: 'cat: /tmp: Is a directory\n', exitCode: 1 });
    expect(bbDir).toMatchObject({ stdout: 'x', stderr: 'cat: read error: Is a directory\n', exitCode: 1 });
    expect(opt).toMatchObject({
      stderr: "cat: invalid option -- 'z'\nTry 'cat --help' for more information.\n",
      exitCode: 1,
    });
    expect(bbOpt?.stderr).toMatch(
      /^cat: invalid option -- 'z'\nBusyBox v1\.35\.0 .*\n\nUsage: cat \[-nbvteA\] \[FILE\]\.\.\.\n/,
    );
    expect(long).toMatchObject({
      stderr: "cat: unrecognized option '--foo'\nTry 'cat --help' for more information.\n",
      exitCode: 1,
    });
  });

  it('sysfs: a missing device per userland, and a read the device cannot answer', async () => {
    const [gnu, bb, speed, bbSpeed] = await outs([
      'cat /sys/class/net/nope/iflink',
      'docker exec c1 cat /sys/class/net/nope/iflink',
      'cat /sys/class/net/lo/speed',
      'docker exec c1 cat /sys/class/net/lo/speed',
    ]);
    expect(gnu).toMatchObject({
      stderr: 'cat: /sys/class/net/nope/iflink: No such file or directory\n',
      exitCode: 1,
    });
    expect(bb).toMatchObject({
      stderr: "cat: can't open '/sys/class/net/nope/iflink': No such file or directory\n",
      exitCode: 1,
    });
    expect(speed).toMatchObject({
      stdout: '',
      stderr: 'cat: /sys/class/net/lo/speed: Invalid argument\n',
      exitCode: 1,
    });
    expect(bbSpeed).toMatchObject({ stdout: '', stderr: 'cat: read error: Invalid argument\n', exitCode: 1 });
  });
});
