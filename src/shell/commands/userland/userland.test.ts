import { describe, expect, it } from 'vitest';
import { runLines } from '../../../cli/test_lines';

const BB = 'docker run -d --name bb busybox sleep 1d';
const AL = 'docker run -d --name al alpine sleep 1d';

async function run(lines: readonly string[], skip = 0) {
  return (await runLines(lines, 1)).slice(skip);
}

describe('whoami and id: every shell here is root, with its image group memberships', () => {
  it('prints root, the Debian host only in group root', async () => {
    const [w, id, G, Gn, un, bad, both, names] = await run([
      'whoami',
      'id',
      'id -G',
      'id -Gn',
      'id -un',
      'whoami x',
      'id -u -g',
      'id -n',
    ]);
    expect(w).toMatchObject({ stdout: 'root\n', exitCode: 0 });
    expect(id?.stdout).toBe('uid=0(root) gid=0(root) groups=0(root)\n');
    expect(G?.stdout).toBe('0\n');
    expect(Gn?.stdout).toBe('root\n');
    expect(un?.stdout).toBe('root\n');
    // The host's login exports LANG=C.UTF-8: gettext's curly quotes.
    expect(bad).toMatchObject({
      stderr: "whoami: extra operand \u2018x\u2019\nTry 'whoami --help' for more information.\n",
      exitCode: 1,
    });
    expect(both).toMatchObject({ stderr: 'id: cannot print "only" of more than one choice\n', exitCode: 1 });
    expect(names).toMatchObject({
      stderr: 'id: cannot print only names or real IDs in default format\n',
      exitCode: 1,
    });
  });

  it('busybox adds wheel (buildroot /etc/group), alpine its baselayout groups', async () => {
    const [bbId, bbG, bbWho, alId, nosuch, usage] = await run(
      [
        BB,
        AL,
        'docker exec bb id',
        'docker exec bb id -Gn',
        'docker exec bb whoami',
        'docker exec al id',
        'docker exec bb id nosuch',
        'docker exec bb id -n',
      ],
      2,
    );
    expect(bbId?.stdout).toBe('uid=0(root) gid=0(root) groups=0(root),10(wheel)\n');
    expect(bbG?.stdout).toBe('root wheel\n');
    expect(bbWho?.stdout).toBe('root\n');
    expect(alId?.stdout).toBe(
      'uid=0(root) gid=0(root) groups=0(root),1(bin),2(daemon),3(sys),4(adm),6(disk),10(wheel),11(floppy),20(dialout),26(tape),27(video)\n',
    );
    expect(nosuch).toMatchObject({ stderr: 'id: unknown user nosuch\n', exitCode: 1 });
    expect(usage?.exitCode).toBe(1);
    expect(usage?.stderr).toContain('Usage: id [-ugGnr] [USER]\n');
  });
});

describe('uname: the kernel fields in their fixed order', () => {
  it('GNU on the host, BusyBox in the images (Alpine names its OS Linux)', async () => {
    const [a, p, ps, ambiguous, bad, bbA, alO] = await run(
      [
        BB,
        AL,
        'uname -a',
        'uname -p',
        'uname -sp',
        'uname --k',
        'uname -x',
        'docker exec bb uname -a',
        'docker exec al uname -o',
      ],
      2,
    );
    expect(a?.stdout).toBe('Linux docker-host 6.18.44-fc-v782 #1 SMP PREEMPT_DYNAMIC @0 x86_64 GNU/Linux\n');
    expect(p?.stdout).toBe('unknown\n');
    expect(ps?.stdout).toBe('Linux unknown\n');
    expect(ambiguous).toMatchObject({
      stderr:
        "uname: option '--k' is ambiguous; possibilities: '--kernel-name' '--kernel-release' '--kernel-version'\nTry 'uname --help' for more information.\n",
      exitCode: 1,
    });
    expect(bad).toMatchObject({
      stderr: "uname: invalid option -- 'x'\nTry 'uname --help' for more information.\n",
      exitCode: 1,
    });
    expect(bbA?.stdout).toMatch(
      /^Linux [0-9a-f]{12} 6\.18\.44-fc-v782 #1 SMP PREEMPT_DYNAMIC @0 x86_64 GNU\/Linux\n$/,
    );
    expect(alO?.stdout).toBe('Linux\n');
  });
});

