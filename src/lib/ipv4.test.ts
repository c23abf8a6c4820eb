import { describe, expect, it } from 'vitest';
import { broadcastOf, formatIp4, parseCidr4, parseIp4, parseIp4Lax, prefixOfMask, procHex } from './ipv4';
import { eui64LinkLocal } from './mac';
import { formatIp6, parseIp6 } from './ipv6';
import { nextU32, seedRng } from './prng';

describe('ipv4', () => {
  it('parses and formats dotted quads strictly', () => {
    expect(parseIp4('172.17.0.2')).toBe(0xac110002);
    expect(parseIp4('256.0.0.1')).toBeNull();
    expect(parseIp4('1.2.3')).toBeNull();
    expect(formatIp4(0xac110002)).toBe('172.17.0.2');
  });
  it('accepts inet_aton shorthand in lax mode', () => {
    expect(parseIp4Lax('127.1')).toBe(0x7f000001);
    expect(parseIp4Lax('10.1')).toBe(0x0a000001);
    expect(parseIp4Lax('0x7f.1')).toBe(0x7f000001);
  });
  it('computes broadcast, masks and /proc hex', () => {
    expect(formatIp4(broadcastOf(parseIp4('10.0.12.13') as number, 22))).toBe('10.0.15.255');
    expect(prefixOfMask(0xfffffc00)).toBe(22);
    expect(prefixOfMask(0xff00ff00)).toBeNull();
    expect(procHex(parseIp4('172.17.0.0') as number)).toBe('000011AC');
    expect(parseCidr4('172.17.0.0/16')).toEqual({ addr: 0xac110000, prefixLen: 16 });
  });
});

describe('ipv6 and EUI-64', () => {
  it('derives link-local addresses as the kernel does', () => {
    expect(eui64LinkLocal('02:42:fd:43:ed:84')).toBe('fe80::42:fdff:fe43:ed84');
    expect(eui64LinkLocal('3e:b7:21:d4:08:9f')).toBe('fe80::3cb7:21ff:fed4:89f');
    expect(eui64LinkLocal('52:54:00:12:34:56')).toBe('fe80::5054:ff:fe12:3456');
    expect(eui64LinkLocal('02:00:00:00:00:01')).toBe('fe80::ff:fe00:1');
  });
  it('compresses the longest zero run only', () => {
    expect(formatIp6([0, 0, 0, 0, 0, 0, 0, 1])).toBe('::1');
    expect(formatIp6([0xfe80, 0, 1, 0, 0, 0, 0, 1])).toBe('fe80:0:1::1');
    expect(parseIp6('fe80::1')).toEqual([0xfe80, 0, 0, 0, 0, 0, 0, 1]);
  });
});

describe('prng', () => {
  it('is deterministic per seed', () => {
    const a = seedRng(1);
    const b = seedRng(1);
    expect([nextU32(a), nextU32(a)]).toEqual([nextU32(b), nextU32(b)]);
    expect(nextU32(seedRng(2))).not.toBe(nextU32(seedRng(1)));
  });
});
