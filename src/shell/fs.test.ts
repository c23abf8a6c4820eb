/**
 * SimFs walks paths as the kernel does, for every writer: a missing directory on the way is ENOENT, a file
 * on the way ENOTDIR, a directory written to EISDIR. Expected texts are GNU coreutils 9.1's on Debian 12
 * (LANG=C quotes), where just-bash's tools word them the same way.
 */
import { describe, expect, it } from 'vitest';
import { Scenario } from '../sim/scenario';

async function seen(net: Scenario, line: string): Promise<[string, string, number]> {
  const r = await net.run(line);
  return [r.stdout, r.stderr, r.exitCode];
}

describe('SimFs path walk', () => {
  it('refuses to create under a missing directory or a file, and creates nothing', async () => {
    const net = await Scenario.start(1);
    expect(await seen(net, 'touch /nx/y')).toEqual([
      '',
      "touch: cannot touch '/nx/y': No such file or directory\n",
      1,
    ]);
    expect(await seen(net, 'touch /etc/hosts/y')).toEqual([
      '',
      "touch: cannot touch '/etc/hosts/y': Not a directory\n",
      1,
    ]);
    expect(await seen(net, 'mkdir /nx/y')).toEqual([
      '',
      "mkdir: cannot create directory '/nx/y': No such file or directory\n",
      1,
    ]);
    expect(await seen(net, 'mkdir /etc/hosts/y')).toEqual([
      '',
      "mkdir: cannot create directory '/etc/hosts/y': Not a directory\n",
      1,
    ]);
    expect(await seen(net, 'mkdir /etc')).toEqual([
      '',
      "mkdir: cannot create directory '/etc': File exists\n",
      1,
    ]);
    expect(await seen(net, 'echo a | tee /nx/y')).toEqual([
      'a\n',
      'tee: /nx/y: No such file or directory\n',
      1,
    ]);
    expect(await seen(net, 'cat /etc/hosts/x')).toEqual(['', 'cat: /etc/hosts/x: Not a directory\n', 1]);
    // cp and mv fail too (their words are just-bash's: GNU names the destination, just-bash the source).
    const moved = await seen(
      net,
      'echo hi > /tmp/src; cp /tmp/src /nx/y; echo $?; mv /tmp/src /nx/y; echo $?',
    );
    expect(moved[0]).toBe('1\n1\n');
    // Nothing was made on the way.
    expect(await seen(net, 'ls -d /nx')).toEqual([
      '',
      "ls: cannot access '/nx': No such file or directory\n",
      2,
    ]);
  });

  it("keeps the image's directories writable, and mkdir -p making the rest", async () => {
    const net = await Scenario.start(1);
    expect(await seen(net, 'echo x > /var/log/x; cat /var/log/x')).toEqual(['x\n', '', 0]);
    expect(await seen(net, 'mkdir -p /srv/a/b && echo y > /srv/a/b/f && cat /srv/a/b/f')).toEqual([
      'y\n',
      '',
      0,
    ]);
    expect(await seen(net, 'mkdir -p /etc/hosts/y')).toEqual([
      '',
      "mkdir: cannot create directory '/etc/hosts/y': Not a directory\n",
      1,
    ]);
    expect((await seen(net, 'ls -1 /'))[0]).toBe(
      'bin\nboot\ndev\netc\nhome\nlib\nlib64\nmedia\nmnt\nopt\nproc\nroot\nrun\nsbin\nsrv\nsys\ntmp\nusr\nvar\n',
    );
  });

  it('creates nothing in /proc (ENOENT) and refuses a path through a /proc file (ENOTDIR)', async () => {
    const net = await Scenario.start(1);
    expect(await seen(net, 'echo 1 >> /proc/sys/net/ipv4/nonexist; cat /proc/sys/net/ipv4/nonexist')).toEqual(
      [
        '',
        'bash: /proc/sys/net/ipv4/nonexist: No such file or directory\n' +
          'cat: /proc/sys/net/ipv4/nonexist: No such file or directory\n',
        1,
      ],
    );
    expect(await seen(net, 'echo 1 > /proc/nope/x')).toEqual([
      '',
      'bash: /proc/nope/x: No such file or directory\n',
      1,
    ]);
  });

  it("gives a BusyBox image the busybox rootfs's directories", async () => {
    const net = await Scenario.start(2);
    await net.run('docker run -d --name b1 busybox sleep 1000');
    expect((await seen(net, 'docker exec b1 ls /'))[0]).toBe(
      'bin\ndev\netc\nhome\nlib\nlib64\nproc\nroot\nsys\ntmp\nusr\nvar\n',
    );
    expect(await seen(net, "docker exec b1 sh -c 'echo x > /var/www/i; cat /var/www/i'")).toEqual([
      'x\n',
      '',
      0,
    ]);
  });
});
