/**
 * /proc's directories list what can be opened in them (checked against `ls` on the development machine's
 * /proc/sys/net/ipv4: same names, same order, for the sysctls modelled).
 */
import { describe, expect, it } from 'vitest';
import { runLines } from '../../../cli/test_lines';

const out = (r: { stdout: string; stderr: string; exitCode: number }) => [r.stdout, r.stderr, r.exitCode];

describe('listing /proc', () => {
  it('lists /proc, /proc/net and the /proc/sys tree of the reader’s namespace', async () => {
    const r = await runLines([
      'ls /proc',
      'ls /proc/net',
      'ls /proc/sys',
      'ls /proc/sys/net/ipv4/conf',
      'ls -ld /proc/sys/net/ipv4',
      'cd /proc/sys/net/ipv4; echo 1 > ip_forward; echo "st=$?"; cat ip_forward; cd /',
      'exec 5> /proc/sys/net/ipv4; echo "e5=$?"',
      'ip netns add x; ip netns exec x ls /proc/sys/net/ipv4/conf',
    ]);
    expect(r.map(out)).toEqual([
      ['net  sys\n', '', 0],
      ['arp  dev  if_inet6  route\n', '', 0],
      ['net\n', '', 0],
      ['all  default  docker0  eth0  lo\n', '', 0],
      ['dr-xr-xr-x 1 root root 0 Nov 28 00:00 /proc/sys/net/ipv4\n', '', 0],
      ['st=0\n1\n', '', 0],
      ['e5=1\n', 'bash: /proc/sys/net/ipv4: Is a directory\n', 0],
      ['all\ndefault\nlo\n', '', 0],
    ]);
  });

  it('a busybox container lists no /etc/os-release, which its image does not have', async () => {
    const r = await runLines(['docker run -d --name b1 busybox sleep 1000', 'docker exec b1 ls /etc']);
    expect(out(r[1]!)).toEqual(['hostname\nhosts\nnetwork\nresolv.conf\n', '', 0]);
  });
});
