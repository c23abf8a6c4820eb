/** The default IPAM driver: predefined pool order, the linear allocator, lowest-free addresses. */
import { describe, expect, it } from 'vitest';
import { formatIp4, parseIp4 } from '../lib';
import { newPool, predefinedSubnets, releaseAddress, requestAddress } from './ipam';

const ip = (s: string) => parseIp4(s) as number;

describe('ipam', () => {
  it('lists the 31 local predefined subnets in order', () => {
    const all = predefinedSubnets().map((c) => `${formatIp4(c.addr)}/${c.prefixLen}`);
    expect(all).toHaveLength(31);
    expect(all.slice(0, 4)).toEqual(['172.17.0.0/16', '172.18.0.0/16', '172.19.0.0/16', '172.20.0.0/16']);
    expect(all[14]).toBe('172.31.0.0/16');
    expect(all.slice(15, 17)).toEqual(['192.168.0.0/20', '192.168.16.0/20']);
    expect(all[30]).toBe('192.168.240.0/20');
  });

  it('hands out the gateway first, then the lowest free address, reusing released ones', () => {
    const p = newPool({ addr: ip('172.17.0.0'), prefixLen: 16 }, null, {});
    expect(formatIp4(requestAddress(p, null))).toBe('172.17.0.1');
    expect(formatIp4(requestAddress(p, null))).toBe('172.17.0.2');
    expect(formatIp4(requestAddress(p, null))).toBe('172.17.0.3');
    releaseAddress(p, ip('172.17.0.2'));
    expect(formatIp4(requestAddress(p, null))).toBe('172.17.0.2');
    expect(() => requestAddress(p, ip('172.17.0.3'))).toThrow('Address already in use');
  });

  it('keeps dynamic addresses inside the ip-range and never hands out network or broadcast', () => {
    const p = newPool({ addr: ip('10.9.0.0'), prefixLen: 30 }, null, {});
    expect([requestAddress(p, null), requestAddress(p, null)].map(formatIp4)).toEqual([
      '10.9.0.1',
      '10.9.0.2',
    ]);
    expect(() => requestAddress(p, null)).toThrow('no available addresses on this pool');
    const r = newPool(
      { addr: ip('172.28.0.0'), prefixLen: 16 },
      { addr: ip('172.28.5.0'), prefixLen: 24 },
      {},
    );
    expect(formatIp4(requestAddress(r, ip('172.28.5.254')))).toBe('172.28.5.254');
    expect(formatIp4(requestAddress(r, null))).toBe('172.28.5.0');
  });
});
