import { describe, expect, it } from 'vitest';
import { runLines } from '../../../cli/test_lines';
import { Scenario } from '../../../sim/scenario';

/** Lines on the host, then in a busybox container c1 (whose veth then shows on the host too). */
async function outs(lines: readonly string[], bbLines: readonly string[] = []) {
  const all = await runLines([...lines, 'docker run -d --name c1 busybox sleep 1000', ...bbLines]);
  return [...all.slice(0, lines.length), ...all.slice(lines.length + 1)];
}

const STATS = '/sys/class/net/eth0/statistics';

// Captured on Debian 12 (coreutils 9.1, busybox 1.35) in a namespace with its own sysfs, at a terminal of
// the width given (`-w N` for GNU prints what a terminal N wide shows; BusyBox uses the width minus one).
const GNU_80 =
  'collisions     rx_errors\t rx_over_errors     tx_dropped\nmulticast      rx_fifo_errors\t rx_packets\t    tx_errors\nrx_bytes       rx_frame_errors\t tx_aborted_errors  tx_fifo_errors\nrx_compressed  rx_length_errors  tx_bytes\t    tx_heartbeat_errors\nrx_crc_errors  rx_missed_errors  tx_carrier_errors  tx_packets\nrx_dropped     rx_nohandler\t tx_compressed\t    tx_window_errors\n';
const GNU_120 =
  'collisions     rx_crc_errors   rx_frame_errors\t rx_over_errors     tx_carrier_errors  tx_fifo_errors\nmulticast      rx_dropped      rx_length_errors  rx_packets\t    tx_compressed      tx_heartbeat_errors\nrx_bytes       rx_errors       rx_missed_errors  tx_aborted_errors  tx_dropped\t       tx_packets\nrx_compressed  rx_fifo_errors  rx_nohandler\t tx_bytes\t    tx_errors\t       tx_window_errors\n';
const GNU_50 =
  'collisions\t  rx_over_errors\nmulticast\t  rx_packets\nrx_bytes\t  tx_aborted_errors\nrx_compressed\t  tx_bytes\nrx_crc_errors\t  tx_carrier_errors\nrx_dropped\t  tx_compressed\nrx_errors\t  tx_dropped\nrx_fifo_errors\t  tx_errors\nrx_frame_errors   tx_fifo_errors\nrx_length_errors  tx_heartbeat_errors\nrx_missed_errors  tx_packets\nrx_nohandler\t  tx_window_errors\n';
const GNU_X80 =
  'collisions\t   multicast\t\trx_bytes\t   rx_compressed\nrx_crc_errors\t   rx_dropped\t\trx_errors\t   rx_fifo_errors\nrx_frame_errors    rx_length_errors\trx_missed_errors   rx_nohandler\nrx_over_errors\t   rx_packets\t\ttx_aborted_errors  tx_bytes\ntx_carrier_errors  tx_compressed\ttx_dropped\t   tx_errors\ntx_fifo_errors\t   tx_heartbeat_errors\ttx_packets\t   tx_window_errors\n';
const BB_80 =
  'collisions           rx_frame_errors      tx_carrier_errors\nmulticast            rx_length_errors     tx_compressed\nrx_bytes             rx_missed_errors     tx_dropped\nrx_compressed        rx_nohandler         tx_errors\nrx_crc_errors        rx_over_errors       tx_fifo_errors\nrx_dropped           rx_packets           tx_heartbeat_errors\nrx_errors            tx_aborted_errors    tx_packets\nrx_fifo_errors       tx_bytes             tx_window_errors\n';
const BB_120 =
  'collisions           rx_dropped           rx_missed_errors     tx_bytes             tx_fifo_errors\nmulticast            rx_errors            rx_nohandler         tx_carrier_errors    tx_heartbeat_errors\nrx_bytes             rx_fifo_errors       rx_over_errors       tx_compressed        tx_packets\nrx_compressed        rx_frame_errors      rx_packets           tx_dropped           tx_window_errors\nrx_crc_errors        rx_length_errors     tx_aborted_errors    tx_errors\n';
const BB_X80 =
  'collisions           multicast            rx_bytes\nrx_compressed        rx_crc_errors        rx_dropped\nrx_errors            rx_fifo_errors       rx_frame_errors\nrx_length_errors     rx_missed_errors     rx_nohandler\nrx_over_errors       rx_packets           tx_aborted_errors\ntx_bytes             tx_carrier_errors    tx_compressed\ntx_dropped           tx_errors            tx_fifo_errors\ntx_heartbeat_errors  tx_packets           tx_window_errors\n';

