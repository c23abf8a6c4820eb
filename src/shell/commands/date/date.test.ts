/** date reads the simulated clock (2026-11-28 00:00:00 UTC at boot) and prints as GNU coreutils 9.1 and BusyBox 1.35 do. */
import { describe, expect, it } from 'vitest';
import { runLines } from '../../../cli/test_lines';

const out = async (lines: string[]) => (await runLines(lines)).map((r) => r.stdout + r.stderr);

describe('date (GNU coreutils 9.1)', () => {
  it('prints the simulated clock in the default, RFC 5322, ISO 8601 and RFC 3339 forms', async () => {
    const r = await runLines([
      'date',
      'sleep 3; date -u',
      'date -R',
      'date -I',
      'date -Iseconds',
      'date -Ih',
      'date --rfc-3339=ns',
      'date +%s',
    ]);
    expect(r.map((x) => x.stdout)).toEqual([
      'Sat Nov 28 00:00:00 UTC 2026\n',
      'Sat Nov 28 00:00:03 UTC 2026\n',
      'Sat, 28 Nov 2026 00:00:03 +0000\n',
      '2026-11-28\n',
      '2026-11-28T00:00:03+00:00\n',
      '2026-11-28T00+00:00\n',
      '2026-11-28 00:00:03.000000000+00:00\n',
      '1795824003\n',
    ]);
  });

  it('formats every conversion and flag as fprintftime does', async () => {
    const [a] = await out([
      "date -d '2026-11-28 13:05:07' '+%a %A %b %B %C %d %D %e %F %g %G %H %I %j %k %l %m %M %p %P %q %r %R %S %T %u %U %V %w %W %x %X %y %Y %z %:z %::z %Z %% %Q'",
    ]);
    expect(a).toBe(
      'Sat Saturday Nov November 20 28 11/28/26 28 2026-11-28 26 2026 13 01 332 13  1 11 05 PM pm 4 01:05:07 PM 13:05 07 13:05:07 6 47 48 6 47 11/28/26 13:05:07 26 2026 +0000 +00:00 +00:00:00 UTC % %Q\n',
    );
    const [b] = await out([
      "date -d '2026-11-28 13:05' '+%-d|%_m|%05d|%10A|%-10A|%^10b|%#b|%#p|%#P|%#Z|%3N|%12N'",
    ]);
    expect(b).toBe('28|11|00028|  Saturday|Saturday|       NOV|NOV|pm|pm|utc|000|000000000000\n');
  });

  it('reads -d as parse_datetime does: dates, times, relative items, day names', async () => {
    const r = await out([
      'date -d @1700000000',
      "date -d '2024-02-29 13:05:07'",
      'date -d 2024-02-29T10:11',
      "date -d '1 hour 30 min ago'",
      "date -d '2 days ago'",
      'date -d tomorrow',
      "date -d 'next monday'",
      "date -d 'last saturday'",
      'date -d saturday',
      "date -d 'yesterday 10:00'",
      "date -d ''",
      'date -d 2026-02-30',
      'date -d 25:00',
    ]);
    expect(r).toEqual([
      'Tue Nov 14 22:13:20 UTC 2023\n',
      'Thu Feb 29 13:05:07 UTC 2024\n',
      'Thu Feb 29 10:11:00 UTC 2024\n',
      'Sat Nov 28 00:30:00 UTC 2026\n',
      'Thu Nov 26 00:00:00 UTC 2026\n',
      'Sun Nov 29 00:00:00 UTC 2026\n',
      'Mon Nov 30 00:00:00 UTC 2026\n',
      'Sat Nov 21 00:00:00 UTC 2026\n',
      'Sat Nov 28 00:00:00 UTC 2026\n',
      'Fri Nov 27 10:00:00 UTC 2026\n',
      'Sat Nov 28 00:00:00 UTC 2026\n',
      'date: invalid date ‘2026-02-30’\n',
      'date: invalid date ‘25:00’\n',
    ]);
  });

  it('gives the real errors and statuses; a container cannot set the clock', async () => {
    const r = await runLines([
      'date -x',
      'date a b',
      'date --iso-8601=foo',
      'date -R +%s',
      'docker run --rm ubuntu date -s 10:00',
      "docker run --rm ubuntu date -d 'no date'",
      'date -r /nope',
    ]);
    expect(r.map((x) => [x.stderr, x.exitCode])).toEqual([
      ["date: invalid option -- 'x'\nTry 'date --help' for more information.\n", 1],
      // The host's shell runs in C.UTF-8: gnulib's quote() is curly there (getopt's and the Try line are not).
      ["date: extra operand ‘b’\nTry 'date --help' for more information.\n", 1],
      [
        "date: invalid argument ‘foo’ for ‘--iso-8601’\nValid arguments are:\n  - ‘hours’\n  - ‘minutes’\n  - ‘date’\n  - ‘seconds’\n  - ‘ns’\nTry 'date --help' for more information.\n",
        1,
      ],
      ["date: multiple output formats specified\nTry 'date --help' for more information.\n", 1],
      ['date: cannot set date: Operation not permitted\n', 1],
      // A container's process has no LANG: the C locale's plain quotes.
      ["date: invalid date 'no date'\n", 1],
      ['date: /nope: No such file or directory\n', 1],
    ]);
    expect(r[4]?.stdout).toBe('Sat Nov 28 10:00:00 UTC 2026\n');
  });
});

describe('date (BusyBox 1.35)', () => {
  it('parses its TIME forms, checks the digit forms and fails to set the clock', async () => {
    const r = await runLines([
      'docker run -d --name bb busybox sleep 1d',
      "docker exec bb date -d '2024-02-29 13:05'",
      'docker exec bb date -d 2024.02.29-13:05',
      'docker exec bb date -d 02291305',
      'docker exec bb date -d 13:05:61',
      'docker exec bb date -d 0229130520.30',
      'docker exec bb date -Ins -d @86400',
      "docker exec bb date -d @86400 '+%s:%N|%k|%-d|%P|%q|%:z'",
      'docker exec bb date -s 10:00',
      'docker exec bb date -Ifoo',
    ]);
    expect(r.slice(1, 8).map((x) => x.stdout + x.stderr)).toEqual([
      'Thu Feb 29 13:05:00 UTC 2024\n',
      'Thu Feb 29 13:05:00 UTC 2024\n',
      'Sun Mar  1 13:05:00 UTC 2026\n',
      'Sat Nov 28 13:06:01 UTC 2026\n',
      "date: invalid date '0229130520.30'\n",
      '1970-01-02T00:00:00,000000000+00:00\n',
      '86400:%N| 0|2|am|%q|%:z\n',
    ]);
    expect([r[8]?.stdout, r[8]?.stderr, r[8]?.exitCode]).toEqual([
      'Sat Nov 28 10:00:00 UTC 2026\n',
      "date: can't set date: Operation not permitted\n",
      0,
    ]);
    expect(r[9]?.exitCode).toBe(1);
    expect(r[9]?.stderr).toMatch(
      /^BusyBox v1\.35\.0 .*\n\nUsage: date \[OPTIONS\] \[\+FMT\] \[\[-s\] TIME\]\n/,
    );
  });
});
