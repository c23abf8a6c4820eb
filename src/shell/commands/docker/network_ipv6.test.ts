import { describe, expect, it } from 'vitest';
import { runLines } from '../../../cli/test_lines';

describe('docker network create --ipv6 (Docker 27.5.1)', () => {
  it('gives the bridge the gateway and containers IPAM addresses, a default route and IPv6 on eth0', async () => {
    const out = await runLines([
      'docker network create --ipv6 --subnet fd00:1::/64 n6',
      'docker run -d --name c1 --network n6 busybox sleep 1000',
      'docker run -d --name c2 --network n6 busybox sleep 1000',
      "docker inspect -f '{{.NetworkSettings.Networks.n6.GlobalIPv6Address}}/{{.NetworkSettings.Networks.n6.GlobalIPv6PrefixLen}} via {{.NetworkSettings.Networks.n6.IPv6Gateway}}' c2",
      "docker network inspect -f '{{json .IPAM.Config}}' n6",
      "docker network inspect -f '{{range .Containers}}{{.Name}} {{.IPv6Address}} {{end}}' n6",
      'docker exec c1 ip -6 route show default',
      'docker exec c1 cat /proc/sys/net/ipv6/conf/eth0/disable_ipv6',
      'docker exec c1 ping -c 1 fd00:1::3',
      'docker run -d --name c3 busybox sleep 1000',
      'docker exec c3 cat /proc/sys/net/ipv6/conf/eth0/disable_ipv6',
      "docker inspect -f '[{{.NetworkSettings.GlobalIPv6Address}}]' c3",
      'sysctl net.ipv6.conf.all.forwarding',
    ]);
    const text = out.map((o) => o.stdout);
    expect(text[3]).toBe('fd00:1::3/64 via fd00:1::1\n');
    // buildIPAMResources: the user's IPv6 config (no gateway given), then what IPAM allocated for IPv4.
    expect(text[4]).toBe('[{"Subnet":"fd00:1::/64"},{"Subnet":"172.18.0.0/16","Gateway":"172.18.0.1"}]\n');
    expect(text[5]?.split(' ').sort().join(' ')).toBe('\n c1 c2 fd00:1::2/64 fd00:1::3/64');
    expect(text[6]).toBe('default via fd00:1::1 dev eth0  metric 1024 \n');
    expect(text[7]).toBe('0\n');
    expect(text[8]).toContain('64 bytes from fd00:1::3: seq=0 ttl=64 time=');
    expect(text[10]).toBe('1\n');
    expect(text[11]).toBe('[]\n');
    expect(text[12]).toBe('net.ipv6.conf.all.forwarding = 1\n');
  });

  it('lists the IPv6 address in /etc/hosts and keeps the IPv6 gateway endpoint first (Endpoint.Less)', async () => {
    const out = await runLines([
      'docker network create --ipv6 --subnet fd00:1::/64 n6',
      'docker run -d --name c1 --hostname h1 --network n6 busybox sleep 1000',
      'docker network connect bridge c1',
      'docker exec c1 tail -n 3 /etc/hosts',
      'docker exec c1 ip route show default',
      'docker exec c1 ip -6 route show default',
    ]);
    expect(out[3]?.stdout).toBe('172.18.0.2\th1\nfd00:1::2\th1\n172.17.0.2\th1\n');
    expect(out[4]?.stdout).toBe('default via 172.18.0.1 dev eth0 \n');
    expect(out[5]?.stdout).toBe('default via fd00:1::1 dev eth0  metric 1024 \n');
  });

  it("nginx listens on [::]:80 too (the image's 10-listen-on-ipv6-by-default.sh), IPv6-only", async () => {
    const out = await runLines([
      'docker run -d --name web nginx',
      'docker run --rm --network container:web nicolaka/netshoot ss -tln',
      'docker run --rm --network container:web nicolaka/netshoot ss -tln -4',
      'docker run --rm --network container:web nicolaka/netshoot curl -s -o /dev/null -w %{http_code} http://127.0.0.1/',
    ]);
    // As ss 6.1 prints an IPv4 and an IPV6_V6ONLY listener on Linux 6.18.
    expect(out[1]?.stdout).toBe(
      'State  Recv-Q Send-Q Local Address:Port Peer Address:PortProcess\n' +
        'LISTEN 0      511          0.0.0.0:80        0.0.0.0:*          \n' +
        'LISTEN 0      511             [::]:80           [::]:*          \n',
    );
    expect(out[2]?.stdout.split('\n').length).toBe(3);
    expect(out[3]?.stdout).toBe('200');
  });

  it('takes /64s of the ULA /48 derived from the engine ID when no IPv6 subnet is given', async () => {
    const out = await runLines([
      'docker network create --ipv6 a6',
      'docker network create --ipv6 --subnet fd2b:efa1:ac3d:1::/64 b6',
      'docker network create --ipv6 c6',
      "docker network inspect -f '{{json .IPAM.Config}}' a6",
      "docker network inspect -f '{{json .IPAM.Config}}' c6",
    ]);
    // deriveULABaseNetwork(sha256 of 4f2c7a1e-9b3d-4e8a-b6c5-1d0e2f3a4b5c): fd2b:efa1:ac3d::/48.
    expect(out[3]?.stdout).toBe(
      '[{"Subnet":"172.18.0.0/16","Gateway":"172.18.0.1"},{"Subnet":"fd2b:efa1:ac3d::/64","Gateway":"fd2b:efa1:ac3d::1"}]\n',
    );
    expect(out[4]?.stdout).toBe(
      '[{"Subnet":"172.20.0.0/16","Gateway":"172.20.0.1"},{"Subnet":"fd2b:efa1:ac3d:2::/64","Gateway":"fd2b:efa1:ac3d:2::1"}]\n',
    );
  });
});
