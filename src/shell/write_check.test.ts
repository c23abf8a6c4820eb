/**
 * A write() the kernel refuses after the open (a sysctl's EINVAL) fails the command that wrote and the line
 * goes on, as in bash 5.2 and BusyBox 1.35 ash (checked in a scratch namespace: `ip netns exec zts-a bash -c
 * 'echo abc > /proc/sys/net/ipv4/ip_forward; echo "st=$?"; echo next'`).
 */
import { describe, expect, it } from 'vitest';
import { runLines } from '../cli/test_lines';

const out = (r: { stdout: string; stderr: string; exitCode: number }) => [r.stdout, r.stderr, r.exitCode];

describe('a refused write fails its command only', () => {
  it('bash: the builtin that wrote is named, status 1, the rest of the line runs', async () => {
    const r = await runLines([
      'echo abc > /proc/sys/net/ipv4/ip_forward; echo "st=$?"; echo next',
      'echo abc > /proc/sys/net/ipv4/ip_forward && echo and || echo or',
      'printf abc > /proc/sys/net/ipv4/ip_forward; echo "pf=$?"',
      'exec 3> /proc/sys/net/ipv4/ip_forward; echo "e3=$?"; echo abc >&3; echo "w3=$?"; exec 3>&-; echo after',
      'f() { echo abc > /proc/sys/net/ipv4/ip_forward; echo "in=$?"; }; f; echo "out=$?"',
      'echo 0 > /proc/sys/net/ipv4/ip_forward; echo "ok=$?"; cat /proc/sys/net/ipv4/ip_forward',
    ]);
    const err = 'bash: echo: write error: Invalid argument\n';
    expect(r.map(out)).toEqual([
      ['st=1\nnext\n', err, 0],
      ['or\n', err, 0],
      ['pf=1\n', 'bash: printf: write error: Invalid argument\n', 0],
      ['e3=0\nw3=1\nafter\n', err, 0],
      ['in=1\nout=0\n', err, 0],
      ['ok=0\n0\n', '', 0],
    ]);
  });

  it('ash in a --privileged busybox container: "sh: write error", status 1', async () => {
    const r = await runLines([
      'docker run -d --privileged --name p1 busybox sleep 1000',
      `docker exec p1 sh -c 'echo abc > /proc/sys/net/ipv4/ip_forward; echo "st=$?"; echo next; exec 3> /proc/sys/net/ipv4/ip_forward; echo abc >&3; echo "w3=$?"'`,
    ]);
    const err = 'sh: write error: Invalid argument\n';
    expect(out(r[1]!)).toEqual(['st=1\nnext\nw3=1\n', err + err, 0]);
  });

  it('a /proc/sys file takes a write at a position past 0 as done and ignores it (sysctl_writes_strict)', async () => {
    const r = await runLines([
      'exec 4>>/proc/sys/net/ipv4/ip_forward; echo 0 >&4; echo 1 >&4; cat /proc/sys/net/ipv4/ip_forward',
      'exec 3>/proc/sys/net/ipv4/ip_forward; echo 1 >&3; echo 0 >&3; echo "two=$?"; cat /proc/sys/net/ipv4/ip_forward',
      'echo 0 > /proc/sys/net/ipv4/ip_forward; echo 1 >> /proc/sys/net/ipv4/ip_forward; cat /proc/sys/net/ipv4/ip_forward',
    ]);
    expect(r.map(out)).toEqual([
      ['0\n', '', 0],
      ['two=0\n1\n', '', 0],
      ['1\n', '', 0],
    ]);
  });
});
