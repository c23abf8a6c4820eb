/**
 * A refused redirection fails its one command, worded as each shell words it. Expected strings are what
 * bash 5.2 (`bash -c`, "line 1: " aside) and BusyBox 1.35 ash (`busybox sh -c`) printed for the same lines
 * on Debian 12 / Linux 6.18.
 */
import { Bash, InMemoryFs } from 'just-bash/browser';
import { describe, expect, it } from 'vitest';
import { Scenario } from '../sim/scenario';
import { redirectGuard } from './redirect_guard';

type Seen = [stdout: string, stderr: string, exitCode: number];

async function seen(net: Scenario, line: string): Promise<Seen> {
  const r = await net.run(line);
  return [r.stdout, r.stderr, r.exitCode];
}

const ENOENT_BASH = 'bash: /nonexistent/x: No such file or directory\n';
const ENOENT_ASH = "sh: can't create /nonexistent/x: nonexistent directory\n";

describe('a refused redirection (bash, the Docker host)', () => {
  it('fails that command with status 1 and the line goes on', async () => {
    const net = await Scenario.start(1);
    expect(await seen(net, 'echo a; echo 1 > /nonexistent/x; echo b $?')).toEqual([
      'a\nb 1\n',
      ENOENT_BASH,
      0,
    ]);
    expect(await seen(net, 'echo 1 >> /nonexistent/x; echo st=$?')).toEqual(['st=1\n', ENOENT_BASH, 0]);
    expect(await seen(net, 'echo 1 2> /nonexistent/x; echo st=$?')).toEqual(['st=1\n', ENOENT_BASH, 0]);
    expect(await seen(net, 'echo 1 > /nonexistent/x && echo and || echo or')).toEqual([
      'or\n',
      ENOENT_BASH,
      0,
    ]);
    // set -e ends the script at the failed command; a pipeline's status is its last command's.
    expect(await seen(net, 'set -e; echo 1 > /nonexistent/x; echo notreached')).toEqual(['', ENOENT_BASH, 1]);
    expect(await seen(net, 'echo 1 > /nonexistent/x | cat; echo st=$?')).toEqual(['st=0\n', ENOENT_BASH, 0]);
    expect(await seen(net, 'x=$(echo 1 > /nonexistent/x; echo in); echo "st=$? x=$x"')).toEqual([
      'st=0 x=in\n',
      ENOENT_BASH,
      0,
    ]);
    expect(await seen(net, '{ echo a; } > /nonexistent/x; echo st=$?')).toEqual(['st=1\n', ENOENT_BASH, 0]);
    expect(await seen(net, 'for i in 1; do echo a; done > /nonexistent/x; echo st=$?')).toEqual([
      'st=1\n',
      ENOENT_BASH,
      0,
    ]);
  });

  it('sends the error where the redirections before it point, and names the file as typed', async () => {
    const net = await Scenario.start(1);
    expect(await seen(net, 'echo 1 2>/dev/null > /nonexistent/x; echo st=$?')).toEqual(['st=1\n', '', 0]);
    expect(await seen(net, 'cat /nope 2>&1 > /nonexistent/x | cat; echo st=$?')).toEqual([
      `${ENOENT_BASH}st=0\n`,
      '',
      0,
    ]);
    expect(await seen(net, 'cd /tmp; echo 1 > nope/x; echo st=$?')).toEqual([
      'st=1\n',
      'bash: nope/x: No such file or directory\n',
      0,
    ]);
  });

  it('words ENOTDIR, EISDIR, procfs and a missing input file as bash does', async () => {
    const net = await Scenario.start(1);
    expect(await seen(net, 'echo 1 > /etc/hosts/x; echo st=$?')).toEqual([
      'st=1\n',
      'bash: /etc/hosts/x: Not a directory\n',
      0,
    ]);
    expect(await seen(net, 'echo 1 > /tmp; echo st=$?')).toEqual([
      'st=1\n',
      'bash: /tmp: Is a directory\n',
      0,
    ]);
    expect(await seen(net, 'echo 1 > /proc/sys/net/ipv4/nonexist; echo st=$?')).toEqual([
      'st=1\n',
      'bash: /proc/sys/net/ipv4/nonexist: No such file or directory\n',
      0,
    ]);
    expect(await seen(net, 'echo 1 > /proc/sys/net/ipv4/ip_forward/x; echo st=$?')).toEqual([
      'st=1\n',
      'bash: /proc/sys/net/ipv4/ip_forward/x: Not a directory\n',
      0,
    ]);
    expect(await seen(net, 'cat < /nope; echo st=$?')).toEqual([
      'st=1\n',
      'bash: /nope: No such file or directory\n',
      0,
    ]);
    expect(await seen(net, 'cat < /etc/hosts/x; echo st=$?')).toEqual([
      'st=1\n',
      'bash: /etc/hosts/x: Not a directory\n',
      0,
    ]);
  });

  it('still writes, appends and routes output as before', async () => {
    const net = await Scenario.start(1);
    expect(await seen(net, 'echo ok > /tmp/f; echo more >> /tmp/f; cat /tmp/f')).toEqual([
      'ok\nmore\n',
      '',
      0,
    ]);
    expect(await seen(net, '{ echo out; cat /nope; } &> /tmp/g; cat /tmp/g')).toEqual([
      'out\ncat: /nope: No such file or directory\n',
      '',
      0,
    ]);
    expect(await seen(net, 'echo x > /tmp/j; echo y >| /tmp/j; cat /tmp/j')).toEqual(['y\n', '', 0]);
    expect(await seen(net, 'exec 3> /tmp/e; echo x >&3; exec 3>&-; cat /tmp/e')).toEqual(['x\n', '', 0]);
    expect(
      await seen(net, 'echo 1 > /proc/sys/net/ipv4/ip_forward; cat /proc/sys/net/ipv4/ip_forward'),
    ).toEqual(['1\n', '', 0]);
  });
});

