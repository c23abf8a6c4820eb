/** curl transcripts; expected texts follow curl 7.88.1 as run against real servers. */
import { describe, expect, it } from 'vitest';
import { runLines } from '../../../cli/test_lines';

describe('curl', () => {
  it('published port, user network, container: sidecar, and the failures', async () => {
    const r = await runLines([
      'docker network create mynet',
      'docker run -d -p 8080:80 --name web --network mynet nginx',
      'curl localhost:8080 | head -4',
      'docker run --rm --network mynet nicolaka/netshoot curl -s http://web',
      'docker run --rm --network container:web nicolaka/netshoot curl -sI http://localhost',
      'curl http://127.0.0.1:8081/ | cat',
      'curl -s http://127.0.0.1:8081/',
      'curl --connect-timeout 2 -s -S http://10.0.12.99/',
      'curl -s http://nosuch.invalid/',
      'curl -sS http://nosuch.invalid/',
      'curl -s -o /dev/null -w "%{http_code}\\n" http://127.0.0.1:8080/nope',
      'curl -s -w "%{http_code}\\n" http://127.0.0.1:8081/',
      'curl',
    ]);
    expect(r[2]?.stdout).toBe('<!DOCTYPE html>\n<html>\n<head>\n<title>Welcome to nginx!</title>\n');
    expect(r[3]?.stdout).toContain('<h1>Welcome to nginx!</h1>');
    expect(r[3]?.stderr).toBe('');
    expect(r[4]?.stdout.startsWith('HTTP/1.1 200 OK\r\nServer: nginx/1.27.3\r\n')).toBe(true);
    // Into a pipe, not a terminal: the progress meter, then the error.
    expect(r[5]?.stderr).toBe(
      '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n' +
        '                                 Dload  Upload   Total   Spent    Left  Speed\n' +
        '\r  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0' +
        '\r  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0\n' +
        "curl: (7) Failed to connect to 127.0.0.1 port 8081 after 0 ms: Couldn't connect to server\n",
    );
    expect(r[5]?.exitCode).toBe(0);
    expect(r[6]).toMatchObject({ stderr: '', exitCode: 7 });
    expect(r[7]).toMatchObject({
      stderr: 'curl: (28) Failed to connect to 10.0.12.99 port 80 after 2000 ms: Timeout was reached\n',
      exitCode: 28,
    });
    expect(r[8]).toMatchObject({ stderr: '', exitCode: 6 });
    expect(r[9]?.stderr).toBe('curl: (6) Could not resolve host: nosuch.invalid\n');
    expect(r[10]?.stdout).toBe('404\n');
    expect(r[11]).toMatchObject({ stdout: '000\n', exitCode: 7 });
    expect(r[12]).toMatchObject({
      stderr: "curl: try 'curl --help' or 'curl --manual' for more information\n",
      exitCode: 2,
    });
  });

  it('-v on a terminal: the trace without the meter or the data line', async () => {
    const r = await runLines([
      'docker run -d -p 8080:80 --name web nginx',
      'curl -v http://127.0.0.1:8080/nope',
    ]);
    expect(r[1]?.stderr).toBe(
      '*   Trying 127.0.0.1:8080...\n' +
        '* Connected to 127.0.0.1 (127.0.0.1) port 8080 (#0)\n' +
        '> GET /nope HTTP/1.1\r\n> Host: 127.0.0.1:8080\r\n> User-Agent: curl/7.88.1\r\n> Accept: */*\r\n> \r\n' +
        '< HTTP/1.1 404 Not Found\r\n< Server: nginx/1.27.3\r\n< Date: Sat, 28 Nov 2026 00:00:00 GMT\r\n' +
        '< Content-Type: text/html\r\n' +
        '< Content-Length: 153\r\n< Connection: keep-alive\r\n< \r\n' +
        '* Connection #0 to host 127.0.0.1 left intact\n',
    );
  });
});

describe('curl -o into a place that cannot take the file', () => {
  it('warns with the errno (muted by -s) and fails with (23) after the full transfer', async () => {
    const r = await runLines([
      'docker run -d -p 8080:80 --name web nginx',
      'curl -o /nx/y http://127.0.0.1:8080/',
      'curl -sS -o /etc/hosts/y http://127.0.0.1:8080/',
      'curl -s -o /tmp http://127.0.0.1:8080/',
    ]);
    const meter = (r[1]?.stderr ?? '').split('Warning: ');
    expect(meter[0]).toBe(
      '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n' +
        '                                 Dload  Upload   Total   Spent    Left  Speed\n' +
        '\r  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0',
    );
    // The last meter line counts the whole body (its speeds are the simulated transfer's).
    const [warning, last, error] = (meter[1] ?? '').split('\n');
    expect(warning).toBe('Failed to open the file /nx/y: No such file or directory');
    expect(last?.startsWith('\r100   615  100   615    0     0 ')).toBe(true);
    expect(error).toBe('curl: (23) Failure writing output to destination');
    expect(r[1]?.exitCode).toBe(23);
    expect(r[2]).toMatchObject({
      stderr: 'curl: (23) Failure writing output to destination\n',
      exitCode: 23,
    });
    expect(r[3]).toMatchObject({ stderr: '', exitCode: 23 });
  });
});
