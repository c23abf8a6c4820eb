import { describe, expect, it } from 'vitest';
import { runLines } from '../../../cli/test_lines';

/** [stdout, stderr, exit] of each line after the setup; outputs as BusyBox 1.35 printed them on Linux 6.18. */
async function outcomes(setup: string[], lines: string[]) {
  const out = await runLines([...setup, ...lines]);
  return out.slice(setup.length).map((o) => [o.stdout, o.stderr, o.exitCode]);
}

describe('BusyBox sysctl', () => {
  it('reads, writes and words its errors as the applet does (busybox sysctl in a namespace)', async () => {
    const r = await outcomes(
      ['ip netns add s'],
      [
        'ip netns exec s busybox sysctl net.ipv4.ip_forward',
        'ip netns exec s busybox sysctl -n net/ipv4/ip_forward',
        'ip netns exec s busybox sysctl net.ipv4.ip_forward net.ipv4.nope net.ipv4.ip_default_ttl',
        'ip netns exec s busybox sysctl -e net.ipv4.nope',
        'ip netns exec s busybox sysctl -w net.ipv4.ip_forward',
        'ip netns exec s busybox sysctl -w =1',
        'ip netns exec s busybox sysctl -n -w net.ipv4.ip_forward=1',
        'ip netns exec s busybox sysctl -q net.ipv4.ip_forward',
        'ip netns exec s busybox sysctl net.ipv4.ip_forward=',
        'ip netns exec s busybox sysctl net.ipv4.ip_forward=abc net.ipv4.ip_default_ttl=9',
        'ip netns exec s busybox sysctl -w net.ipv4.conf.lo=1',
        'ip netns exec s busybox sysctl -p /nonexistent',
        'ip netns exec s busybox sysctl',
      ],
    );
    expect(r).toEqual([
      ['net.ipv4.ip_forward = 0\n', '', 0],
      ['0\n', '', 0],
      [
        'net.ipv4.ip_forward = 0\nnet.ipv4.ip_default_ttl = 64\n',
        "sysctl: error: 'net.ipv4.nope' is an unknown key\n",
        1,
      ],
      ['', '', 1],
      ['', "sysctl: error: 'net.ipv4.ip_forward' must be of the form name=value\n", 1],
      ['', "sysctl: error: malformed setting '=1'\n", 1],
      ['1\n', '', 0],
      ['net.ipv4.ip_forward = 1\n', '', 0],
      // An empty value writes nothing: the setting stays.
      ['net.ipv4.ip_forward = \n', '', 0],
      // A refused write ends the applet (bb_perror_msg_and_die): the second setting is never made.
      ['', 'sysctl: write error: Invalid argument\n', 1],
      ['', "sysctl: error setting key 'net.ipv4.conf.lo': Is a directory\n", 1],
      ['', 'sysctl: /nonexistent: No such file or directory\n', 0],
      ['', '', 0],
    ]);
  });

  it('is the sysctl of busybox, alpine and netshoot containers, where /proc/sys is read-only', async () => {
    const r = await outcomes(
      ['docker run -d --name b1 busybox sleep 1d', 'docker run -d --name n1 nicolaka/netshoot sleep 1d'],
      [
        'docker exec b1 sysctl net.ipv4.conf.eth0.forwarding',
        'docker exec b1 sysctl -w net.ipv4.ip_forward=1',
        'docker exec b1 sysctl -q net.ipv4.ip_forward=1',
        'docker exec n1 sysctl -w net.ipv4.ip_forward=1',
        'docker exec b1 sysctl -x',
      ],
    );
    expect(r.slice(0, 4)).toEqual([
      ['net.ipv4.conf.eth0.forwarding = 0\n', '', 0],
      ['', "sysctl: error setting key 'net.ipv4.ip_forward': Read-only file system\n", 1],
      ['', "sysctl: error setting key 'net.ipv4.ip_forward': Read-only file system\n", 1],
      ['', "sysctl: error setting key 'net.ipv4.ip_forward': Read-only file system\n", 1],
    ]);
    expect(r[4]?.[1]).toMatch(
      /^sysctl: invalid option -- 'x'\nBusyBox v1\.35\.0 .*\n\nUsage: sysctl \[-enq\]/,
    );
    expect(r[4]?.[2]).toBe(1);
  });

  it('-p: "key = value" lines, comments, a bad line reported, unknown keys reported, status 0', async () => {
    const r = await outcomes(
      ['ip netns add s'],
      [
        "printf 'net.ipv4.ip_forward = 1\\n# c\\n; d\\n  net.ipv4.ip_default_ttl=60\\nbogus line\\nnet.ipv4.nope = 3\\n' > /tmp/s.conf",
        'ip netns exec s busybox sysctl -p /tmp/s.conf',
      ],
    );
    expect(r[1]).toEqual([
      'net.ipv4.ip_forward = 1\nnet.ipv4.ip_default_ttl = 60\n',
      "sysctl: bad line 5: 1 tokens found, 2 needed\nsysctl: error: 'net.ipv4.nope' is an unknown key\n",
      0,
    ]);
  });
});
