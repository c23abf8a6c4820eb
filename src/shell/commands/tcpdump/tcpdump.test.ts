/**
 * tcpdump 4.99.3 transcripts (formats checked against the Debian 12 tcpdump in scratch namespaces): what the
 * kernel sends while it waits, until the deadline's Ctrl-C (a newline, then the statistics) or -c packets;
 * its errors; the filter language; the timestamp and link-layer variants.
 */
import { describe, expect, it } from 'vitest';
import { parseIp4 } from '../../../lib';
import type { SkbHeaders } from '../../../kernel';
import { runLines } from '../../../cli/test_lines';
import { matches, parseFilter } from './filter';
import { formatCaptured, type Captured, type PrintState } from './format';

const HEAD =
  'tcpdump: verbose output suppressed, use -v[v]... for full protocol decode\n' +
  'listening on docker0, link-type EN10MB (Ethernet), snapshot length 262144 bytes\n';

describe('tcpdump', () => {
  it('shows what the kernel sends while it waits: the host probing its stale ARP entry for c1', async () => {
    const r = await runLines([
      'docker run -d --name c1 busybox sleep 1000',
      'docker exec c1 ping -c 1 172.17.0.1',
      'tcpdump -n -i docker0',
      'tcpdump -e -c 1 -i docker0 icmp or arp',
    ]);
    // Interrupted (the transcript's one-minute deadline stands for Ctrl-C): a newline ends the output.
    expect(r[2]).toEqual({
      line: 'tcpdump -n -i docker0',
      stdout:
        '00:00:05.376000 ARP, Request who-has 172.17.0.2 tell 172.17.0.1, length 28\n' +
        '00:00:05.376060 ARP, Reply 172.17.0.2 is-at 02:42:ac:11:00:02, length 28\n\n',
      stderr: `${HEAD}2 packets captured\n2 packets received by filter\n0 packets dropped by kernel\n`,
      exitCode: 0,
    });
    // Nothing more happens on docker0, so -c 1 waits for the deadline too.
    expect(r[3]?.stdout).toBe('\n');
    expect(r[3]?.stderr).toBe(
      `${HEAD}0 packets captured\n0 packets received by filter\n0 packets dropped by kernel\n`,
    );
  });

  it('-c ends it without the newline; -e prints the Ethernet header', async () => {
    const r = await runLines([
      'docker run -d --name c1 busybox sleep 1000',
      'docker exec c1 ping -c 1 172.17.0.1',
      'tcpdump -e -c 1 -i docker0 arp',
    ]);
    expect(r[2]?.stdout).toBe(
      '00:00:05.376000 02:42:3e:14:e2:68 > 02:42:ac:11:00:02, ethertype ARP (0x0806), length 42: Request who-has 172.17.0.2 tell 172.17.0.1, length 28\n',
    );
    expect(r[2]?.stderr).toBe(
      `${HEAD}1 packet captured\n1 packet received by filter\n0 packets dropped by kernel\n`,
    );
  });

  it('errors as libpcap and tcpdump print them', async () => {
    const r = await runLines([
      'tcpdump -i nosuch',
      'ip link add h11d type veth peer name h11e',
      'tcpdump -i h11d',
      'tcpdump -c 0 -i eth0',
      'tcpdump -c abc',
      'tcpdump -i eth0 bogus',
      'tcpdump -i eth0 port 99999',
      'tcpdump -i eth0 tcp port nosuch',
      'tcpdump -i eth0 net 10.0.0.0/33',
      'tcpdump -tttttt',
      'tcpdump --version',
    ]);
    expect(r.map((x) => [x.stderr, x.exitCode])).toEqual([
      ['tcpdump: nosuch: No such device exists\n(No such device exists)\n', 1],
      ['', 0],
      ['tcpdump: h11d: That device is not up\n', 1],
      ['tcpdump: invalid packet count 0\n', 1],
      ['tcpdump: invalid packet count abc\n', 1],
      ["tcpdump: can't parse filter expression: syntax error\n", 1],
      ['tcpdump: illegal port number 99999 > 65535\n', 1],
      ["tcpdump: unknown port 'nosuch'\n", 1],
      ['tcpdump: mask length must be <= 32\n', 1],
      ['tcpdump: only -t, -tt, -ttt, -tttt and -ttttt are supported\n', 1],
      ['', 0],
    ]);
    expect(r[10]?.stdout).toBe(
      'tcpdump version 4.99.3\nlibpcap version 1.10.3 (with TPACKET_V3)\nOpenSSL 3.0.19 27 Jan 2026\n',
    );
    const bad = await runLines(['tcpdump -Z']);
    expect(bad[0]?.stderr.split('\n').slice(0, 5)).toEqual([
      "tcpdump: option requires an argument -- 'Z'",
      'tcpdump version 4.99.3',
      'libpcap version 1.10.3 (with TPACKET_V3)',
      'OpenSSL 3.0.19 27 Jan 2026',
      'Usage: tcpdump [-AbdDefhHIJKlLnNOpqStuUvxX#] [ -B size ] [ -c count ] [--count]',
    ]);
  });
});

const ip = (s: string) => parseIp4(s) as number;

