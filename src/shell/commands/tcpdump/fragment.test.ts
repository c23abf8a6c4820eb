/**
 * How tcpdump 4.99.3 prints IPv4 fragments (print-ip.c), checked on Linux 6.18 captures of `ping -s 3000`
 * over a veth: the first fragment as its ICMP/UDP message (ICMP with the fragment's length, UDP with the
 * UDP header's), the others as "ip-proto-N" with -n and by protocol name without; -e shows each frame.
 */
import { describe, expect, it } from 'vitest';
import { parseIp4 } from '../../../lib';
import type { SkbHeaders } from '../../../kernel';
import { formatCaptured, type PrintState } from './format';

const a = parseIp4('10.0.0.1') ?? 0;
const b = parseIp4('10.0.0.2') ?? 0;
const eth = { src: '32:fd:8e:37:24:e1', dst: '8a:68:9f:23:c3:07', ethertype: 0x0800 };
const ip = { src: a, dst: b, ttl: 64, proto: 1, id: 43733, tos: 0 };
const first: SkbHeaders = {
  eth,
  arp: null,
  ip: { ...ip, len: 1500, fragOff: 0, mf: true },
  l4: { proto: 1, type: 8, code: 0, id: 21274, seq: 1, inner: null },
  payload: { kind: 'bytes', size: 3000 },
};
const last: SkbHeaders = {
  eth,
  arp: null,
  ip: { ...ip, len: 68, fragOff: 2960 },
  l4: null,
  payload: { kind: 'none' },
};
const udpFirst: SkbHeaders = {
  eth,
  arp: null,
  ip: { ...ip, proto: 17, len: 1396, fragOff: 0, mf: true },
  l4: { proto: 17, sport: 43395, dport: 9000 },
  payload: { kind: 'bytes', size: 2000 },
};

function line(skb: SkbHeaders, over: Partial<PrintState> = {}): string {
  const s: PrintState = {
    epochMs: 0,
    tflag: 1,
    numeric: true,
    link: false,
    number: false,
    linkType: 'EN10MB',
    printed: 0,
    firstUs: null,
    prevUs: null,
    ...over,
  };
  return formatCaptured(s, { atUs: 0, dev: 'eth0', ifindex: 2, dir: 'In', skb });
}

describe('tcpdump: IPv4 fragments', () => {
  it('-n: the first as ICMP with its own length, the others as ip-proto-1', () => {
    expect(line(first)).toBe('IP 10.0.0.1 > 10.0.0.2: ICMP echo request, id 21274, seq 1, length 1480\n');
    expect(line(last)).toBe('IP 10.0.0.1 > 10.0.0.2: ip-proto-1\n');
  });
  it('without -n the protocol is named; a UDP first fragment gives the whole UDP length', () => {
    expect(line(last, { numeric: false })).toBe('IP 10.0.0.1 > 10.0.0.2: icmp\n');
    expect(line({ ...last, ip: { ...ip, proto: 17, len: 652, fragOff: 1376 } }, { numeric: false })).toBe(
      'IP 10.0.0.1 > 10.0.0.2: udp\n',
    );
    expect(line(udpFirst)).toBe('IP 10.0.0.1.43395 > 10.0.0.2.9000: UDP, length 2000\n');
  });
  it('-e: the frame length of each fragment', () => {
    expect(line(last, { link: true })).toBe(
      '32:fd:8e:37:24:e1 > 8a:68:9f:23:c3:07, ethertype IPv4 (0x0800), length 82: 10.0.0.1 > 10.0.0.2: ip-proto-1\n',
    );
    expect(line(first, { link: true })).toBe(
      '32:fd:8e:37:24:e1 > 8a:68:9f:23:c3:07, ethertype IPv4 (0x0800), length 1514: 10.0.0.1 > 10.0.0.2: ICMP echo request, id 21274, seq 1, length 1480\n',
    );
  });
});
