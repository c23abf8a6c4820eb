/**
 * Lifecycles a class replays: a container joined with --network container:X while X stops, starts and is
 * removed (the joiner keeps the namespace it joined: only lo once X's endpoints are gone, X's new one after
 * its own restart); published ports' rules and proxies while a container runs and after rm -f; docker top,
 * container prune, and network create's driver errors (daemon/network.go, cli/command/container/top.go).
 */
import { describe, expect, it } from 'vitest';
import { runLines } from '../../../../cli/test_lines';

describe('container lifecycles', () => {
  it('a container: joiner keeps its namespace while the other one stops, starts and goes', async () => {
    const r = await runLines([
      'docker run -d --name c1 busybox top',
      'docker run -d --name c2 --network container:c1 busybox top',
      'docker exec c2 ip -o -4 a',
      'docker stop c1',
      'docker exec c2 ip -o a',
      'docker start c1',
      'docker exec c2 ip -o a',
      'docker restart c2',
      'docker exec c2 ip -o -4 a',
      'docker rm -f c1',
      'docker restart c2',
    ]);
    const lo = '1: lo    inet 127.0.0.1/8 scope host lo\\       valid_lft forever preferred_lft forever\n';
    const lo6 = '1: lo    inet6 ::1/128 scope host \\       valid_lft forever preferred_lft forever\n';
    expect(r[2]?.stdout).toMatch(
      /^1: lo {4}inet 127\.0\.0\.1\/8 .*\n\d+: eth0 {4}inet 172\.17\.0\.2\/16 brd 172\.17\.255\.255 scope global eth0\\/,
    );
    expect(r[4]?.stdout).toBe(lo + lo6);
    expect(r[6]?.stdout).toBe(lo + lo6);
    expect(r[8]?.stdout).toMatch(/\n\d+: eth0 {4}inet 172\.17\.0\.2\/16 /);
    expect(r[10]).toMatchObject({
      stderr: expect.stringMatching(
        /^Error response from daemon: Cannot restart container c2: No such container: [0-9a-f]{64}\n$/,
      ),
      exitCode: 1,
    });
  });

  it('published ports: DNAT, ACCEPT and proxies while running, none after rm -f', async () => {
    const r = await runLines([
      'docker run -d --name p1 -p 127.0.0.1:8080:80 -p 5353:53/udp -p 9000-9001:90-91 nginx',
      "docker ps --format '{{.Ports}}'",
      'docker port p1 53/udp',
      'iptables -t nat -S DOCKER',
      'iptables -S DOCKER',
      'docker rm -f p1',
      'iptables -t nat -S DOCKER',
      'iptables -S DOCKER',
      'ss -ltnu',
    ]);
    expect(r[1]?.stdout).toBe(
      '0.0.0.0:5353->53/udp, [::]:5353->53/udp, 127.0.0.1:8080->80/tcp, 0.0.0.0:9000->90/tcp, [::]:9000->90/tcp, 0.0.0.0:9001->91/tcp, [::]:9001->91/tcp\n',
    );
    expect(r[2]?.stdout).toBe('0.0.0.0:5353\n[::]:5353\n');
    expect(r[3]?.stdout).toBe(
      '-N DOCKER\n-A DOCKER -i docker0 -j RETURN\n' +
        '-A DOCKER -d 127.0.0.1/32 ! -i docker0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80\n' +
        '-A DOCKER ! -i docker0 -p udp -m udp --dport 5353 -j DNAT --to-destination 172.17.0.2:53\n' +
        '-A DOCKER ! -i docker0 -p tcp -m tcp --dport 9000 -j DNAT --to-destination 172.17.0.2:90\n' +
        '-A DOCKER ! -i docker0 -p tcp -m tcp --dport 9001 -j DNAT --to-destination 172.17.0.2:91\n',
    );
    expect(r[4]?.stdout).toBe(
      '-N DOCKER\n' +
        '-A DOCKER -d 172.17.0.2/32 ! -i docker0 -o docker0 -p tcp -m tcp --dport 80 -j ACCEPT\n' +
        '-A DOCKER -d 172.17.0.2/32 ! -i docker0 -o docker0 -p udp -m udp --dport 53 -j ACCEPT\n' +
        '-A DOCKER -d 172.17.0.2/32 ! -i docker0 -o docker0 -p tcp -m tcp --dport 90 -j ACCEPT\n' +
        '-A DOCKER -d 172.17.0.2/32 ! -i docker0 -o docker0 -p tcp -m tcp --dport 91 -j ACCEPT\n',
    );
    expect(r[6]?.stdout).toBe('-N DOCKER\n-A DOCKER -i docker0 -j RETURN\n');
    expect(r[7]?.stdout).toBe('-N DOCKER\n');
    expect(r[8]?.stdout).not.toMatch(/LISTEN|UNCONN/);
  });

  it('docker top lists the main process with its shim as parent; not for a stopped container', async () => {
    const r = await runLines([
      'docker run -d --name t1 busybox top',
      'docker run -dit --name t2 busybox',
      'docker top t1',
      'docker top t2',
      'docker stop t1',
      'docker top t1',
    ]);
    const m =
      /^UID {17}PID {17}PPID {16}C {19}STIME {15}TTY {17}TIME {16}CMD\nroot {16}(\d+) +(\d+) +0 {19}00:00 {15}\? {19}00:00:00 {12}top\n$/.exec(
        r[2]?.stdout ?? '',
      );
    expect(m).not.toBeNull();
    expect(Number(m?.[2])).toBe(Number(m?.[1]) - 1);
    expect(r[3]?.stdout).toMatch(/ pts\/0 {15}00:00:00 {12}sh\n$/);
    expect(r[5]).toMatchObject({
      stderr: expect.stringMatching(/^Error response from daemon: container [0-9a-f]{64} is not running\n$/),
      exitCode: 1,
    });
  });

  it('container prune removes the stopped ones and prints their ids', async () => {
    const r = await runLines([
      'docker run -d --name k1 busybox top',
      'docker create --name k2 busybox',
      'docker run --name k3 busybox true',
      "docker inspect -f '{{.Id}}' k2",
      "docker inspect -f '{{.Id}}' k3",
      'docker container prune -f',
      "docker ps -a --format '{{.Names}}'",
      'docker container prune -f',
    ]);
    expect(r[5]?.stdout).toBe(
      `Deleted Containers:\n${r[4]?.stdout}${r[3]?.stdout}\nTotal reclaimed space: 0B\n`,
    );
    expect(r[6]?.stdout).toBe('k1\n');
    expect(r[7]?.stdout).toBe('Total reclaimed space: 0B\n');
  });

  it('network create: overlay needs swarm, host and null exist once, macvlan/ipvlan are not modelled, other drivers are missing plugins', async () => {
    const r = await runLines([
      'docker network create -d overlay ov',
      'docker network create -d host h2',
      'docker network create -d foo x1',
      'docker network create -d macvlan -o parent=eth0 mv',
      'docker network ls -q',
    ]);
    expect(r[0]).toMatchObject({
      stderr:
        'Error response from daemon: This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.\n',
      exitCode: 1,
    });
    expect(r[1]?.stderr).toBe('Error response from daemon: only one instance of "host" network is allowed\n');
    expect(r[2]?.stderr).toBe('Error response from daemon: plugin "foo" not found\n');
    // macvlan and ipvlan are built into real Docker: the playground says it does not model them.
    expect(r[3]).toMatchObject({
      stdout: '',
      stderr:
        'playground: the macvlan network driver is not simulated here; bridge, host and none networks are\n',
      exitCode: 1,
    });
    expect(r[4]?.stdout.split('\n').filter(Boolean)).toHaveLength(3);
  });

  it('ps -s adds SIZE: the writable layer and the image under it', async () => {
    const r = await runLines([
      'docker run -d --name f1 busybox top',
      "docker ps --format '{{.Names}} {{.Size}}'",
      'docker ps -s',
    ]);
    expect(r[1]?.stdout).toBe('f1 0B (virtual 4.27MB)\n');
    expect(r[2]?.stdout.split('\n')[0]).toMatch(/ {3}NAMES {5}SIZE$/);
  });

  it('a foreground ping with -c1 (attached count) prints and ends with its code', async () => {
    const r = await runLines([
      'docker run --rm busybox ping -c1 172.17.0.1',
      'docker run --rm busybox ping -qc1 -W1 10.9.9.9',
    ]);
    expect(r[0]?.stdout).toMatch(
      /^PING 172\.17\.0\.1 \(172\.17\.0\.1\): 56 data bytes\n64 bytes from 172\.17\.0\.1: seq=0 ttl=64 /,
    );
    expect(r[0]?.exitCode).toBe(0);
    expect(r[1]).toMatchObject({
      stdout:
        'PING 10.9.9.9 (10.9.9.9): 56 data bytes\n\n--- 10.9.9.9 ping statistics ---\n1 packets transmitted, 0 packets received, 100% packet loss\n',
      exitCode: 1,
    });
  });

  it('host mode shares the host network namespace, also through a container: chain (A.4.28, A.4.29)', async () => {
    const r = await runLines([
      'readlink /proc/1/ns/net',
      'docker run --rm --net=host busybox readlink /proc/self/ns/net',
      'docker run -d --name hh --net=host busybox top',
      'docker run --rm --net=container:hh busybox readlink /proc/self/ns/net',
      'docker run -d --name b1 busybox top',
      'docker run --rm --net=container:b1 busybox readlink /proc/self/ns/net',
      'docker exec b1 readlink /proc/1/ns/net',
    ]);
    expect(r[0]?.stdout).toBe('net:[4026531833]\n');
    expect(r[1]?.stdout).toBe(r[0]?.stdout);
    expect(r[3]?.stdout).toBe(r[0]?.stdout);
    expect(r[5]?.stdout).toMatch(/^net:\[\d+\]\n$/);
    expect(r[5]?.stdout).not.toBe(r[0]?.stdout);
    expect(r[6]?.stdout).toBe(r[5]?.stdout);
  });

  it("an endpoint that leaves takes the host's flows to and from its address with it (clearConntrackEntries)", async () => {
    const r = await runLines([
      'docker run -d -p 8080:80 --name ww nginx',
      'curl -s -o /dev/null 10.0.12.13:8080',
      'conntrack -L',
      'docker rm -f ww',
      'conntrack -L',
    ]);
    expect(r[2]?.stdout).toMatch(
      /^tcp {6}6 \d+ TIME_WAIT src=10\.0\.12\.13 dst=10\.0\.12\.13 sport=\d+ dport=8080 src=172\.17\.0\.2 /,
    );
    expect(r[4]?.stdout).toBe('');
    expect(r[4]?.stderr).toBe('conntrack v1.4.7 (conntrack-tools): 0 flow entries have been shown.\n');
  });
});
