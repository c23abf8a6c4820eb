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
const REAL = `$ ifconfig eth0 add 2001:db8::5/64
[rc=0]
$ ifconfig eth0 add 2001:db8::5/64
SIOCSIFADDR: File exists
[rc=1]
$ ifconfig eth0 inet6 add 2001:db8::6
[rc=0]
$ ifconfig eth0 del 2001:db8::9/64
SIOCDIFADDR: Cannot assign requested address
[rc=1]
$ ifconfig eth0 del 2001:db8::5/64
[rc=0]
$ ifconfig eth9 add 2001:db8::5/64
SIOGIFINDEX: No such device
[rc=1]
$ ifconfig eth0 add zz::1
zz::1: Resolver Error 0 (no error)
[rc=1]
$ busybox ifconfig eth0 add 2001:db8::7/64
[rc=0]
$ busybox ifconfig eth0 del 2001:db8::7/64
[rc=0]
$ busybox ifconfig eth0 del 2001:db8::7/64
ifconfig: SIOCDIFADDR: Cannot assign requested address
[rc=1]
$ ifconfig eth0 del 10.9.9.9
[rc=0]
`;

describe('ifconfig add/del', () => {
  it('IPv6 through SIOCSIFADDR/SIOCDIFADDR, IPv4 through a NAME:N alias, as the real tools do', async () => {
    const cmds = REAL.split('\n')
      .filter((l) => l.startsWith('$ '))
      .map((l) => `ip netns exec c ${l.slice(2)}`);
    const lines = await runLines([
      ...SETUP,
      ...cmds,
      'ip netns exec c ip -4 addr show dev eth0',
      'ip netns exec c ip -6 addr show dev eth0 scope global',
    ]);
    const out = lines
      .slice(SETUP.length, SETUP.length + cmds.length)
      .map((d) => `$ ${d.line.replace('ip netns exec c ', '')}\n${d.stdout}${d.stderr}[rc=${d.exitCode}]\n`)
      .join('');
    expect(out).toBe(REAL);
    expect(lines[lines.length - 2]?.stdout).toContain(
      '    inet 10.9.9.9/24 brd 10.1.0.255 scope global eth0:0\n',
    );
    expect(lines[lines.length - 1]?.stdout).toContain('    inet6 2001:db8::6/128 scope global');
  });
});