const syn: SkbHeaders = {
  eth: { src: '52:54:00:00:0c:01', dst: '52:54:00:4f:76:46', ethertype: 0x0800 },
  arp: null,
  ip: { src: ip('10.0.12.1'), dst: ip('10.0.12.13'), ttl: 64, proto: 6, id: 1, tos: 0, len: 60 },
  l4: { proto: 6, sport: 32768, dport: 8080, flags: 'S', seq: 7, ack: 0 },
  payload: { kind: 'none' },
};
const arpReq: SkbHeaders = {
  eth: { src: '02:42:ac:11:00:02', dst: 'ff:ff:ff:ff:ff:ff', ethertype: 0x0806 },
  arp: {
    op: 1,
    senderMac: '02:42:ac:11:00:02',
    senderIp: ip('172.17.0.2'),
    targetMac: '00:00:00:00:00:00',
    targetIp: ip('172.17.0.3'),
  },
  ip: null,
  l4: null,
  payload: { kind: 'none' },
};

describe('the filter language', () => {
  const m = (f: string, h: SkbHeaders) => matches(parseFilter(f), h);
  it('protocols, hosts (IPv4 and ARP), nets, ports, and inherited qualifiers', () => {
    expect(m('', syn)).toBe(true);
    expect(m('tcp', syn)).toBe(true);
    expect(m('udp or icmp', syn)).toBe(false);
    expect(m('host 10.0.12.13', syn)).toBe(true);
    expect(m('src host 10.0.12.13', syn)).toBe(false);
    expect(m('dst 10.0.12.13', syn)).toBe(true);
    expect(m('net 10.0.12.0/22 and not arp', syn)).toBe(true);
    expect(m('port 80 or 8080', syn)).toBe(true);
    expect(m('tcp dst port 8080', syn)).toBe(true);
    expect(m('udp port 8080', syn)).toBe(false);
    expect(m('host 172.17.0.3', arpReq)).toBe(true);
    expect(m('arp and src host 172.17.0.2', arpReq)).toBe(true);
    expect(m('ip host 172.17.0.3', arpReq)).toBe(false);
    expect(m('ether host 02:42:ac:11:00:02 && !(tcp || udp)', arpReq)).toBe(true);
  });

  it('syntax errors', () => {
    for (const bad of ['bogus', '10.0.0.1', 'host', 'icmp and (', 'src', 'port 80 and', 'tcp udp'])
      expect(() => parseFilter(bad), bad).toThrow('syntax error');
    expect(() => parseFilter('tcp host 1.2.3.4')).toThrow("'tcp' modifier applied to host");
    expect(() => parseFilter('port 65536')).toThrow('illegal port number 65536 > 65535');
    expect(parseFilter('port 0x50')).toMatchObject({ kind: 'port', port: 80 });
  });
});

describe('line formats', () => {
  const state = (over: Partial<PrintState>): PrintState => ({
    epochMs: 1_764_300_000_000,
    tflag: 0,
    numeric: true,
    link: false,
    number: false,
    linkType: 'EN10MB',
    printed: 0,
    firstUs: null,
    prevUs: null,
    ...over,
  });
  const cap = (skb: SkbHeaders, atUs: number, dir: Captured['dir'] = 'In'): Captured => ({
    atUs,
    dev: 'eth0',
    ifindex: 2,
    dir,
    skb,
  });

  it('timestamps: time of day, -t, -tt, -ttt, -tttt, -ttttt, and -# numbers', () => {
    const lines = (over: Partial<PrintState>) => {
      const s = state(over);
      return [formatCaptured(s, cap(syn, 1_000_000)), formatCaptured(s, cap(syn, 1_000_250))].map((l) =>
        l.slice(0, l.indexOf('IP ')),
      );
    };
    expect(lines({})).toEqual(['03:20:01.000000 ', '03:20:01.000250 ']);
    expect(lines({ tflag: 1 })).toEqual(['', '']);
    expect(lines({ tflag: 2 })).toEqual(['1764300001.000000 ', '1764300001.000250 ']);
    expect(lines({ tflag: 3 })).toEqual([' 00:00:00.000000 ', ' 00:00:00.000250 ']);
    expect(lines({ tflag: 4 })).toEqual(['2025-11-28 03:20:01.000000 ', '2025-11-28 03:20:01.000250 ']);
    expect(lines({ tflag: 5, number: true })).toEqual([
      '    1   00:00:00.000000 ',
      '    2   00:00:00.000250 ',
    ]);
  });

  it('ports by name without -n; the cooked headers of "any"', () => {
    expect(formatCaptured(state({ tflag: 1, numeric: false }), cap(syn, 0))).toBe(
      'IP 10.0.12.1.32768 > 10.0.12.13.http-alt: Flags [S], seq 7, win 64240, length 0\n',
    );
    expect(formatCaptured(state({ tflag: 1, linkType: 'SLL2' }), cap(arpReq, 0, 'B'))).toBe(
      'eth0 B   ARP, Request who-has 172.17.0.3 tell 172.17.0.2, length 28\n',
    );
    expect(formatCaptured(state({ tflag: 1, linkType: 'SLL2', link: true }), cap(arpReq, 0, 'B'))).toBe(
      'eth0 B   ifindex 2 02:42:ac:11:00:02 ethertype ARP (0x0806), length 48: Request who-has 172.17.0.3 tell 172.17.0.2, length 28\n',
    );
    expect(formatCaptured(state({ tflag: 1, linkType: 'SLL', link: true }), cap(syn, 0, 'Out'))).toBe(
      'Out 52:54:00:00:0c:01 ethertype IPv4 (0x0800), length 76: 10.0.12.1.32768 > 10.0.12.13.8080: Flags [S], seq 7, win 64240, length 0\n',
    );
  });
});