describe('hostname -I and -i', () => {
  it('-I lists the up, non-loopback addresses (IPv4 first), each with a blank; -i resolves /etc/hosts', async () => {
    const [I, i, s, bbI, bbi, ipDown, IDown] = await run(
      [
        BB,
        'hostname -I',
        'hostname -i',
        'hostname -s',
        'docker exec bb hostname -I',
        'docker exec bb hostname -i',
        'ip link set docker0 down',
        'hostname -I',
      ],
      1,
    );
    expect(I?.stdout).toBe('10.0.12.13 172.17.0.1 \n');
    expect(i?.stdout).toBe('127.0.1.1\n');
    expect(s?.stdout).toBe('docker-host\n');
    expect(bbI?.exitCode).toBe(1);
    expect(bbI?.stderr).toMatch(/^hostname: invalid option -- 'I'\nBusyBox v1\.35\.0/);
    expect(bbi?.stdout).toBe('172.17.0.2\n');
    expect(ipDown?.exitCode).toBe(0);
    expect(IDown?.stdout).toBe('10.0.12.13 \n');
  });

  it('a bad option prints the usage on stdout, status 255', async () => {
    const [x] = await run(['hostname -x']);
    expect(x?.exitCode).toBe(255);
    expect(x?.stderr).toBe("hostname: invalid option -- 'x'\n");
    expect(x?.stdout).toMatch(/^Usage: hostname \[-b\] \{hostname\|-F file\}/);
  });
});

describe('which: the PATH table', () => {
  it('Debian 12 merged /usr on the host; every applet in /bin in the busybox image', async () => {
    const [one, all, missing, illegal, bb, bbNone] = await run(
      [
        BB,
        'which ip ls docker ping',
        'which -a ip',
        'which ip nope',
        'which -x ip',
        'docker exec bb which ip env ping',
        'docker exec bb which',
      ],
      1,
    );
    expect(one?.stdout).toBe('/usr/sbin/ip\n/usr/bin/ls\n/usr/bin/docker\n/usr/bin/ping\n');
    expect(all?.stdout).toBe('/usr/sbin/ip\n/usr/bin/ip\n/sbin/ip\n/bin/ip\n');
    expect(missing).toMatchObject({ stdout: '/usr/sbin/ip\n', exitCode: 1 });
    expect(illegal).toMatchObject({
      stdout: 'Usage: /usr/bin/which [-a] args\n',
      stderr: 'Illegal option -x\n',
      exitCode: 2,
    });
    expect(bb?.stdout).toBe('/bin/ip\n/usr/bin/env\n/bin/ping\n');
    const [slash] = await run(['which /sbin/ip /usr/bin/nope']);
    expect(slash).toMatchObject({ stdout: '/sbin/ip\n', exitCode: 1 });
    expect(bbNone?.exitCode).toBe(1);
  });
});

