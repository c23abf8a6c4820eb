import { describe, expect, it } from 'vitest';
import { runLines } from '../../../cli/test_lines';
import { parseProcInt } from './proc_int';
import { parseSysctlArgs } from './parse';

describe('proc_dointvec parsing', () => {
  it('takes base-0 ints and the first of several values', () => {
    expect(parseProcInt('1\n')).toBe(1);
    expect(parseProcInt(' 0x1f ')).toBe(31);
    expect(parseProcInt('010')).toBe(8);
    expect(parseProcInt('-1')).toBe(-1);
    expect(parseProcInt('1 0')).toBe(1);
  });
  it('rejects what the kernel answers EINVAL', () => {
    for (const bad of ['', ' ', 'abc', '1x', '1=2', '08', '+1', '99999999999'])
      expect(parseProcInt(bad)).toBeNull();
  });
});

describe('sysctl options', () => {
  it('permutes options like getopt', () => {
    const p = parseSysctlArgs(['-w', 'a=1', '-q']);
    expect(p.kind === 'run' && p.opts.quiet && p.opts.write && p.opts.args).toEqual(['a=1']);
  });
  it('reports bad options', () => {
    expect(parseSysctlArgs(['-Z'])).toEqual({ kind: 'bad', message: "sysctl: invalid option -- 'Z'\n" });
    expect(parseSysctlArgs(['--foo'])).toEqual({
      kind: 'bad',
      message: "sysctl: unrecognized option '--foo'\n",
    });
  });
});

describe('sysctl', () => {
  it('reads, writes and propagates ip_forward as devinet_sysctl_forward does', async () => {
    const r = await runLines([
      'ip netns add h',
      'ip -n h link add eth0 type veth peer name p1',
      'ip netns exec h sysctl net.ipv4.ip_forward',
      'ip netns exec h sysctl -q -w net.ipv4.ip_forward=1',
      'ip netns exec h sysctl net.ipv4.conf.all.forwarding net.ipv4.conf.default.forwarding net.ipv4.conf.eth0.forwarding net.ipv4.conf.all.accept_redirects',
      'ip netns exec h sysctl -n net.ipv4.ip_forward',
      'ip netns exec h sysctl -w net.ipv4.ip_forward=5',
      'ip netns exec h cat /proc/sys/net/ipv4/conf/lo/forwarding',
    ]);
    expect(r[2]).toMatchObject({ stdout: 'net.ipv4.ip_forward = 0\n', exitCode: 0 });
    expect(r[3]).toMatchObject({ stdout: '', stderr: '', exitCode: 0 });
    expect(r[4]?.stdout).toBe(
      'net.ipv4.conf.all.forwarding = 1\nnet.ipv4.conf.default.forwarding = 1\n' +
        'net.ipv4.conf.eth0.forwarding = 1\nnet.ipv4.conf.all.accept_redirects = 0\n',
    );
    expect(r[5]?.stdout).toBe('1\n');
    expect(r[6]?.stdout).toBe('net.ipv4.ip_forward = 5\n');
    expect(r[7]?.stdout).toBe('5\n');
  });

  it('gives procps errors and exit codes', async () => {
    const r = await runLines([
      'sysctl net.foo net.bar',
      'sysctl -e net.foo',
      'sysctl -w net.ipv4.ip_forward=abc',
      'sysctl -w net.ipv4.ip_forward',
      'sysctl -w net.foo=1 net.bar=1',
      'sysctl ""',
      'sysctl net.ipv4.conf.eth9.forwarding',
      'sysctl',
    ]);
    expect(r[0]).toMatchObject({
      stderr:
        'sysctl: cannot stat /proc/sys/net/foo: No such file or directory\n' +
        'sysctl: cannot stat /proc/sys/net/bar: No such file or directory\n',
      exitCode: 2,
    });
    expect(r[1]).toMatchObject({ stdout: '', stderr: '', exitCode: 0 });
    expect(r[2]).toMatchObject({
      stderr: 'sysctl: setting key "net.ipv4.ip_forward": Invalid argument\n',
      exitCode: 1,
    });
    expect(r[3]).toMatchObject({
      stderr: 'sysctl: command line(0): invalid syntax, continuing...\n',
      exitCode: 1,
    });
    expect(r[4]?.exitCode).toBe(1);
    expect(r[5]).toMatchObject({ stderr: 'sysctl: "" is an unknown key\n', exitCode: 255 });
    expect(r[6]?.stderr).toBe(
      'sysctl: cannot stat /proc/sys/net/ipv4/conf/eth9/forwarding: No such file or directory\n',
    );
    expect(r[7]?.exitCode).toBe(1);
    expect(r[7]?.stderr.startsWith('\nUsage:\n sysctl [options] [variable[=value] ...]\n')).toBe(true);
  });

  it('disable_ipv6 removes and restores the link-local address', async () => {
    const r = await runLines([
      'ip netns add h',
      'ip -n h link add eth0 type veth peer name p1',
      'ip -n h link set eth0 up',
      'ip -n h link set p1 up',
      'sleep 3',
      'ip netns exec h sysctl -w net.ipv6.conf.eth0.disable_ipv6=1',
      'ip -n h -6 addr show dev eth0',
      'ip netns exec h cat /proc/sys/net/ipv6/conf/eth0/disable_ipv6',
      'ip netns exec h sysctl -q -w net.ipv6.conf.all.disable_ipv6=0',
      'ip netns exec h sysctl net.ipv6.conf.eth0.disable_ipv6 net.ipv6.conf.default.disable_ipv6',
    ]);
    expect(r[5]?.stdout).toBe('net.ipv6.conf.eth0.disable_ipv6 = 1\n');
    expect(r[6]?.stdout).toBe('');
    expect(r[7]?.stdout).toBe('1\n');
    expect(r[9]?.stdout).toBe(
      'net.ipv6.conf.eth0.disable_ipv6 = 0\nnet.ipv6.conf.default.disable_ipv6 = 0\n',
    );
  });

  it('lists a directory in strcmp order with device directories', async () => {
    const r = await runLines([
      'ip netns add h',
      'ip -n h link add a0 type veth peer name zz',
      'ip netns exec h sysctl -N net.ipv6.conf',
    ]);
    expect(r[2]?.stdout).toBe(
      [
        'net.ipv6.conf.a0.disable_ipv6',
        'net.ipv6.conf.a0.forwarding',
        'net.ipv6.conf.all.disable_ipv6',
        'net.ipv6.conf.all.forwarding',
        'net.ipv6.conf.default.disable_ipv6',
        'net.ipv6.conf.default.forwarding',
        'net.ipv6.conf.lo.disable_ipv6',
        'net.ipv6.conf.lo.forwarding',
        'net.ipv6.conf.zz.disable_ipv6',
        'net.ipv6.conf.zz.forwarding',
        '',
      ].join('\n'),
    );
  });

  it('/proc/sys files write through the same handlers', async () => {
    const r = await runLines([
      'echo 1 > /proc/sys/net/ipv4/ip_forward',
      'sysctl net.ipv4.conf.all.forwarding',
    ]);
    expect(r[1]?.stdout).toBe('net.ipv4.conf.all.forwarding = 1\n');
  });
});
