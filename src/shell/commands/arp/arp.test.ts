import { describe, expect, it } from 'vitest';
import { arpFlags } from '../procfs/net_arp';
import { lineBsd, lineLinux } from './show';

const resolved = {
  ip: 0xac110001,
  hwType: 1,
  flags: arpFlags('REACHABLE'),
  hwAddr: '02:42:fd:43:ed:84',
  mask: '*',
  dev: 'eth0',
};
const failed = {
  ip: 0xac110063,
  hwType: 1,
  flags: arpFlags('FAILED'),
  hwAddr: '00:00:00:00:00:00',
  mask: '*',
  dev: 'eth0',
};
const perm = {
  ip: 0x0a010032,
  hwType: 1,
  flags: arpFlags('PERMANENT'),
  hwAddr: '02:00:00:00:00:50',
  mask: '*',
  dev: 'eth0',
};

describe('arp lines (oracle c1/arp_n, c1/busybox_arp_n, and arp -s on Linux 6.18)', () => {
  it('net-tools table', () => {
    expect(lineLinux('172.17.0.1', resolved)).toBe(
      '172.17.0.1               ether   02:42:fd:43:ed:84   C                     eth0\n',
    );
    expect(lineLinux('172.17.0.99', failed)).toBe(
      '172.17.0.99                      (incomplete)                              eth0\n',
    );
    expect(lineLinux('10.1.0.50', perm)).toBe(
      '10.1.0.50                ether   02:00:00:00:00:50   CM                    eth0\n',
    );
  });
  it('BSD style', () => {
    expect(lineBsd('?', resolved, true)).toBe('? (172.17.0.1) at 02:42:fd:43:ed:84 [ether]  on eth0\n');
    expect(lineBsd('?', failed, true)).toBe('? (172.17.0.99) at <incomplete>  on eth0\n');
    expect(lineBsd('?', perm, true)).toBe('? (10.1.0.50) at 02:00:00:00:00:50 [ether] PERM on eth0\n');
    expect(lineBsd('?', perm, false)).toBe('? (10.1.0.50) at 02:00:00:00:00:50 [ether] PERM on eth0\n');
    expect(lineBsd('?', resolved, false)).toBe('? (172.17.0.1) at 02:42:fd:43:ed:84 [ether] on eth0\n');
  });
  it('/proc/net/arp flags', () => {
    expect([arpFlags('PERMANENT'), arpFlags('STALE'), arpFlags('INCOMPLETE'), arpFlags('FAILED')]).toEqual([
      6, 2, 0, 0,
    ]);
  });
});
