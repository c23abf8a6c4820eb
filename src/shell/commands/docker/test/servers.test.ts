/**
 * Detached containers whose main process serves a port: nginx, BusyBox httpd, a listening nc. Each listens in
 * the container's namespace while it runs (ss/netstat inside, docker top), answers through docker-proxy and
 * DNAT from the host, from other containers and through the host's address, and is gone once it stops.
 * Response texts are what nginx 1.27.3 and Debian's BusyBox 1.35 httpd send (httpd checked on the real binary).
 */
import { describe, expect, it } from 'vitest';
import { runLines } from '../../../../cli/test_lines';

const BB_404 =
  '<HTML><HEAD><TITLE>404 Not Found</TITLE></HEAD>\n<BODY><H1>404 Not Found</H1>\nThe requested URL was not found\n</BODY></HTML>\n';

describe('servers run by a container main process', () => {
  it('nginx answers on its published port, its address and through the host address; not after stop', async () => {
    const r = await runLines([
      'docker run -d -p 8080:80 --name web nginx',
      'curl -sI localhost:8080',
      'curl -s 172.17.0.2 | head -4',
      'docker network create other',
      'docker run --rm --network other busybox wget -qO- http://10.0.12.13:8080/ | grep title',
      'docker run --rm busybox wget -qO- http://172.17.0.2/nope',
      'docker top web',
      'docker stop web',
      'curl -s localhost:8080',
      'curl -s --connect-timeout 1 172.17.0.2',
    ]);
    expect(r[1]?.stdout).toBe(
      'HTTP/1.1 200 OK\r\nServer: nginx/1.27.3\r\nDate: Sat, 28 Nov 2026 00:00:00 GMT\r\n' +
        'Content-Type: text/html\r\nContent-Length: 615\r\nLast-Modified: Tue, 26 Nov 2024 15:55:00 GMT\r\n' +
        'Connection: keep-alive\r\nETag: "6745ef54-267"\r\nAccept-Ranges: bytes\r\n\r\n',
    );
    expect(r[2]?.stdout).toBe('<!DOCTYPE html>\n<html>\n<head>\n<title>Welcome to nginx!</title>\n');
    expect(r[4]?.stdout).toBe('<title>Welcome to nginx!</title>\n');
    expect(r[5]).toMatchObject({
      stderr: 'wget: server returned error: HTTP/1.1 404 Not Found\n',
      exitCode: 1,
    });
    expect(r[6]?.stdout).toMatch(
      /^UID {17}PID {17}PPID {16}C {19}STIME {15}TTY {17}TIME {16}CMD\nroot {16}(\d+) {16}\d+ {16}0 {19}00:00 {15}\? {19}00:00:00 {12}nginx: master process nginx -g daemon off;\n101 {17}\d+ {16}\1 {16}0 /,
    );
    expect(r[8]?.exitCode).toBe(7);
    // The address is gone: ARP gets no answer, curl's connect timer fires first.
    expect(r[9]?.exitCode).toBe(28);
  });

  it('busybox httpd -f serves its home (404 without index.html); without -f it forks and the container exits', async () => {
    const r = await runLines([
      'docker run -d -p 8082:80 --name h1 busybox httpd -f -p 80',
      'curl -si localhost:8082',
      'docker run -d --name h2 busybox sh -c "mkdir -p /www && echo hello > /www/index.html && httpd -f -h /www -p 8000"',
      'curl -s 172.17.0.3:8000',
      'curl -sI 172.17.0.3:8000/',
      'curl -s -X POST 172.17.0.3:8000/',
      'docker exec h1 netstat -ltn',
      'docker run -d --name h3 busybox httpd -p 80',
      "docker ps -a --format '{{.Names}} {{.Status}}'",
      'docker run -d --name h4 alpine httpd -f',
    ]);
    expect(r[1]?.stdout).toBe(
      'HTTP/1.1 404 Not Found\r\nDate: Sat, 28 Nov 2026 00:00:00 GMT\r\nConnection: close\r\n' +
        `Content-type: text/html\r\n\r\n${BB_404}`,
    );
    expect(r[3]?.stdout).toBe('hello\n');
    expect(r[4]?.stdout).toMatch(
      /^HTTP\/1\.1 200 OK\r\nDate: .* GMT\r\nConnection: close\r\nContent-type: text\/html\r\nAccept-Ranges: bytes\r\nLast-Modified: .* GMT\r\nETag: "[0-9a-f]+-6"\r\nContent-Length: 6\r\n\r\n$/,
    );
    expect(r[5]?.stdout).toBe(
      '<HTML><HEAD><TITLE>501 Not Implemented</TITLE></HEAD>\n<BODY><H1>501 Not Implemented</H1>\nThe requested method is not recognized\n</BODY></HTML>\n',
    );
    expect(r[6]?.stdout).toBe(
      'Active Internet connections (only servers)\n' +
        'Proto Recv-Q Send-Q Local Address           Foreign Address         State       \n' +
        'tcp        0      0 0.0.0.0:80              0.0.0.0:*               LISTEN      \n',
    );
    expect(r[8]?.stdout).toMatch(/^h3 Exited \(0\) Less than a second ago\nh2 Up .*\nh1 Up/);
    expect(r[9]?.stderr).toMatch(/exec: "httpd": executable file not found in \$PATH/);
    expect(r[9]?.exitCode).toBe(127);
  });

  it('nc -l takes one connection: what it reads is the log, and the container exits 0', async () => {
    const r = await runLines([
      'docker network create n1',
      'docker run -d --name srv --network n1 busybox nc -l -p 1234',
      'docker exec srv netstat -ltn',
      'docker run --rm --network n1 busybox sh -c "echo hello | nc srv 1234"',
      'docker logs srv',
      "docker ps -a --format '{{.Names}} {{.Status}}'",
      'docker run -d --name srv2 -p 8081:80 busybox nc -l -p 80',
      'curl -s localhost:8081',
    ]);
    expect(r[2]?.stdout).toMatch(/tcp {8}0 {6}0 0\.0\.0\.0:1234 {12}0\.0\.0\.0:\* {15}LISTEN/);
    expect(r[3]?.exitCode).toBe(0);
    expect(r[4]?.stdout).toBe('hello\n');
    expect(r[5]?.stdout).toMatch(/^srv Exited \(0\) /);
    // stdin is /dev/null: nc shuts its side at once, curl gets nothing back.
    expect(r[7]?.exitCode).toBe(52);
  });

  it('a shell loop around `echo | nc -l` answers every connection', async () => {
    const r = await runLines([
      `docker run -d --name r1 -p 9000:9000 busybox sh -c 'while true; do echo -e "HTTP/1.1 200 OK\\r\\n\\r\\nhi" | nc -l -p 9000; done'`,
      'curl -s localhost:9000',
      'curl -s localhost:9000',
    ]);
    expect(r[1]?.stdout).toBe('hi\n');
    expect(r[2]?.stdout).toBe('hi\n');
  });

  it('httpd and nc started with docker exec (-d) listen in the container until it stops', async () => {
    const r = await runLines([
      'docker run -d --name b1 busybox top',
      'docker exec b1 httpd -p 8080',
      'docker exec -d b1 nc -l -p 7000',
      'docker exec -d b1 sh -c "echo made > /tmp/x"',
      'docker exec b1 cat /tmp/x',
      'docker exec b1 netstat -ltn',
      'docker exec b1 httpd -p 8080',
      'docker run --rm alpine httpd',
      'docker restart b1',
      'docker exec b1 netstat -ltn',
    ]);
    expect(r[1]).toMatchObject({ stdout: '', stderr: '', exitCode: 0 });
    expect(r[2]).toMatchObject({ stdout: '', exitCode: 0 });
    expect(r[4]?.stdout).toBe('made\n');
    expect(r[5]?.stdout).toMatch(/0\.0\.0\.0:8080 .*LISTEN *\n.*0\.0\.0\.0:7000 .*LISTEN/);
    expect(r[6]).toMatchObject({ stderr: 'httpd: bind: Address already in use\n', exitCode: 1 });
    expect(r[7]?.exitCode).toBe(127);
    expect(r[9]?.stdout).not.toMatch(/LISTEN/);
  });

  it("nginx logs each request (and a missing file's error) to the container's log", async () => {
    const r = await runLines([
      'docker run -d --name c1 -p 8080:80 nginx',
      'curl -s -o /dev/null localhost:8080',
      'curl -sI "localhost:8080/?a=1"',
      'docker run --rm busybox wget -qO /dev/null 172.17.0.2/x',
      'docker logs c1 | tail -4',
    ]);
    expect(r[2]?.stdout.split('\r\n')[0]).toBe('HTTP/1.1 200 OK');
    expect(r[4]?.stdout).toBe(
      '172.17.0.1 - - [28/Nov/2026:00:00:00 +0000] "GET / HTTP/1.1" 200 615 "-" "curl/7.88.1" "-"\n' +
        '172.17.0.1 - - [28/Nov/2026:00:00:00 +0000] "HEAD /?a=1 HTTP/1.1" 200 0 "-" "curl/7.88.1" "-"\n' +
        '2026/11/28 00:00:00 [error] 29#29: *3 open() "/usr/share/nginx/html/x" failed (2: No such file or directory), client: 172.17.0.3, server: localhost, request: "GET /x HTTP/1.1", host: "172.17.0.2"\n' +
        '172.17.0.3 - - [28/Nov/2026:00:00:00 +0000] "GET /x HTTP/1.1" 404 153 "-" "Wget" "-"\n',
    );
  });

  it('a second nginx in the same namespace cannot bind :80: in the foreground it prints why and exits 1', async () => {
    const r = await runLines([
      'docker run -d --name web nginx',
      'docker run --rm --network container:web nginx',
      "docker ps -a --format '{{.Names}}'",
    ]);
    expect(r[1]?.exitCode).toBe(1);
    expect(r[1]?.stdout).toMatch(
      /\[emerg\] 1#1: still could not bind\(\)\nnginx: \[emerg\] still could not bind\(\)\n$/,
    );
    expect(r[2]?.stdout).toBe('web\n');
  });
});
