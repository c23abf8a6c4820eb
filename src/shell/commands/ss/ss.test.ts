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
      /^Netid State {2}Recv-Q Send-Q Local Address:Port {2}Peer Address:PortProcess +\nudp {3}UNCONN 0 {6}0 {9}127\.0\.0\.11:\d+ {6}0\.0\.0\.0:\* {4}users:\(\("dockerd",pid=1,fd=3\)\)\ntcp {3}LISTEN 0 {6}4096 {6}127\.0\.0\.11:\d+ {6}0\.0\.0\.0:\* {4}users:\(\("dockerd",pid=1,fd=4\)\)\n$/,
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
});