describe('ls as GNU coreutils 9.1 and BusyBox 1.35 print it (outputs from Debian 12)', () => {
  it('lays names out in columns as wide as the terminal', async () => {
    const r = await outs(
      [`ls -C -w 80 ${STATS}`, `ls -C -w 120 ${STATS}`, `ls -C -w 50 ${STATS}`, `ls -x -w 80 ${STATS}`],
      [
        `docker exec c1 ls -C -w 79 ${STATS}`,
        `docker exec c1 ls -C -w 119 ${STATS}`,
        `docker exec c1 ls -x -w 79 ${STATS}`,
        `ls ${STATS} | head -2`,
      ],
    );
    expect(r.map((x) => x.stdout)).toEqual([
      GNU_80,
      GNU_120,
      GNU_50,
      GNU_X80,
      BB_80,
      BB_120,
      BB_X80,
      'collisions\nmulticast\n',
    ]);
  });

  it('takes the width from the terminal the line was typed at (BusyBox: one less), one per line when piped', async () => {
    const net = await Scenario.start();
    await net.run('docker run -d --name c1 busybox sleep 1000');
    const at = async (line: string, columns: number) => {
      let out = '';
      await net.sim.run(net.terminal, line, { out: (s) => (out += s), columns });
      return out;
    };
    expect(await at(`ls ${STATS}`, 120)).toBe(GNU_120);
    expect(await at(`ls ${STATS}`, 50)).toBe(GNU_50);
    // BusyBox colours a terminal's names by default (FEATURE_LS_COLOR_IS_DEFAULT in the images' defconfig).
    expect(await at(`docker exec -t c1 ls --color=never ${STATS}`, 80)).toBe(BB_80);
    expect(await at('docker exec -t c1 ls /sys/class/net', 80)).toBe(
      '\x1b[1;36meth0\x1b[m  \x1b[1;36mlo\x1b[m\n',
    );
  });

  it('long format: links with their targets, sysfs sizes, totals, headers', async () => {
    const [classNet, mix, link, bb, bbMix] = await outs(
      ['ls -l /sys/class/net', `ls -l ${STATS}/rx_bytes /sys/class/net`, 'ls -l /sys/class/net/eth0'],
      ['docker exec c1 ls -l /sys/class/net', `docker exec c1 ls -l ${STATS}/rx_bytes /sys/class/net`],
    );
    const date = /(\w{3} [ \d]\d \d\d:\d\d)/.exec(classNet?.stdout ?? '')?.[1] ?? '';
    expect(classNet?.stdout).toBe(
      'total 0\n' +
        `lrwxrwxrwx 1 root root 0 ${date} docker0 -> ../../devices/virtual/net/docker0\n` +
        `lrwxrwxrwx 1 root root 0 ${date} eth0 -> ../../devices/virtual/net/eth0\n` +
        `lrwxrwxrwx 1 root root 0 ${date} lo -> ../../devices/virtual/net/lo\n`,
    );
    expect(mix?.stdout).toMatch(
      /^-r--r--r-- 1 root root 4096 .{12} \/sys\/class\/net\/eth0\/statistics\/rx_bytes\n\n\/sys\/class\/net:\ntotal 0\nlrwx/,
    );
    // -l shows a command-line link itself; without -l a link to a directory is listed as the directory.
    expect(link?.stdout).toBe(
      `lrwxrwxrwx 1 root root 0 ${date} /sys/class/net/eth0 -> ../../devices/virtual/net/eth0\n`,
    );
    expect(bb?.stdout).toBe(
      'total 0\n' +
        `lrwxrwxrwx    1 root     root             0 ${date} eth0 -> ../../devices/virtual/net/eth0\n` +
        `lrwxrwxrwx    1 root     root             0 ${date} lo -> ../../devices/virtual/net/lo\n`,
    );
    expect(bbMix?.stdout).toMatch(
      /^-r--r--r-- {4}1 root {5}root {10}4096 .{12} \/sys\/class\/net\/eth0\/statistics\/rx_bytes\n\n\/sys\/class\/net:\ntotal 0\n/,
    );
  });

  it('. and .. are the directory a link leads to and its parent', async () => {
    const [gnu, cwd] = await outs([
      'ls -la /sys/class/net/lo/ | head -3',
      'cd /sys/class/net/lo; ls -lad . ..',
    ]);
    // lo/ holds statistics/; /sys/devices/virtual/net holds the three devices' directories.
    expect(gnu?.stdout).toMatch(
      /^total 0\ndrwxr-xr-x 3 root root {4}0 .{12} \.\ndrwxr-xr-x 5 root root {4}0 .{12} \.\.\n$/,
    );
    expect(cwd?.stdout).toMatch(/^drwxr-xr-x 3 root root 0 .{12} \.\ndrwxr-xr-x 5 root root 0 .{12} \.\.\n$/);
  });

  it('indicators, -d, -1, sorting', async () => {
    const [f, d, one, rev, bbF] = await outs(
      [
        'ls -F /sys/class/net/ | cat',
        'ls -d /sys/class/net/eth0 /sys/class',
        'ls -1 /sys/class/net',
        'ls -1r /sys/class/net',
      ],
      ['docker exec c1 ls -pF /sys/class/net/ /sys/class/net/eth0/statistics/..'],
    );
    expect(f?.stdout).toBe('docker0@\neth0@\nlo@\n');
    expect(d?.stdout).toBe('/sys/class  /sys/class/net/eth0\n');
    expect(one?.stdout).toBe('docker0\neth0\nlo\n');
    expect(bbF?.stdout).toMatch(
      /^\/sys\/class\/net\/:\neth0@\nlo@\n\n\/sys\/class\/net\/eth0\/statistics\/\.\.:\n/,
    );
    expect(rev?.stdout).toBe('lo\neth0\ndocker0\n');
  });

  it('errors: GNU exits 2 and says cannot access, BusyBox exits 1', async () => {
    const [gnu, opt, color, notDir, bb, bbOpt] = await outs(
      ['ls /nope /sys/class/net/lo/mtu', 'ls -y', 'ls --color=bad /', 'ls /etc/hosts/'],
      ['docker exec c1 ls /nope', 'docker exec c1 ls -y'],
    );
    expect(gnu).toMatchObject({
      stdout: '/sys/class/net/lo/mtu\n',
      stderr: "ls: cannot access '/nope': No such file or directory\n",
      exitCode: 2,
    });
    expect(bb).toMatchObject({ stderr: 'ls: /nope: No such file or directory\n', exitCode: 1 });
    expect(notDir).toMatchObject({
      stderr: "ls: cannot access '/etc/hosts/': Not a directory\n",
      exitCode: 2,
    });
    expect(opt).toMatchObject({
      stderr: "ls: invalid option -- 'y'\nTry 'ls --help' for more information.\n",
      exitCode: 2,
    });
    expect(bbOpt?.stderr).toMatch(
      /^ls: invalid option -- 'y'\nBusyBox v1\.35\.0 .*\n\nUsage: ls \[-1AaCxdLHRFplinshrSXvctu\]/,
    );
    expect(bbOpt?.exitCode).toBe(1);
    // XARGMATCH's usage(EXIT_FAILURE): 1 (GNU ls 9.1 on the development machine).
    expect(color?.exitCode).toBe(1);
    expect(color?.stderr).toMatch(/^ls: invalid argument .bad. for .--color.\nValid arguments are:\n/);
  });

  it('colours with --color: GNU resets once before the first coloured name', async () => {
    const [gnu, bb] = await outs(
      ['ls --color=always -1F /sys/class/net/eth0 /sys/class/net/eth0/subsystem'],
      ['docker exec c1 ls --color=always -l /sys/class/net'],
    );
    expect(gnu?.stdout).toBe(
      '\x1b[0m\x1b[01;36m/sys/class/net/eth0\x1b[0m@\n\x1b[01;36m/sys/class/net/eth0/subsystem\x1b[0m@\n',
    );
    expect(bb?.stdout).toContain(' \x1b[1;36meth0\x1b[m -> \x1b[1;34m../../devices/virtual/net/eth0\x1b[m\n');
  });

  it('files of the image: sizes, blocks, -h', async () => {
    const [l, h] = await outs([
      'printf "%5000s" x > /tmp/big; echo hi > /tmp/a; mkdir /tmp/d; ls -l /tmp',
      'ls -lh /tmp',
    ]);
    expect(l?.stdout).toMatch(
      /^total 16\n-rw-r--r-- 1 root root {4}3 .{12} a\n-rw-r--r-- 1 root root 5000 .{12} big\ndrwxr-xr-x 2 root root 4096 .{12} d\n$/,
    );
    expect(h?.stdout).toMatch(
      /^total 16K\n-rw-r--r-- 1 root root {4}3 .{12} a\n-rw-r--r-- 1 root root 4.9K .{12} big\ndrwxr-xr-x 2 root root 4.0K .{12} d\n$/,
    );
  });

  it('at a terminal GNU quotes names the shell would misread and shifts the others by a space', async () => {
    const net = await Scenario.start();
    await net.run(
      "cd /tmp; touch '#h' 'a b' 'a*b' 'a?b' 'a]b' 'a{b' 'a}b' 'b!' c,d 'e=f' 'h#' \"it's\" \"m'n\\$o\" p% plain 'q\"q' 't~' 'u^' w@ 'x$y' '~t'",
    );
    let out = '';
    await net.sim.run(net.terminal, 'ls -x', { out: (s) => (out += s), columns: 80 });
    expect(out).toBe(
      "'#h'\t'a b'\t    'a*b'  'a?b'    a]b    a{b\t a}b  'b!'   c,d   'e=f'   h#\n" +
        "\"it's\"\t'm'\\''n$o'   p%     plain  'q\"q'   t~\t'u^'   w@   'x$y'  '~t'\n",
    );
    const piped = await net.run('ls /tmp | head -2');
    expect(piped.stdout).toBe('#h\na b\n');
  });
});

