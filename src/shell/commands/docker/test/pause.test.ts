/**
 * docker pause / unpause (moby v27.5.1 daemon/pause.go, unpause.go; cli container/pause.go): the daemon's
 * errors and the CLI's output, State.Paused in ps/inspect/filters, what a paused container refuses (exec,
 * start, rm without -f), and the freezer's effect on the network: the kernel still answers, the programs do
 * not until thawed.
 */
import { describe, expect, it } from 'vitest';
import { runLines } from '../../../../cli/test_lines';

const WEB = '0393a659bf4e108644c0319d0a18e0432d5bccf54a19e0c1526de0146c93c758';

describe('docker pause and unpause', () => {
  it('prints each name as given; errors are the daemon’s, gathered at the end, exit 1', async () => {
    const r = await runLines([
      'docker run -d --name web nginx',
      'docker create --name idle busybox',
      'docker pause web idle nosuch',
      'docker pause web',
      'docker unpause web',
      'docker unpause web',
      'docker pause',
    ]);
    expect(r[2]).toMatchObject({
      stdout: 'web\n',
      stderr:
        `Error response from daemon: container ${r[1]?.stdout.trim()} is not running\n` +
        'Error response from daemon: No such container: nosuch\n',
      exitCode: 1,
    });
    expect(r[3]?.stderr).toBe(`Error response from daemon: Container ${WEB} is already paused\n`);
    expect(r[4]).toMatchObject({ stdout: 'web\n', stderr: '', exitCode: 0 });
    expect(r[5]).toMatchObject({
      stdout: '',
      stderr: `Error response from daemon: Container ${WEB} is not paused\n`,
      exitCode: 1,
    });
    expect(r[6]?.stderr).toBe(
      '"docker pause" requires at least 1 argument.\nSee \'docker pause --help\'.\n\nUsage:  docker pause CONTAINER [CONTAINER...]\n\nPause all processes within one or more containers\n',
    );
  });

  it('a paused container is running and paused: ps, filters, inspect; exec, start and rm refuse it', async () => {
    const r = await runLines([
      'docker run -d --name web nginx',
      'docker pause web',
      "docker ps --format '{{.Names}} {{.State}} {{.Status}}'",
      'docker ps -q --filter status=running | wc -l',
      "docker ps --filter status=paused --format '{{.Names}}'",
      "docker inspect -f '{{.State.Status}} {{.State.Running}} {{.State.Paused}}' web",
      'docker exec web ls',
      'docker start web',
      'docker rm web',
      'docker container unpause web',
      "docker inspect -f '{{.State.Status}} {{.State.Paused}}' web",
    ]);
    expect(r[2]?.stdout).toBe('web paused Up Less than a second (Paused)\n');
    expect(r[3]?.stdout).toBe('0\n');
    expect(r[4]?.stdout).toBe('web\n');
    expect(r[5]?.stdout).toBe('paused true true\n');
    expect(r[6]).toMatchObject({
      stderr: 'Error response from daemon: Container web is paused, unpause the container before exec\n',
      exitCode: 1,
    });
    expect(r[7]).toMatchObject({
      stderr:
        'Error response from daemon: cannot start a paused container, try unpause instead\nError: failed to start containers: web\n',
      exitCode: 1,
    });
    expect(r[8]?.stderr).toBe(
      'Error response from daemon: cannot remove container "/web": container is paused and must be unpaused first\n',
    );
    expect(r[9]?.stdout).toBe('web\n');
    expect(r[10]?.stdout).toBe('running false\n');
  });

  it('the kernel answers for a frozen container; its programs answer once thawed', async () => {
    const r = await runLines([
      'docker run -d --name web nginx',
      'docker pause web',
      'ping -c 1 -W 1 172.17.0.2',
      "curl -m 2 -s -o /dev/null -w '%{http_code}\\n' http://172.17.0.2/",
      'docker logs web 2>&1 | grep -c GET',
      'docker unpause web',
      'sleep 1',
      'docker logs web 2>&1 | grep -c GET',
      "curl -s -o /dev/null -w '%{http_code}\\n' http://172.17.0.2/",
    ]);
    // ICMP echo is the kernel's: a paused container still answers a ping.
    expect(r[2]?.exitCode).toBe(0);
    // The handshake completes into nginx's backlog; nginx, frozen, never answers: curl times out (28).
    expect(r[3]).toMatchObject({ stdout: '000\n', exitCode: 28 });
    expect(r[4]?.stdout).toBe('0\n');
    // Thawed, nginx reads the request that waited in its socket and logs it.
    expect(r[7]?.stdout).toBe('1\n');
    expect(r[8]?.stdout).toBe('200\n');
  });

  it('stop and kill work on a paused container (the signal, then the thaw)', async () => {
    const r = await runLines([
      'docker run -d --name web nginx',
      'docker run -d --name box busybox sleep 1d',
      'docker pause web box',
      'docker stop web',
      'docker kill box',
      "docker ps -a --format '{{.Names}} {{.Status}}'",
      "docker inspect -f '{{.State.Paused}}' web box",
      'docker start web',
      "docker ps --format '{{.Names}} {{.State}}'",
    ]);
    expect(r[3]?.stdout).toBe('web\n');
    expect(r[4]?.stdout).toBe('box\n');
    expect(r[5]?.stdout).toBe(
      'box Exited (137) Less than a second ago\nweb Exited (0) Less than a second ago\n',
    );
    expect(r[6]?.stdout).toBe('false\nfalse\n');
    expect(r[8]?.stdout).toBe('web running\n');
  });
});
