/**
 * `type`, `command -v`/`-V` and `hash` answer from the machine's PATH table, as bash 5.2 on the Debian host
 * and BusyBox 1.35 ash in the busybox and alpine images print them (outputs checked on the development
 * machine: `bash --norc -c ...`, `busybox sh -c ...`).
 */
import { describe, expect, it } from 'vitest';
import { runLines } from '../cli/test_lines';
import { CommandHash } from './command_hash';

const out = (r: { stdout: string; stderr: string; exitCode: number }) => [r.stdout, r.stderr, r.exitCode];

describe('type and command -v on the host (bash)', () => {
  it('finds programs where Debian 12 has them, builtins and keywords as bash says', async () => {
    const r = await runLines([
      'type ip',
      'type cd',
      'type ls',
      'command -v ip',
      'command -V ip',
      'type nosuch',
      'type if',
      'type -t ip cd if',
      'type -a ip',
      'type -P cd',
      'command -V ip nosuch ls',
      'command -v cd',
      'type -x',
    ]);
    expect(r.map(out)).toEqual([
      ['ip is /usr/sbin/ip\n', '', 0],
      ['cd is a shell builtin\n', '', 0],
      ['ls is /usr/bin/ls\n', '', 0],
      ['/usr/sbin/ip\n', '', 0],
      ['ip is /usr/sbin/ip\n', '', 0],
      ['', 'bash: type: nosuch: not found\n', 1],
      ['if is a shell keyword\n', '', 0],
      ['file\nbuiltin\nkeyword\n', '', 0],
      ['ip is /usr/sbin/ip\nip is /usr/bin/ip\nip is /sbin/ip\nip is /bin/ip\n', '', 0],
      ['', '', 1],
      ['ip is /usr/sbin/ip\nls is /usr/bin/ls\n', 'bash: command: nosuch: not found\n', 0],
      ['cd\n', '', 0],
      ['', 'bash: type: -x: invalid option\ntype: usage: type [-afptP] name [name ...]\n', 2],
    ]);
  });

  it('says "hashed" once the shell itself ran the program, and counts hits as bash does', async () => {
    const r = await runLines([
      'hash',
      'ip -V',
      'type ip',
      'ip a | head -1 >/dev/null; hash',
      'ls / >/dev/null; hash -t ip; hash',
      'hash -r; hash',
    ]);
    expect(r.map(out)).toEqual([
      ['hash: hash table empty\n', '', 0],
      ['ip utility, iproute2-6.1.0, libbpf 1.1.2\n', '', 0],
      ['ip is hashed (/usr/sbin/ip)\n', '', 0],
      // A pipeline's commands run in subshells: the shell learns nothing of them.
      ['hits\tcommand\n   2\t/usr/sbin/ip\n', '', 0],
      ['/usr/sbin/ip\nhits\tcommand\n   1\t/usr/bin/ls\n   3\t/usr/sbin/ip\n', '', 0],
      ['hash: hash table empty\n', '', 0],
    ]);
  });

  it('a line whose `type` comes first still hashes what the shell runs after it', async () => {
    const [r] = await runLines(['type ip; ip -V >/dev/null; hash']);
    expect(out(r!)).toEqual(['ip is /usr/sbin/ip\nhits\tcommand\n   1\t/usr/sbin/ip\n', '', 0]);
  });

  it('knows the shell’s functions and aliases where it is called', async () => {
    const r = await runLines([
      "f(){ echo hi; }; alias ll='ls -l'; type f; type -t f; type ll; command -v ll; command -v f",
    ]);
    expect(out(r[0]!)).toEqual([
      "f is a function\nf () \n{ \n    echo hi\n}\nfunction\nll is aliased to `ls -l'\nalias ll='ls -l'\nf\n",
      '',
      0,
    ]);
  });
});

describe('type and command -v in BusyBox containers (ash)', () => {
  it('finds applets where the image installs them', async () => {
    const r = await runLines([
      'docker run -d --name b1 busybox sleep 1000',
      "docker exec b1 sh -c 'type ip cd nosuch; echo $?; command -v ip; type exit; type -p ls; command -V nosuch'",
      'docker run -d --name a1 alpine sleep 1000',
      "docker exec a1 sh -c 'type ip brctl ls httpd; command -v ping; ls / >/dev/null; ip -V 2>/dev/null; hash'",
    ]);
    expect(out(r[1]!)).toEqual([
      'ip is /bin/ip\ncd is a shell builtin\nnosuch: not found\n127\n/bin/ip\nexit is a special shell builtin\n' +
        '/bin/ls\nnosuch: not found\n',
      '',
      127,
    ]);
    expect(out(r[3]!)).toEqual([
      'ip is /sbin/ip\nbrctl is /usr/sbin/brctl\nls is /bin/ls\nhttpd: not found\n/bin/ping\n' +
        // ash's table: what type/command -v searched, then what ran, in cmdtable bucket order.
        '/sbin/ip\n/bin/ping\n/usr/sbin/brctl\n/bin/ls\n',
      '',
      0,
    ]);
  });
});

describe('CommandHash', () => {
  it('lists bash’s table in its FNV-1 bucket order (bash 5.2: ten programs run once)', () => {
    const t = new CommandHash('bash');
    for (const n of ['ls', 'cat', 'sed', 'grep', 'awk', 'sort', 'head', 'tail', 'ip', 'ping'])
      t.ran(n, `/usr/${n === 'ip' ? 's' : ''}bin/${n}`);
    expect(t.listed().map((e) => e.name)).toEqual([
      'head',
      'grep',
      'tail',
      'ls',
      'ip',
      'cat',
      'awk',
      'sort',
      'sed',
      'ping',
    ]);
  });

  it('lists ash’s in its 31 buckets, oldest first (busybox sh: ls, ip, cat, sed)', () => {
    const t = new CommandHash('ash');
    for (const n of ['ls', 'ip', 'cat', 'sed']) t.ran(n, `/x/${n}`);
    expect(t.listed().map((e) => e.name)).toEqual(['cat', 'ip', 'sed', 'ls']);
  });
});
