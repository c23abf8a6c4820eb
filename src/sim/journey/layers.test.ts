/** The packet detail view: headers per layer, and what NAT changed. */
import { describe, expect, it } from 'vitest';
import { parseIp4 } from '../../lib';
import type { SkbHeaders } from '../../kernel';
import { changedFields, packetLayers } from './index';

const ip = (s: string) => parseIp4(s) as number;

const echo: SkbHeaders = {
  eth: { src: '02:42:ac:11:00:02', dst: '02:42:3e:14:e2:68', ethertype: 0x0800 },
  arp: null,
  ip: { src: ip('172.17.0.2'), dst: ip('8.8.8.8'), ttl: 64, proto: 1, id: 0x1f, tos: 0, len: 84 },
  l4: { proto: 1, type: 8, code: 0, id: 101, seq: 0, inner: null },
  payload: { kind: 'bytes', size: 56 },
};

describe('packet layers', () => {
  it('an echo request: Ethernet, IPv4, ICMP, data', () => {
    expect(packetLayers(echo)).toEqual([
      {
        id: 'eth',
        fields: [
          { id: 'src', value: '02:42:ac:11:00:02' },
          { id: 'dst', value: '02:42:3e:14:e2:68' },
          { id: 'ethertype', value: '0x0800 (IPv4)' },
        ],
      },
      {
        id: 'ip',
        fields: [
          { id: 'src', value: '172.17.0.2' },
          { id: 'dst', value: '8.8.8.8' },
          { id: 'ttl', value: '64' },
          { id: 'proto', value: '1 (icmp)' },
          { id: 'id', value: '0x001f' },
          { id: 'len', value: '84' },
          { id: 'tos', value: '0x00' },
        ],
      },
      {
        id: 'icmp',
        fields: [
          { id: 'type', value: '8 (echo request)' },
          { id: 'code', value: '0' },
          { id: 'echoId', value: '101' },
          { id: 'seq', value: '0' },
        ],
      },
      { id: 'data', fields: [{ id: 'size', value: '56' }] },
    ]);
  });

  it('an ARP request stops at the ARP layer', () => {
    const arp: SkbHeaders = {
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
    expect(packetLayers(arp).map((l) => `${l.id}: ${l.fields.map((f) => f.value).join(' ')}`)).toEqual([
      'eth: 02:42:ac:11:00:02 ff:ff:ff:ff:ff:ff 0x0806 (ARP)',
      'arp: 1 (request) 02:42:ac:11:00:02 172.17.0.2 00:00:00:00:00:00 172.17.0.3',
    ]);
  });

  it('a DNS answer over UDP, and a TCP segment', () => {
    const dns: SkbHeaders = {
      eth: null,
      arp: null,
      ip: { src: ip('127.0.0.11'), dst: ip('172.18.0.2'), ttl: 64, proto: 17, id: 1, tos: 0, len: 73 },
      l4: { proto: 17, sport: 53, dport: 40000 },
      payload: { kind: 'dns', id: 4660, qname: 'web', qtype: 'A', answers: ['172.18.0.3'], rcode: 0 },
    };
    expect(packetLayers(dns).slice(1)).toEqual([
      {
        id: 'udp',
        fields: [
          { id: 'sport', value: '53' },
          { id: 'dport', value: '40000' },
        ],
      },
      {
        id: 'dns',
        fields: [
          { id: 'qid', value: '4660' },
          { id: 'question', value: 'web A' },
          { id: 'rcode', value: 'NOERROR' },
          { id: 'answers', value: '172.18.0.3' },
        ],
      },
    ]);
    const syn: SkbHeaders = {
      eth: null,
      arp: null,
      ip: { src: ip('10.0.12.1'), dst: ip('10.0.12.13'), ttl: 64, proto: 6, id: 1, tos: 0, len: 60 },
      l4: { proto: 6, sport: 32768, dport: 8080, flags: 'S', seq: 1, ack: 0 },
      payload: { kind: 'none' },
    };
    expect(packetLayers(syn)[1]?.fields.map((f) => f.value)).toEqual(['32768', '8080', '[S]', '1', '0']);
  });

  it('NAT: the fields that changed between two copies of a packet', () => {
    const after: SkbHeaders = { ...echo, ip: { ...echo.ip!, src: ip('10.0.12.13'), ttl: 63 } };
    expect([...changedFields(packetLayers(echo), packetLayers(after))]).toEqual(['ip.src', 'ip.ttl']);
  });
});
