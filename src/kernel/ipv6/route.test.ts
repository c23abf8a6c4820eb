import { describe, expect, it } from 'vitest';
import { parseIp6 } from '../../lib';
import { compareFib6Prefix } from './route';

const g = (s: string): number[] => parseIp6(s) as number[];

describe('fib6 dump order', () => {
  it('walks the radix tree in post-order: a prefix after the more specific ones inside it', () => {
    const routes: [string, number][] = [
      ['::', 0],
      ['fe80::', 64],
      ['2001:db8::', 32],
      ['2001:db8:0:1::', 64],
      ['2001:db8::', 64],
    ];
    routes.sort(([a, al], [b, bl]) => compareFib6Prefix(g(a), al, g(b), bl));
    // As `ip -6 route` lists them on Linux 6.18 (default route last).
    expect(routes).toEqual([
      ['2001:db8::', 64],
      ['2001:db8:0:1::', 64],
      ['2001:db8::', 32],
      ['fe80::', 64],
      ['::', 0],
    ]);
  });

  it('orders host routes by address', () => {
    const a = ['fe80::42:5eff:fe1c:7a0b', 'fe80::3cb7:21ff:fed4:89f', '::1', 'ff00::'];
    a.sort((x, y) => compareFib6Prefix(g(x), 128, g(y), 128));
    expect(a).toEqual(['::1', 'fe80::42:5eff:fe1c:7a0b', 'fe80::3cb7:21ff:fed4:89f', 'ff00::']);
  });
});
