/**
 * -e and --env-file of docker run/create/exec (opts.ValidateEnv, ReadKVEnvStrings, pkg/kvfile): the files'
 * lines first, -e after; a bare KEY from the CLI's environment (dropped from a file when unset, sent bare by
 * -e, which unsets it); Config.Env is the user's list then the image's variables not set by the user
 * (daemon/commit.go merge); exec's values override the container's (ReplaceOrAppendEnvValues).
 */
import { describe, expect, it } from 'vitest';
import { Scenario } from '../../../../sim/scenario';

type Out = [string, string, number];

async function run(net: Scenario, line: string): Promise<Out> {
  const r = await net.run(line);
  return [r.stdout, r.stderr, r.exitCode];
}

const PATH = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

describe('docker --env-file', () => {
  it('file lines, then -e; bare names from the CLI environment; the image variables after', async () => {
    const net = await Scenario.start(3);
    await net.run("printf '# comment\\n\\n  A=1\\nB\\nC= spaced \\r\\nunset_here\\n' > /root/env.list");
    await net.run('export B=fromcli');
    await net.run('cd /root');
    await net.run('docker create --name e1 --env-file env.list -e A=2 -e D -e B busybox');
    expect(await net.inspect('e1', '{{json .Config.Env}}')).toBe(
      `["A=1","B=fromcli","C= spaced ","A=2","D","B=fromcli","${PATH}"]`,
    );
    // A user PATH replaces the image's.
    await net.run('docker create --name e2 -e PATH=/bin nginx');
    expect(await net.inspect('e2', '{{json .Config.Env}}')).toBe(
      '["PATH=/bin","NGINX_VERSION=1.27.3","NJS_VERSION=0.8.8","NJS_RELEASE=1~bookworm","PKG_RELEASE=1~bookworm"]',
    );
  });

  it("the container's processes see them; exec's -e and --env-file override, a bare name unsets", async () => {
    const net = await Scenario.start(3);
    await net.run("printf 'A=1\\nC=3\\n' > /root/run.env");
    await net.run("printf 'X=9\\n' > /root/exec.env");
    await net.run('docker run -d --name w1 --env-file /root/run.env -e A=2 busybox sleep 1d');
    expect(await run(net, `docker exec w1 sh -c 'echo "[$A][$C][$X]"'`)).toEqual(['[2][3][]\n', '', 0]);
    expect(
      await run(net, `docker exec --env-file /root/exec.env -e C w1 sh -c 'echo "[$A][$C][$X]"'`),
    ).toEqual(['[2][][9]\n', '', 0]);
  });

  // A shell a docker exec starts is an interpreter of the container's own (session.ts machineShell): nothing of
  // the host session's exported variables (TERM, LANG, SHELL, USER) reaches it.
  it("a docker exec'd shell sees TERM only with the exec's -t, and none of the host's variables", async () => {
    const net = await Scenario.start(3);
    await net.run('docker run -dt --name w2 busybox sleep 1d');
    expect(await run(net, `docker exec w2 sh -c 'echo "[$TERM][$HOME][$LANG][$USER]"'`)).toEqual([
      '[][/root][][]\n',
      '',
      0,
    ]);
    expect(await run(net, `docker exec -t w2 sh -c 'echo "[$TERM]"'`)).toEqual(['[xterm]\n', '', 0]);
  });

  it("a docker exec'd process sees the container's files, and the host does not", async () => {
    const net = await Scenario.start(3);
    await net.run('docker run -d --name c1 busybox sleep 1d');
    await net.run('docker exec c1 sh -c "echo hi > /tmp/f"');
    expect(await run(net, 'docker exec c1 cat /tmp/f')).toEqual(['hi\n', '', 0]);
    expect(await run(net, 'cat /tmp/f')).toEqual(['', 'cat: /tmp/f: No such file or directory\n', 1]);
    expect(await run(net, 'docker exec c1 cat /etc/hostname')).toEqual([
      `${(await run(net, 'docker inspect -f "{{.Config.Hostname}}" c1'))[0]}`,
      '',
      0,
    ]);
  });

  it("errors: the file's (run/create: docker: ... exit 125; exec: before the container, exit 1), -e's flag check", async () => {
    const net = await Scenario.start(3);
    expect(await run(net, 'docker run --env-file nope busybox')).toEqual([
      '',
      "docker: open nope: no such file or directory.\nSee 'docker run --help'.\n",
      125,
    ]);
    expect(await run(net, 'docker exec --env-file nope nosuch true')).toEqual([
      '',
      'open nope: no such file or directory\n',
      1,
    ]);
    await net.run("printf 'ok=1\\n   =x\\n' > /root/bad.env");
    expect(await run(net, 'docker create --env-file /root/bad.env busybox')).toEqual([
      '',
      "docker: invalid env file (/root/bad.env): no variable name on line '=x'.\nSee 'docker create --help'.\n",
      125,
    ]);
    await net.run("printf 'MY VAR=1\\n' > /root/sp.env");
    expect(await run(net, 'docker exec --env-file /root/sp.env nosuch true')).toEqual([
      '',
      "invalid env file (/root/sp.env): variable 'MY VAR' contains whitespaces\n",
      1,
    ]);
    expect(await run(net, 'docker run -e =x busybox')).toEqual([
      '',
      'invalid argument "=x" for "-e, --env" flag: invalid environment variable: =x\nSee \'docker run --help\'.\n',
      125,
    ]);
  });
});