describe('a refused redirection in containers', () => {
  it('read-only /proc/sys: bash (ubuntu) and ash (busybox, sh -c) fail the command and go on', async () => {
    const net = await Scenario.start(2);
    await net.run('docker run -d --name u1 ubuntu sleep 1000');
    await net.run('docker run -d --name b1 busybox sleep 1000');
    expect(
      await seen(
        net,
        "docker exec u1 bash -c 'echo a; echo 1 > /proc/sys/net/ipv4/ip_forward; echo next $?'",
      ),
    ).toEqual(['a\nnext 1\n', 'bash: /proc/sys/net/ipv4/ip_forward: Read-only file system\n', 0]);
    expect(
      await seen(net, "docker exec b1 sh -c 'echo 1 > /proc/sys/net/ipv4/ip_forward || echo failed'"),
    ).toEqual(['failed\n', "sh: can't create /proc/sys/net/ipv4/ip_forward: Read-only file system\n", 0]);
  });

  it("BusyBox ash's words at its prompt: can't create, can't open, nonexistent directory, no such file", async () => {
    const net = await Scenario.start(3);
    await net.run('docker run -it --name b2 busybox');
    expect(net.inContainer).toBe(true);
    expect(await seen(net, 'echo a; echo 1 > /nonexistent/x; echo b $?')).toEqual([
      'a\nb 1\n',
      ENOENT_ASH,
      0,
    ]);
    expect(await seen(net, 'echo 1 > /etc/hosts/x; echo st=$?')).toEqual([
      'st=1\n',
      "sh: can't create /etc/hosts/x: nonexistent directory\n",
      0,
    ]);
    expect(await seen(net, 'echo 1 > /tmp; echo st=$?')).toEqual([
      'st=1\n',
      "sh: can't create /tmp: Is a directory\n",
      0,
    ]);
    expect(await seen(net, 'cat < /nope; echo st=$?')).toEqual([
      'st=1\n',
      "sh: can't open /nope: no such file\n",
      0,
    ]);
    expect(await seen(net, 'cat < /etc/hosts/x; echo st=$?')).toEqual([
      'st=1\n',
      "sh: can't open /etc/hosts/x: no such file\n",
      0,
    ]);
    expect(await seen(net, 'echo 1 > /proc/sys/net/ipv4/nonexist; echo st=$?')).toEqual([
      'st=1\n',
      "sh: can't create /proc/sys/net/ipv4/nonexist: nonexistent directory\n",
      0,
    ]);
  });
});

describe('redirectGuard on just-bash itself', () => {
  /** An in-memory file system that refuses every write under /ro. */
  class ReadOnlyRo extends InMemoryFs {
    override async writeFile(...a: Parameters<InMemoryFs['writeFile']>): Promise<void> {
      if (a[0].startsWith('/ro/')) throw new Error(`EROFS: read-only file system, open '${a[0]}'`);
      return super.writeFile(...a);
    }
  }
  const line = 'echo a; echo 1 > /ro/x; echo "b $?"';

  it('just-bash 3.4.2 alone ends the exec when the file of fd 1 cannot be opened', async () => {
    const bash = new Bash({ fs: new ReadOnlyRo({ '/ro/.keep': '' }) });
    await expect(bash.exec(line)).rejects.toThrow('EROFS');
  });

  it('guarded, the command fails with status 1 and the script goes on', async () => {
    const bash = new Bash({ fs: new ReadOnlyRo({ '/ro/.keep': '' }) });
    bash.registerTransformPlugin(redirectGuard);
    const r = await bash.exec(line);
    expect([r.stdout, r.stderr, r.exitCode]).toEqual([
      'a\nb 1\n',
      'bash: /ro/x: cannot open redirect target\n',
      0,
    ]);
  });
});
