/** ss and netstat socket listings, laid out as iproute2 6.1 and net-tools 2.10 do. */
import { describe, expect, it } from 'vitest';
import { runLines } from '../../../cli/test_lines';

describe('ss and netstat sockets', () => {
  it('lists docker-proxy, the embedded DNS and connections', async () => {
    const r = await runLines([
      'docker network create mynet',
      'docker run -d -p 8080:80 --name web --network mynet nginx',
      'ss -tlnp',
      'curl -s localhost:8080 > /dev/null',
      'ss -tan',
      'docker run --rm --network mynet nicolaka/netshoot ss -tulnp',
      'netstat -tlnp',
      'busybox netstat -tan',
      'ss -y',
    ]);
    const pid = /pid=(\d+)/.exec(r[2]?.stdout ?? '')?.[1] ?? '';
    expect(r[2]?.stdout).toBe(
      `State  Recv-Q Send-Q Local Address:Port Peer Address:PortProcess${' '.repeat(32 + pid.length - 4)}\n` +
        `LISTEN 0      4096         0.0.0.0:8080      0.0.0.0:*    users:(("docker-proxy",pid=${pid},fd=3))\n`,
    );
    expect(r[4]?.stdout).toBe(
      'State     Recv-Q Send-Q Local Address:Port  Peer Address:PortProcess\n' +
        'LISTEN    0      4096         0.0.0.0:8080       0.0.0.0:*          \n' +
        'TIME-WAIT 0      0          127.0.0.1:32768    127.0.0.1:8080       \n' +
        'TIME-WAIT 0      0         172.18.0.1:32769   172.18.0.2:80         \n',
    );
    expect(r[5]?.stdout).toMatch(
      // dockerd holds the embedded DNS server's sockets from the host's PID namespace: the container's /proc
      // does not show it, so ss names no process.
      /^Netid State {2}Recv-Q Send-Q Local Address:Port {2}Peer Address:PortProcess\nudp {3}UNCONN 0 {6}0 {9}127\.0\.0\.11:\d+ {6}0\.0\.0\.0:\* {10}\ntcp {3}LISTEN 0 {6}4096 {6}127\.0\.0\.11:\d+ {6}0\.0\.0\.0:\* {10}\n$/,
    );
    expect(r[6]?.stdout).toBe(
      'Active Internet connections (only servers)\n' +
        'Proto Recv-Q Send-Q Local Address           Foreign Address         State       PID/Program name    \n' +
        `tcp        0      0 0.0.0.0:8080            0.0.0.0:*               LISTEN      ${`${pid}/docker-proxy`.padEnd(20)}\n`,
    );
    expect(r[7]?.stdout.split('\n')[1]).toBe(
      'Proto Recv-Q Send-Q Local Address           Foreign Address         State       ',
    );
    expect(r[8]?.exitCode).toBe(255);
    expect(r[8]?.stderr.startsWith("ss: invalid option -- 'y'\nUsage: ss [ OPTIONS ]\n")).toBe(true);
  });

  it('names a process only to readers in its PID namespace', async () => {
    const r = await runLines([
      'docker run -d --name web nginx',
      'docker run --rm --network container:web nicolaka/netshoot ss -tlnp',
      'docker run --rm --network container:web nicolaka/netshoot netstat -tlnp',
      'docker run -d --name shell --network container:web nicolaka/netshoot sleep 1d',
      'docker exec -d shell nc -lk -p 9001',
      'docker exec shell ss -tlnp',
      'docker run -d --name hostweb --net=host nginx',
      'ss -tlnp',
    ]);
    // The sidecar shares web's network namespace, not its PID namespace: nginx's socket, no process.
    expect(r[1]?.stdout).toBe(
      'State  Recv-Q Send-Q Local Address:Port Peer Address:PortProcess\n' +
        'LISTEN 0      511          0.0.0.0:80        0.0.0.0:*          \n' +
        // nginx's `listen [::]:80;` (the image's 10-listen-on-ipv6-by-default.sh), as ss prints it on 6.18.
        'LISTEN 0      511             [::]:80           [::]:*          \n',
    );
    expect(r[2]?.stdout.split('\n')[2]).toBe(
      'tcp        0      0 0.0.0.0:80              0.0.0.0:*               LISTEN      -                   ',
    );
    // Its own processes it sees; nginx still not.
    const own = r[5]?.stdout ?? '';
    expect(own).toMatch(/0\.0\.0\.0:80 +0\.0\.0\.0:\* +\n/);
    expect(own).toMatch(/0\.0\.0\.0:9001 +0\.0\.0\.0:\* +users:\(\("nc",pid=\d+,fd=3\)\)/);
    // The host's PID namespace sees every process: nginx of a --net=host container by its host pid.
    const hostPid = /pid=(\d+)/.exec(r[7]?.stdout ?? '')?.[1];
    expect(r[7]?.stdout).toMatch(/0\.0\.0\.0:80 +0\.0\.0\.0:\* +users:\(\("nginx",pid=\d+,fd=3\)\)/);
    expect(hostPid).not.toBe('1');
  });
});