describe('env and printenv print the exported environment as the shell lays it out', () => {
  it("the host's root login, in bash's hash order, `_` last", async () => {
    const [env, , after, pe, missing] = await run([
      'env',
      'export FOO=bar; cd /tmp',
      'env',
      'printenv HOME',
      'printenv NOPE',
    ]);
    // Byte for byte what bash 5.2 prints for this environment.
    expect(env?.stdout).toBe(
      [
        'SHELL=/bin/bash',
        'PWD=/root',
        'LOGNAME=root',
        'HOME=/root',
        'LANG=C.UTF-8',
        'TERM=xterm-256color',
        'USER=root',
        'SHLVL=1',
        'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
        'MAIL=/var/mail/root',
        '_=/usr/bin/env',
        '',
      ].join('\n'),
    );
    expect(after?.stdout).toContain('LOGNAME=root\nFOO=bar\nHOME=/root\n');
    expect(after?.stdout).toContain('MAIL=/var/mail/root\nOLDPWD=/root\n_=/usr/bin/env\n');
    expect(pe?.stdout).toBe('/root\n');
    expect(missing).toMatchObject({ stdout: '', exitCode: 1 });
  });

  it('env -i, NAME=VALUE, -u, and a missing program', async () => {
    const [i, u, nf, bad] = await run(['env -i B=2 A=1', 'env -i A=1 B=2 env -u A', 'env nosuch', 'env -x']);
    expect(i?.stdout).toBe('B=2\nA=1\n');
    expect(u?.stdout).toBe('B=2\n');
    expect(nf).toMatchObject({
      stderr: 'env: \u2018nosuch\u2019: No such file or directory\n',
      exitCode: 127,
    });
    expect(bad).toMatchObject({
      stderr: "env: invalid option -- 'x'\nTry 'env --help' for more information.\n",
      exitCode: 125,
    });
  });

  it('a shell Docker starts in a busybox container lays it out in ash order', async () => {
    const [sh] = await run([BB, 'docker exec bb sh -c env'], 1);
    expect(sh?.stdout).toMatch(
      /^HOSTNAME=[0-9a-f]{12}\nSHLVL=1\nHOME=\/root\nPATH=\/usr\/local\/sbin:\/usr\/local\/bin:\/usr\/sbin:\/usr\/bin:\/sbin:\/bin\nPWD=\/\n$/,
    );
  });
});

describe("just-bash's tools exist only where the machine ships them", () => {
  it('no jq or tree on the Debian host nor in busybox; jq in netshoot', async () => {
    const [host, tree, bb, ns] = await run(
      [
        BB,
        'docker run -d --name ns nicolaka/netshoot sleep 1d',
        'jq .',
        'tree /',
        'docker exec bb sh -c "jq ."',
        'docker exec ns sh -c "echo 1 | jq ."',
      ],
      2,
    );
    expect(host).toMatchObject({ stderr: 'bash: jq: command not found\n', exitCode: 127 });
    expect(tree).toMatchObject({ stderr: 'bash: tree: command not found\n', exitCode: 127 });
    expect(bb).toMatchObject({ stderr: 'sh: jq: not found\n', exitCode: 127 });
    expect(ns).toMatchObject({ stdout: '1\n', exitCode: 0 });
  });
});

describe('/etc/os-release of each machine', () => {
  it("Debian 12 on the host, Alpine's and Ubuntu's in their images, none in busybox", async () => {
    const [host, bb, al, ub] = await run([
      'cat /etc/os-release',
      'docker run --rm busybox cat /etc/os-release',
      'docker run --rm alpine cat /usr/lib/os-release',
      'docker run --rm ubuntu grep -E "^(PRETTY_NAME|VERSION)=" /etc/os-release',
    ]);
    expect(host?.stdout).toBe(
      'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nVERSION_ID="12"\nVERSION="12 (bookworm)"\n' +
        'VERSION_CODENAME=bookworm\nID=debian\nHOME_URL="https://www.debian.org/"\n' +
        'SUPPORT_URL="https://www.debian.org/support"\nBUG_REPORT_URL="https://bugs.debian.org/"\n',
    );
    expect(bb).toMatchObject({
      stderr: "cat: can't open '/etc/os-release': No such file or directory\n",
      exitCode: 1,
    });
    expect(al?.stdout).toContain('ID=alpine\nVERSION_ID=3.21.3\nPRETTY_NAME="Alpine Linux v3.21"\n');
    expect(ub?.stdout).toBe('PRETTY_NAME="Ubuntu 24.04.2 LTS"\nVERSION="24.04.2 LTS (Noble Numbat)"\n');
  });
});
