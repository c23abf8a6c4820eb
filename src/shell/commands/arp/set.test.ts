import { describe, expect, it } from 'vitest';
import { runLines } from '../../../cli/test_lines';

const SETUP = [
  'ip netns add c',
  'ip netns add d',
  'ip -n c link add eth0 type veth peer name eth0 netns d',
  'ip -n c addr add 10.1.0.1/24 brd + dev eth0',
  'ip -n c link set eth0 up',
  'ip -n d link set eth0 up',
];

/** The same commands on Linux 6.18 with net-tools 2.10 and BusyBox 1.35 (stdout+stderr, then "[rc=N]"). */
const REAL = `$ arp -s 10.1.0.50 02:00:00:00:00:50
[rc=0]
$ arp -n
Address                  HWtype  HWaddress           Flags Mask            Iface
10.1.0.50                ether   02:00:00:00:00:50   CM                    eth0
[rc=0]
$ arp -a
? (10.1.0.50) at 02:00:00:00:00:50 [ether] PERM on eth0
[rc=0]
$ cat /proc/net/arp
IP address       HW type     Flags       HW address            Mask     Device
10.1.0.50        0x1         0x6         02:00:00:00:00:50     *        eth0
[rc=0]
$ arp -s 10.9.9.9 02:00:00:00:00:51
SIOCSARP: Network is unreachable
[rc=255]
$ arp -s 10.1.0.51 zz
arp: invalid hardware address
[rc=255]
$ arp -s 10.1.0.51
arp: need hardware address
[rc=255]
$ arp -d 10.1.0.50
[rc=0]
$ arp -d 10.1.0.50
No ARP entry for 10.1.0.50
[rc=255]
$ arp -n 10.1.0.77
10.1.0.77 (10.1.0.77) -- no entry
[rc=0]
$ arp -n -i lo
arp: in 0 entries no match found.
[rc=0]
$ arp -a 10.1.0.77
arp: in 0 entries no match found.
[rc=0]
$ busybox arp -s 10.1.0.52 02:00:00:00:00:52
[rc=0]
$ busybox arp -n
? (10.1.0.52) at 02:00:00:00:00:52 [ether] PERM on eth0
[rc=0]
$ busybox arp -d 10.1.0.52
[rc=0]
$ busybox arp -d 10.1.0.52
arp: SIOCDARP(pub): No such file or directory
[rc=1]
$ busybox arp -s 10.9.9.9 02:00:00:00:00:51
arp: SIOCSARP: Network is unreachable
[rc=1]
$ busybox arp -n 10.1.0.77
No match found in 0 entries
[rc=0]
$ arp -s 10.1.0.53 02:00:00:00:00:53 temp
[rc=0]
$ ip neigh
10.1.0.53 dev eth0 lladdr 02:00:00:00:00:53 STALE 
[rc=0]
$ arp -s 10.1.0.54 02:00:00:00:00:54 pub
SIOCSARP: No such device
[rc=255]
$ arp -d 10.9.9.9
SIOCDARP(dontpub): Network is unreachable
[rc=255]
`;

describe('arp -s / -d', () => {
  it('sets, deletes and reports errors as the real tools do', async () => {
    const cmds = REAL.split('\n')
      .filter((l) => l.startsWith('$ '))
      .map((l) => `ip netns exec c ${l.slice(2)}`);
    const out = (await runLines([...SETUP, ...cmds]))
      .slice(SETUP.length)
      .map((d) => `$ ${d.line.replace('ip netns exec c ', '')}\n${d.stdout}${d.stderr}[rc=${d.exitCode}]\n`)
      .join('');
    expect(out).toBe(REAL);
  });
});
