import { describe, expect, it } from 'vitest';
import { runLines } from '../../../cli/test_lines';

/** Checked on Linux 6.18 with net-tools 2.10 and BusyBox 1.35 (test/oracle-variants/addrs). */
const SETUP = [
  'ip netns add h',
  'ip netns add p',
  'ip -n h link add eth0 type veth peer name eth0 netns p',
  'ip -n h link set eth0 address 52:54:00:bb:00:01',
  'ip -n h link set lo up',
  'ip -n h link set eth0 up',
  'ip -n h addr add 10.1.0.10/24 brd + dev eth0',
];

describe('ifconfig and address labels', () => {
  it('ends the listing at a label that names no device (SIOCGIFFLAGS on "web" is ENODEV), exit 1', async () => {
    const r = await runLines([
      ...SETUP,
      'ip -n h addr add 10.9.0.1/24 dev eth0 label web:1',
      'ip netns exec h ifconfig',
      'ip netns exec h busybox ifconfig',
    ]);
    const [, gnu, bb] = r.slice(SETUP.length);
    expect(gnu?.stderr).toBe('web:1: error fetching interface information: Device not found\n');
    expect(gnu?.exitCode).toBe(1);
    expect(gnu?.stdout).toMatch(/^eth0: .*\n[\s\S]*\nlo: /);
    expect(bb?.stderr).toBe('ifconfig: web:1: error fetching interface information: Device not found\n');
    expect(bb?.exitCode).toBe(1);
  });

  it('SIOCSIFFLAGS on an alias without an address fails with EADDRNOTAVAIL, exit 255', async () => {
    const r = await runLines([
      ...SETUP,
      'ip netns exec h ifconfig eth0:6 192.168.77.1 netmask 255.255.255.0 up',
      'ip netns exec h ifconfig eth0:6 down',
      'ip netns exec h ifconfig eth0:6 down',
      'ip netns exec h ifconfig eth0:7 up',
    ]);
    const [add, down, again, up] = r.slice(SETUP.length);
    expect([add?.exitCode, down?.exitCode]).toEqual([0, 0]);
    expect(again?.stderr).toBe('SIOCSIFFLAGS: Cannot assign requested address\n');
    expect(again?.exitCode).toBe(255);
    expect(up?.stderr).toBe('SIOCSIFFLAGS: Cannot assign requested address\n');
    expect(up?.exitCode).toBe(255);
  });
});
