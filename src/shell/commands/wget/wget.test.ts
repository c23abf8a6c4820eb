/** BusyBox wget transcripts (texts as Debian's BusyBox 1.35 prints them against a real server). */
import { describe, expect, it } from 'vitest';
import { runLines } from '../../../cli/test_lines';

describe('busybox wget', () => {
  it('fetches from a container on the same network and reports failures', async () => {
    const r = await runLines([
      'docker network create mynet',
      'docker run -d --name web --network mynet nginx',
      'docker run --rm --network mynet busybox wget -O - http://web',
      'docker run --rm --network mynet busybox wget -q -O - http://web/nope',
      'docker run --rm --network mynet busybox wget http://web:81/',
      'docker run --rm busybox wget http://web/',
      'docker run --rm --network mynet alpine wget -T 2 http://10.0.12.99/',
    ]);
    expect(r[2]?.stdout).toContain('<title>Welcome to nginx!</title>');
    expect(r[2]?.stderr).toBe(
      'Connecting to web (172.18.0.2:80)\nwriting to stdout\n' +
        '-                    100% |********************************|   615  0:00:00 ETA\nwritten to stdout\n',
    );
    expect(r[3]).toMatchObject({
      stderr: 'wget: server returned error: HTTP/1.1 404 Not Found\n',
      exitCode: 1,
    });
    expect(r[4]?.stderr).toBe(
      "Connecting to web:81 (172.18.0.2:81)\nwget: can't connect to remote host (172.18.0.2): Connection refused\n",
    );
    expect(r[5]?.stderr).toBe("wget: bad address 'web'\n");
    expect(r[6]?.stderr).toBe('Connecting to 10.0.12.99 (10.0.12.99:80)\nwget: download timed out\n');
  });
});

describe('busybox wget -O into a place that cannot take the file', () => {
  it('opens the file before "saving to" and says why it cannot (errno text)', async () => {
    const r = await runLines([
      'docker network create mynet',
      'docker run -d --name web --network mynet nginx',
      'docker run --rm --network mynet busybox wget -O /nx/y http://web/',
      'docker run --rm --network mynet busybox wget -q -O /etc/hosts/y http://web/',
      'docker run --rm --network mynet busybox wget -O /tmp http://web/',
      'docker run --rm --network mynet busybox sh -c "wget -O /tmp/x http://web/ && wc -c /tmp/x"',
    ]);
    expect(r[2]).toMatchObject({
      stderr: "Connecting to web (172.18.0.2:80)\nwget: can't open '/nx/y': No such file or directory\n",
      exitCode: 1,
    });
    expect(r[3]).toMatchObject({ stderr: "wget: can't open '/etc/hosts/y': Not a directory\n", exitCode: 1 });
    expect(r[4]?.stderr).toBe("Connecting to web (172.18.0.2:80)\nwget: can't open '/tmp': Is a directory\n");
    expect(r[5]?.stdout).toBe('615 /tmp/x\n');
    expect(r[5]?.stderr).toBe(
      "Connecting to web (172.18.0.2:80)\nsaving to '/tmp/x'\n" +
        "x                    100% |********************************|   615  0:00:00 ETA\n'/tmp/x' saved\n",
    );
  });
});
