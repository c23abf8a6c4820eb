/**
 * docker images --filter and the REPOSITORY[:TAG] argument as the daemon does them (daemon/images/image_list.go
 * Images): dangling, label, before/since (GetImage), until (api/types/time), reference (path.Match on the
 * familiar name:tag, then the name); the daemon's errors; the legacy command's ambiguity hint.
 * The catalogue's images were created (World epoch 2026-11-28) on: alpine 2026-02-01, ubuntu 2026-01-22,
 * nginx 2026-01-02, nicolaka/netshoot 2025-12-03, busybox 2025-10-04.
 */
import { describe, expect, it } from 'vitest';
import { Scenario } from '../../../../sim/scenario';

type Out = [string, string, number];

async function repos(net: Scenario, args: string): Promise<Out> {
  const r = await net.run(`docker images ${args} --format '{{.Repository}}:{{.Tag}}'`);
  return [r.stdout.trim().split('\n').join(' '), r.stderr, r.exitCode];
}

const err = (msg: string): Out => ['', `Error response from daemon: ${msg}\n`, 1];
const ALL = 'alpine:latest ubuntu:latest nginx:latest nicolaka/netshoot:latest busybox:latest';

describe('docker images --filter', () => {
  it('reference globs the familiar name:tag and the name; the argument is one more reference', async () => {
    const net = await Scenario.start(3);
    expect(await repos(net, '')).toEqual([ALL, '', 0]);
    expect(await repos(net, 'busybox')).toEqual(['busybox:latest', '', 0]);
    expect(await repos(net, 'busybox:latest')).toEqual(['busybox:latest', '', 0]);
    expect(await repos(net, 'busybox:1.36')).toEqual(['', '', 0]);
    expect(await repos(net, "'b*'")).toEqual(['busybox:latest', '', 0]);
    // '*' does not cross '/': nicolaka/netshoot needs its own component.
    expect(await repos(net, "-f 'reference=*'")).toEqual([
      'alpine:latest ubuntu:latest nginx:latest busybox:latest',
      '',
      0,
    ]);
    expect(await repos(net, "-f 'reference=*/*'")).toEqual(['nicolaka/netshoot:latest', '', 0]);
    expect(await repos(net, "-f 'reference=*:lat?st'")).toEqual([
      'alpine:latest ubuntu:latest nginx:latest busybox:latest',
      '',
      0,
    ]);
    expect(await repos(net, "-f 'reference=[a-n]*' -f reference=ubuntu")).toEqual([
      'alpine:latest ubuntu:latest nginx:latest busybox:latest',
      '',
      0,
    ]);
    expect(await repos(net, "-f 'reference=[^a-n]*'")).toEqual(['ubuntu:latest', '', 0]);
    // The argument is one more value of the same key: either may match.
    expect(await repos(net, "-f 'reference=*x' nginx")).toEqual(['nginx:latest busybox:latest', '', 0]);
    expect(await repos(net, "-f 'reference=[' nginx")).toEqual(err('syntax error in pattern'));
    expect(await repos(net, "-f 'reference=\\'")).toEqual(err('syntax error in pattern'));
  });

  it('dangling, label, before, since and until', async () => {
    const net = await Scenario.start(3);
    expect(await repos(net, '-f dangling=true')).toEqual(['', '', 0]);
    expect(await repos(net, '-f dangling=false')).toEqual([ALL, '', 0]);
    expect(await repos(net, '-f label=maintainer')).toEqual(['nginx:latest', '', 0]);
    expect(await repos(net, '-f label=org.opencontainers.image.version=24.04')).toEqual([
      'ubuntu:latest',
      '',
      0,
    ]);
    expect(await repos(net, '-f label=org.opencontainers.image.version=22.04')).toEqual(['', '', 0]);
    expect(await repos(net, '-f before=nginx')).toEqual(['nicolaka/netshoot:latest busybox:latest', '', 0]);
    // Several before values: the oldest image wins; several since values: the newest.
    expect(await repos(net, '-f before=nginx -f before=nicolaka/netshoot:latest')).toEqual([
      'busybox:latest',
      '',
      0,
    ]);
    expect(await repos(net, '-f since=nginx -f since=busybox')).toEqual([
      'alpine:latest ubuntu:latest',
      '',
      0,
    ]);
    const id = (await net.run('docker images -q ubuntu')).stdout.trim();
    expect(await repos(net, `-f since=${id.slice(0, 6)}`)).toEqual(['alpine:latest', '', 0]);
    expect(await repos(net, `-f before=sha256:${id}`)).toEqual([
      'nginx:latest nicolaka/netshoot:latest busybox:latest',
      '',
      0,
    ]);
    expect(await repos(net, '-f until=2026-01-22')).toEqual([
      'nginx:latest nicolaka/netshoot:latest busybox:latest',
      '',
      0,
    ]);
    expect(await repos(net, '-f until=2026-01-22T00:00:01Z')).toEqual([
      'ubuntu:latest nginx:latest nicolaka/netshoot:latest busybox:latest',
      '',
      0,
    ]);
    // 300 days and an hour before now: alpine (300 days old) is newer.
    expect(await repos(net, '-f until=7201h')).toEqual([
      'ubuntu:latest nginx:latest nicolaka/netshoot:latest busybox:latest',
      '',
      0,
    ]);
    expect(await repos(net, '-f until=1767225600')).toEqual([
      'nicolaka/netshoot:latest busybox:latest',
      '',
      0,
    ]);
    expect(await repos(net, '-f until=1767225600 -f until=2025-11-01T00:00:00+01:00')).toEqual([
      'busybox:latest',
      '',
      0,
    ]);
  });

  it("the daemon's errors, the CLI's for a filter without '=', exit 1 and 125", async () => {
    const net = await Scenario.start(3);
    expect(await repos(net, '-f foo=bar')).toEqual(err("invalid filter 'foo'"));
    expect(await repos(net, '-f dangling=yes')).toEqual(err("invalid filter 'dangling=[yes]'"));
    expect(await repos(net, '-f dangling=true -f dangling=0')).toEqual(
      err("invalid filter 'dangling=[0 true]'"),
    );
    expect(await repos(net, '-f before=nosuch')).toEqual(err('No such image: nosuch:latest'));
    expect(await repos(net, '-f since=Busybox')).toEqual(
      err('invalid reference format: repository name (library/Busybox) must be lowercase'),
    );
    expect(await repos(net, "-f 'before=a b'")).toEqual(err('invalid reference format'));
    expect(await repos(net, `-f since=${'0'.repeat(64)}`)).toEqual(
      err(`No such image: sha256:${'0'.repeat(64)}`),
    );
    expect(await repos(net, '-f until=yesterday')).toEqual(
      err('failed to parse value as time or duration: "yesterday"'),
    );
    expect(await repos(net, '-f until=2026-13-01')).toEqual(
      err('parsing time "2026-13-01": month out of range'),
    );
    expect(await repos(net, '-f until=2026-02-30')).toEqual(
      err('parsing time "2026-02-30": day out of range'),
    );
    expect(await repos(net, '-f until=2026-1-01')).toEqual(
      err('parsing time "2026-1-01" as "2006-01-02": cannot parse "1-01" as "01"'),
    );
    expect(await repos(net, '-f until=2026-01-01T10:00:00Zjunk')).toEqual(
      err('parsing time "2026-01-01T10:00:00Zjunk": extra text: "junk"'),
    );
    const r = await net.run('docker images -f nofilter');
    expect([r.stdout, r.stderr, r.exitCode]).toEqual([
      '',
      'invalid argument "nofilter" for "-f, --filter" flag: bad format of filter (expected name=value)\nSee \'docker images --help\'.\n',
      125,
    ]);
  });

  it('docker images with an image verb as argument hints at docker image VERB; docker image ls does not', async () => {
    const net = await Scenario.start(3);
    const a = await net.run('docker images ls');
    expect([a.stdout, a.stderr, a.exitCode]).toEqual([
      'REPOSITORY   TAG       IMAGE ID   CREATED   SIZE\n',
      '\nNo images found matching "ls": did you mean "docker image ls"?\n',
      0,
    ]);
    const b = await net.run('docker image ls ls');
    expect([b.stderr, b.exitCode]).toEqual(['', 0]);
    const c = await net.run('docker images -q --no-trunc busybox');
    expect(c.stdout).toMatch(/^sha256:[0-9a-f]{64}\n$/);
  });
});
