import { describe, expect, it } from 'vitest';
import { runTranscript } from '../../../cli/transcript';
import { parseIptables } from './parse';
import { ctimeUtc } from './save';

interface Line {
  line: string;
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** Run iptables lines in a fresh namespace (seed 1); expectations were captured from iptables 1.8.9 (nft). */
async function run(lines: string[], setup: string[] = []): Promise<Line[]> {
  let out = '';
  const script = ['ip netns add t', ...setup, ...lines.map((l) => `ip netns exec t ${l}`)].join('\n');
  await runTranscript(
    script,
    { seed: 1, mode: 'json', trace: false },
    (s) => (out += s),
    () => {},
  );
  return out
    .trim()
    .split('\n')
    .slice(1 + setup.length)
    .map((l) => JSON.parse(l) as Line);
}

const TRY = "Try `iptables -h' or 'iptables --help' for more information.\n";

describe('iptables parser canonicalisation', () => {
  it('inserts -m tcp where the first tcp option was, masks addresses, keeps match order', () => {
    const p = parseIptables([
      'iptables',
      '-A',
      'INPUT',
      '-m',
      'conntrack',
      '--ctstate',
      'NEW',
      '-p',
      'tcp',
      '--dport',
      '80',
      '-s',
      '10.1.2.3/8',
      '-j',
      'ACCEPT',
    ]);
    const r = p.rules[0];
    expect(r?.matches.map((m) => m.kind)).toEqual(['conntrack', 'tcp']);
    expect(r?.src).toEqual({ addr: 0x0a000000, prefixLen: 8, invert: false });
    expect(r?.proto).toBe(6);
  });
  it('expands comma lists into one rule per source x destination', () => {
    const p = parseIptables([
      'iptables',
      '-A',
      'INPUT',
      '-s',
      '1.2.3.4,5.6.7.8',
      '-d',
      '9.9.9.9,8.8.8.8',
      '-j',
      'DROP',
    ]);
    expect(p.rules).toHaveLength(4);
  });
});

describe('iptables', () => {
  it('builds Docker rules and prints them as iptables 1.8.9 does', async () => {
    const r = await run([
      'iptables -N DOCKER',
      'iptables -t nat -I POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE',
      'iptables -t nat -A OUTPUT -m addrtype --dst-type LOCAL ! -d 127.0.0.0/8 -j DOCKER',
      'iptables -t nat -N DOCKER',
      'iptables -t nat -A OUTPUT -m addrtype --dst-type LOCAL ! -d 127.0.0.0/8 -j DOCKER',
      'iptables -I FORWARD -o docker0 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT',
      'iptables -A DOCKER -d 172.17.0.2 ! -i docker0 -o docker0 -p tcp --dport 80 -j ACCEPT',
      'iptables -A FORWARD -o br-c42d4a549c65 -j DOCKER',
      'iptables -S',
      'iptables -t nat -S',
      'iptables -L -n -v',
      'iptables -t nat -L -n --line-numbers',
    ]);
    expect(r[2]).toMatchObject({
      stderr: `iptables v1.8.9 (nf_tables): Chain 'DOCKER' does not exist\n${TRY}`,
      exitCode: 2,
    });
    expect(r[8]?.stdout).toBe(
      [
        '-P INPUT ACCEPT',
        '-P FORWARD ACCEPT',
        '-P OUTPUT ACCEPT',
        '-N DOCKER',
        '-A FORWARD -o docker0 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT',
        '-A FORWARD -o br-c42d4a549c65 -j DOCKER',
        '-A DOCKER -d 172.17.0.2/32 ! -i docker0 -o docker0 -p tcp -m tcp --dport 80 -j ACCEPT',
        '',
      ].join('\n'),
    );
    expect(r[9]?.stdout).toBe(
      [
        '-P PREROUTING ACCEPT',
        '-P INPUT ACCEPT',
        '-P OUTPUT ACCEPT',
        '-P POSTROUTING ACCEPT',
        '-N DOCKER',
        '-A OUTPUT ! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -j DOCKER',
        '-A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE',
        '',
      ].join('\n'),
    );
    expect(r[10]?.stdout).toBe(
      [
        'Chain INPUT (policy ACCEPT 0 packets, 0 bytes)',
        ' pkts bytes target     prot opt in     out     source               destination         ',
        '',
        'Chain FORWARD (policy ACCEPT 0 packets, 0 bytes)',
        ' pkts bytes target     prot opt in     out     source               destination         ',
        '    0     0 ACCEPT     0    --  *      docker0  0.0.0.0/0            0.0.0.0/0            ctstate RELATED,ESTABLISHED',
        '    0     0 DOCKER     0    --  *      br-c42d4a549c65  0.0.0.0/0            0.0.0.0/0           ',
        '',
        'Chain OUTPUT (policy ACCEPT 0 packets, 0 bytes)',
        ' pkts bytes target     prot opt in     out     source               destination         ',
        '',
        'Chain DOCKER (1 references)',
        ' pkts bytes target     prot opt in     out     source               destination         ',
        '    0     0 ACCEPT     6    --  !docker0 docker0  0.0.0.0/0            172.17.0.2           tcp dpt:80',
        '',
      ].join('\n'),
    );
    expect(r[11]?.stdout).toBe(
      [
        'Chain PREROUTING (policy ACCEPT)',
        'num  target     prot opt source               destination         ',
        '',
        'Chain INPUT (policy ACCEPT)',
        'num  target     prot opt source               destination         ',
        '',
        'Chain OUTPUT (policy ACCEPT)',
        'num  target     prot opt source               destination         ',
        '1    DOCKER     0    --  0.0.0.0/0           !127.0.0.0/8          ADDRTYPE match dst-type LOCAL',
        '',
        'Chain POSTROUTING (policy ACCEPT)',
        'num  target     prot opt source               destination         ',
        '1    MASQUERADE  0    --  172.17.0.0/16        0.0.0.0/0           ',
        '',
        'Chain DOCKER (1 references)',
        'num  target     prot opt source               destination         ',
        '',
      ].join('\n'),
    );
  });

  it('reports what the kernel refuses with iptables exact words and exit codes', async () => {
    const r = await run([
      'iptables -N DOCKER',
      'iptables -A FORWARD -o docker0 -j DOCKER',
      'iptables -D FORWARD 9',
      'iptables -C FORWARD -o docker1 -j DOCKER',
      'iptables -X DOCKER',
      'iptables -A INPUT -p tcp --dport 80 --dport 81',
      'iptables -A INPUT --foo',
      'iptables -t nat -A POSTROUTING -j DROP',
      'iptables -N DOCKER',
      'iptables -t nat -A INPUT -j MASQUERADE',
    ]);
    const got = r.slice(2).map((l) => [l.stderr, l.exitCode]);
    expect(got).toEqual([
      ['iptables: Index of deletion too big.\n', 1],
      ['iptables: Bad rule (does a matching rule exist in that chain?).\n', 1],
      ['iptables v1.8.9 (nf_tables):  CHAIN_DEL failed (Device or resource busy): chain DOCKER\n', 4],
      [`iptables v1.8.9 (nf_tables): Only one \`--destination-port' allowed\n${TRY}`, 2],
      [`iptables v1.8.9 (nf_tables): unknown option "--foo"\n${TRY}`, 2],
      [
        `iptables v1.8.9 (nf_tables): \nThe "nat" table is not intended for filtering, the use of DROP is therefore inhibited.\n\n\n${TRY}`,
        2,
      ],
      ['iptables: Chain already exists.\n', 1],
      ['iptables v1.8.9 (nf_tables):  RULE_APPEND failed (Invalid argument): rule in chain INPUT\n', 4],
    ]);
  });

  it('lists a table that was never written to without creating it; iptables-save shows only real tables', async () => {
    const r = await run([
      'iptables -t raw -S',
      'iptables-save',
      'iptables -P FORWARD DROP',
      'iptables-save -c',
    ]);
    expect(r[0]?.stdout).toBe('-P PREROUTING ACCEPT\n-P OUTPUT ACCEPT\n');
    expect(r[1]?.stdout).toBe('');
    expect(r[3]?.stdout.replace(/on .*\n/g, 'on DATE\n')).toBe(
      '# Generated by iptables-save v1.8.9 (nf_tables) on DATE\n*filter\n:INPUT ACCEPT [0:0]\n:FORWARD DROP [0:0]\n' +
        ':OUTPUT ACCEPT [0:0]\nCOMMIT\n# Completed on DATE\n',
    );
  });

  it('REJECT answers with the ICMP error the rule names, and counts the packet', async () => {
    const r = await run(
      [
        'ip link add eth0 type veth peer name eth0 netns p',
        'ip addr add 10.9.0.1/24 dev eth0',
        'ip link set eth0 up',
        'ip -n p addr add 10.9.0.2/24 dev eth0',
        'ip -n p link set eth0 up',
        'ip netns exec p iptables -A INPUT -p icmp -j REJECT --reject-with icmp-net-prohibited',
        'ping -c1 -W1 10.9.0.2',
        'ip netns exec p iptables -L INPUT -v -n',
      ],
      ['ip netns add p'],
    );
    expect(r[6]?.stdout).toBe(
      'PING 10.9.0.2 (10.9.0.2) 56(84) bytes of data.\nFrom 10.9.0.2 icmp_seq=1 Destination Net Prohibited\n\n' +
        '--- 10.9.0.2 ping statistics ---\n1 packets transmitted, 0 received, +1 errors, 100% packet loss, time 0ms\n\n',
    );
    expect(r[7]?.stdout).toBe(
      'Chain INPUT (policy ACCEPT 0 packets, 0 bytes)\n' +
        ' pkts bytes target     prot opt in     out     source               destination         \n' +
        '    1    84 REJECT     1    --  *      *       0.0.0.0/0            0.0.0.0/0            reject-with icmp-net-prohibited\n',
    );
  });

  it('formats dates as ctime(3)', () => {
    expect(ctimeUtc(1_795_832_970)).toBe('Sat Nov 28 02:29:30 2026');
    expect(ctimeUtc(0)).toBe('Thu Jan  1 00:00:00 1970');
  });
});