describe('ls times and orders', () => {
  it('files keep the simulated time they were written; -t, -r and --sort=WORD order them as GNU ls 9.1', async () => {
    const r = await runLines([
      'sleep 65',
      'echo hi > /tmp/a',
      'sleep 61',
      'mkdir /tmp/d; touch /tmp/b',
      'ls -l /tmp',
      'ls -ltr /tmp',
      'ls -ld /tmp /etc',
      'cd /tmp/d; touch a.txt b.c file10 file9 zz.a x; ls --sort=extension; ls --sort=version; ls --sort=width',
      'ls --sort=foo',
    ]);
    expect(r[4]?.stdout).toBe(
      'total 8\n-rw-r--r-- 1 root root    3 Nov 28 00:01 a\n-rw-r--r-- 1 root root    0 Nov 28 00:02 b\n' +
        'drwxr-xr-x 2 root root 4096 Nov 28 00:02 d\n',
    );
    expect(r[5]?.stdout).toBe(
      'total 8\n-rw-r--r-- 1 root root    3 Nov 28 00:01 a\ndrwxr-xr-x 2 root root 4096 Nov 28 00:02 d\n' +
        '-rw-r--r-- 1 root root    0 Nov 28 00:02 b\n',
    );
    // A new entry changes its directory's time; /etc is as old as the machine.
    expect(r[6]?.stdout).toBe(
      'drwxr-xr-x 6 root root 4096 Nov 28 00:00 /etc\ndrwxrwxrwt 3 root root 4096 Nov 28 00:02 /tmp\n',
    );
    expect(r[7]?.stdout).toBe(
      'file10\nfile9\nx\nzz.a\nb.c\na.txt\n' +
        'a.txt\nb.c\nfile9\nfile10\nx\nzz.a\n' +
        'x\nb.c\nzz.a\na.txt\nfile9\nfile10\n',
    );
    expect([r[8]?.stderr, r[8]?.exitCode]).toEqual([
      'ls: invalid argument ‘foo’ for ‘--sort’\nValid arguments are:\n  - ‘none’\n  - ‘time’\n  - ‘size’\n' +
        "  - ‘extension’\n  - ‘version’\n  - ‘width’\nTry 'ls --help' for more information.\n",
      1,
    ]);
  });

  it('an image’s files have its build time, Docker’s files the container’s start', async () => {
    const r = await runLines(['docker run -d --name b1 busybox sleep 1000', 'docker exec b1 ls -l /etc']);
    expect(r[1]?.stdout).toBe(
      'total 16\n' +
        '-rw-r--r--    1 root     root            13 Nov 28 00:00 hostname\n' +
        '-rw-r--r--    1 root     root           174 Nov 28 00:00 hosts\n' +
        'drwxr-xr-x    2 root     root          4096 Oct  4  2025 network\n' +
        '-rw-r--r--    1 root     root           217 Nov 28 00:00 resolv.conf\n',
    );
  });
});
