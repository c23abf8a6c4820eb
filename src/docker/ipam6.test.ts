import { describe, expect, it } from 'vitest';
import { newPool6, releaseAddress6, requestAddress6 } from './ipam6';

describe('IPv6 IPAM pool', () => {
  it('never hands out the subnet-router anycast address and takes the lowest free ordinal', () => {
    const p = newPool6('fd00:1::/64');
    if (!p) throw new Error('no pool');
    expect(requestAddress6(p, null)).toBe('fd00:1::1');
    expect(requestAddress6(p, null)).toBe('fd00:1::2');
    expect(requestAddress6(p, 'fd00:1::a')).toBe('fd00:1::a');
    expect(requestAddress6(p, null)).toBe('fd00:1::3');
    releaseAddress6(p, 'fd00:1::2');
    expect(requestAddress6(p, null)).toBe('fd00:1::2');
    expect(() => requestAddress6(p, 'fd00:1::a')).toThrow('Address already in use');
    expect(() => requestAddress6(p, 'fd00:2::1')).toThrow('requested address is out of range');
  });

  it('masks the subnet and counts across group boundaries', () => {
    const p = newPool6('2001:db8:0:1:ffff::5/80');
    expect(p?.subnet).toBe('2001:db8:0:1:ffff::');
    if (!p) throw new Error('no pool');
    p.allocated = [0, ...Array.from({ length: 0x10000 }, (_, i) => i + 1)];
    expect(requestAddress6(p, null)).toBe('2001:db8:0:1:ffff:0:1:1');
    expect(newPool6('fd00::/129')).toBeNull();
    expect(newPool6('10.0.0.0/8')).toBeNull();
  });
});
