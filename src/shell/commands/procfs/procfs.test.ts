import { describe, expect, it } from 'vitest';
import { runLines } from '../../../cli/test_lines';

const SETUP = [
  'ip netns add c',
  'ip netns add d',
  'ip -n c link add eth0 type veth peer name eth0 netns d',
  'ip -n c link set eth0 address 02:00:00:00:00:01',
  'ip -n c addr add 10.1.0.1/24 brd + dev eth0',
  'ip -n c addr add 10.9.0.1/16 dev eth0 label eth0:1',
  'ip -n c link set lo up',
  'ip -n c link set eth0 up',
  'ip -n d link set eth0 up',
  'ip -n c route add default via 10.1.0.2',
  'ip -n c route add blackhole 10.50.0.0/16',
  'ip -n c route add unreachable 10.51.0.0/16',
  'ip -n c route add 10.53.0.0/16 via 10.1.0.2 metric 100',
  'ip -n c route add 10.54.1.1 dev eth0',
  'sleep 3',
];

/** cat /proc/net/route in the same setup on Linux 6.18 (lines padded to 127 columns). */
const REAL_ROUTE = `Iface	Destination	Gateway 	Flags	RefCnt	Use	Metric	Mask		MTU	Window	IRTT                                                       
eth0	00000000	0200010A	0003	0	0	0	00000000	0	0	0                                                                               
eth0	0000010A	00000000	0001	0	0	0	00FFFFFF	0	0	0                                                                               
eth0	0000090A	00000000	0001	0	0	0	0000FFFF	0	0	0                                                                               
*	0000320A	00000000	0001	0	0	0	0000FFFF	0	0	0                                                                                  
*	0000330A	00000000	0201	0	0	0	0000FFFF	0	0	0                                                                                  
eth0	0000350A	0200010A	0003	0	0	100	0000FFFF	0	0	0                                                                             
eth0	0101360A	00000000	0005	0	0	0	FFFFFFFF	0	0	0                                                                               
`;

describe('/proc/net files of the reading namespace', () => {
  it('route: main table in trie order, reject flags, "*" for device-less routes', async () => {
    const out = (
      await runLines([...SETUP, 'ip netns exec c cat /proc/net/route', 'cat /proc/net/route'])
    ).map((l) => l.stdout);
    expect(out[SETUP.length]).toBe(REAL_ROUTE);
    expect(out[SETUP.length + 1]).not.toContain('0000320A');
  });
  it('if_inet6 and dev list the namespace devices', async () => {
    const out = (
      await runLines([
        ...SETUP,
        'ip netns exec c cat /proc/net/if_inet6',
        'ip netns exec c cat /proc/net/dev',
      ])
    ).map((l) => l.stdout);
    expect(out[SETUP.length]?.split('\n').sort()).toEqual([
      '',
      '00000000000000000000000000000001 01 80 10 80       lo',
      'fe80000000000000000000fffe000001 02 40 20 80     eth0',
    ]);
    const dev = (out[SETUP.length + 1] ?? '').split('\n');
    expect(dev.slice(0, 2)).toEqual([
      'Inter-|   Receive                                                |  Transmit',
      ' face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed',
    ]);
    expect(dev.slice(2).map((l) => l.replace(/\d+/g, 'N'))).toEqual([
      '    lo:       N       N    N    N    N     N          N         N        N       N    N    N    N     N       N          N',
      '  ethN:       N       N    N    N    N     N          N         N        N       N    N    N    N     N       N          N',
      '',
    ]);
  });
});

describe('/proc/sys', () => {
  it("is read-only in a container (Docker's ReadonlyPaths), read-write on the host and under ip netns exec", async () => {
    const out = await runLines([
      'docker run -d --name c1 busybox sleep 1d',
      "docker exec c1 sh -c 'echo 1 > /proc/sys/net/ipv4/ip_forward'",
      'docker exec c1 cat /proc/sys/net/ipv4/ip_forward',
      'ip netns add x',
      "ip netns exec x sh -c 'echo 1 > /proc/sys/net/ipv4/ip_forward'",
      'ip netns exec x cat /proc/sys/net/ipv4/ip_forward',
    ]);
    expect(out.slice(1).map((o) => [o.stdout, o.stderr, o.exitCode])).toEqual([
      ['', "sh: can't create /proc/sys/net/ipv4/ip_forward: Read-only file system\n", 1],
      ['0\n', '', 0],
      ['', '', 0],
      ['', '', 0],
      ['1\n', '', 0],
    ]);
  });
});
