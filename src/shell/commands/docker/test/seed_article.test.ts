/**
 * The seed article's four modes (../shared/reference/seed-article.md), typed as a reader would. The article's
 * screenshots predate Docker 26.0.2: its eth0 had an IPv6 link-local line and its lo no "::1" (24/25 disabled
 * IPv6 in the whole namespace); Docker 27 gives eth0 no inet6 and keeps ::1 on lo, so inet6 lines are left out of
 * the comparison, as are the trailing spaces the article's transcription dropped.
 */
import { describe, expect, it } from 'vitest';
import { Scenario } from '../../../../sim/scenario';

const comparable = (s: string) =>
  s
    .split('\n')
    .filter((l) => !l.includes('inet6 addr'))
    .map((l) => l.replace(/\s+$/, ''))
    .join('\n');

describe('seed article', () => {
  it('null/none: only lo, an empty routing table', async () => {
    const net = await Scenario.start();
    await net.run('docker run --net=none -it busybox');
    expect(net.inContainer).toBe(true);
    const ifc = await net.run('ifconfig');
    expect(comparable(ifc.stdout)).toBe(
      comparable(`lo        Link encap:Local Loopback
          inet addr:127.0.0.1  Mask:255.0.0.0
          UP LOOPBACK RUNNING  MTU:65536  Metric:1
          RX packets:0 errors:0 dropped:0 overruns:0 frame:0
          TX packets:0 errors:0 dropped:0 overruns:0 carrier:0
          collisions:0 txqueuelen:1000
          RX bytes:0 (0.0 B)  TX bytes:0 (0.0 B)

`),
    );
    expect((await net.run('route -n')).stdout).toBe(
      'Kernel IP routing table\nDestination     Gateway         Genmask         Flags Metric Ref    Use Iface\n',
    );
    await net.run('exit');
  });

  it('bridge on a user-defined network: eth0 172.18.0.2 with MAC 02:42:ac:12:00:02, default via 172.18.0.1', async () => {
    const net = await Scenario.start();
    await net.run('docker network create mynet');
    await net.run('docker run -it --network mynet busybox');
    const ifc = (await net.run('ifconfig')).stdout;
    expect(comparable(ifc).split('\n').slice(0, 3).join('\n')).toBe(
      `eth0      Link encap:Ethernet  HWaddr 02:42:AC:12:00:02
          inet addr:172.18.0.2  Bcast:172.18.255.255  Mask:255.255.0.0
          UP BROADCAST RUNNING MULTICAST  MTU:1500  Metric:1`,
    );
    expect((await net.run('route -n')).stdout).toBe(
      'Kernel IP routing table\nDestination     Gateway         Genmask         Flags Metric Ref    Use Iface\n' +
        '0.0.0.0         172.18.0.1      0.0.0.0         UG    0      0        0 eth0\n' +
        '172.18.0.0      0.0.0.0         255.255.0.0     U     0      0        0 eth0\n',
    );
  });

  it('host: the container sees the host interfaces', async () => {
    const net = await Scenario.start();
    await net.run('docker network create mynet');
    await net.run('docker run -it --net=host busybox');
    const ifc = (await net.run('ifconfig')).stdout;
    const names = ifc
      .split('\n')
      .filter((l) => /^\S/.test(l))
      .map((l) => l.split(' ')[0]);
    expect(names).toEqual([expect.stringMatching(/^br-[0-9a-f]{12}$/), 'docker0', 'eth0', 'lo']);
    expect(ifc).toContain('          inet addr:10.0.12.13  Bcast:10.0.15.255  Mask:255.255.252.0\n');
    expect(ifc).toContain('          inet addr:172.17.0.1  Bcast:172.17.255.255  Mask:255.255.0.0\n');
    expect(ifc).toContain('          inet addr:172.18.0.1  Bcast:172.18.255.255  Mask:255.255.0.0\n');
    expect((await net.run('hostname')).stdout).toBe('docker-host\n');
  });

  it("container: the second container joins the first one's namespace (same IP, same ports)", async () => {
    const net = await Scenario.start();
    await net.run('docker run -d --name my-nginx1 nginx');
    const r = await net.run('docker run -d --name my-nginx2 --network container:my-nginx1 nginx');
    expect(r.exitCode).toBe(0);
    const id1 = await net.inspect('my-nginx1', '{{.Id}}');
    expect(await net.inspect('my-nginx2', '{{.HostConfig.NetworkMode}}')).toBe(`container:${id1}`);
    // Port 80 of the shared namespace already has nginx: the second one cannot bind it and exits.
    expect(await net.inspect('my-nginx2', '{{.State.Status}} {{.State.ExitCode}}')).toBe('exited 1');
    expect((await net.run('docker logs my-nginx2')).stdout).toContain(
      'nginx: [emerg] bind() to 0.0.0.0:80 failed (98: Address already in use)\n',
    );
    // A sidecar in the same namespace sees the same interfaces and address.
    const side = await net.run('docker run --rm --network container:my-nginx1 busybox ip -4 addr show eth0');
    expect(side.stdout).toContain('inet 172.17.0.2/16 brd 172.17.255.255 scope global eth0');
  });
});
