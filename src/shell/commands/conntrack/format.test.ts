import { describe, expect, it } from 'vitest';
import { parseIp4 } from '../../../lib';
import type { ConntrackEntry, CtTuple } from '../../../kernel';
import { ctLine } from './format';

const ip = (s: string): number => parseIp4(s) ?? 0;
const t = (src: string, dst: string, sport = 0, dport = 0): CtTuple => ({
  src: ip(src),
  dst: ip(dst),
  sport,
  dport,
});

function entry(
  p: Partial<ConntrackEntry> & Pick<ConntrackEntry, 'proto' | 'orig' | 'reply'>,
): ConntrackEntry {
  return {
    id: 1,
    tcpState: null,
    tcpFinFrom: null,
    seenReply: false,
    assured: false,
    confirmed: true,
    srcNat: false,
    dstNat: false,
    natDoneSrc: true,
    natDoneDst: true,
    createdUs: 0,
    expiresUs: 0,
    icmpType: null,
    icmpCode: null,
    mark: 0,
    zone: 0,
    ...p,
  };
}

// Lines from the oracle's golden/host/conntrack_L.out (conntrack-tools 1.4.7).
describe('conntrack -L lines', () => {
  it('prints a DNATed TCP flow in TIME_WAIT', () => {
    const e = entry({
      proto: 6,
      orig: t('10.0.12.1', '10.0.12.13', 58414, 8080),
      reply: t('172.17.0.2', '10.0.12.1', 80, 58414),
      tcpState: 'TIME_WAIT',
      seenReply: true,
      assured: true,
      expiresUs: 117_400_000,
    });
    expect(ctLine(e, 0, false)).toBe(
      'tcp      6 117 TIME_WAIT src=10.0.12.1 dst=10.0.12.13 sport=58414 dport=8080 src=172.17.0.2 dst=10.0.12.1 sport=80 dport=58414 [ASSURED] mark=0 use=1\n',
    );
  });
  it('prints unreplied UDP, ICMP echo and IGMP ("unknown") flows', () => {
    const udp = entry({
      proto: 17,
      orig: t('172.17.0.2', '10.0.12.1', 39868, 33436),
      reply: t('10.0.12.1', '10.0.12.13', 33436, 39868),
      expiresUs: 24_000_000,
    });
    const icmp = entry({
      proto: 1,
      orig: t('172.17.0.2', '172.17.0.3', 26033, 26033),
      reply: t('172.17.0.3', '172.17.0.2', 26033, 26033),
      icmpType: 8,
      icmpCode: 0,
      seenReply: true,
      expiresUs: 24_000_000,
    });
    const igmp = entry({
      proto: 2,
      orig: t('172.17.0.1', '224.0.0.22'),
      reply: t('224.0.0.22', '172.17.0.1'),
      expiresUs: 489_000_000,
    });
    expect([udp, icmp, igmp].map((e) => ctLine(e, 0, false)).join('')).toBe(
      'udp      17 24 src=172.17.0.2 dst=10.0.12.1 sport=39868 dport=33436 [UNREPLIED] src=10.0.12.1 dst=10.0.12.13 sport=33436 dport=39868 mark=0 use=1\n' +
        'icmp     1 24 src=172.17.0.2 dst=172.17.0.3 type=8 code=0 id=26033 src=172.17.0.3 dst=172.17.0.2 type=0 code=0 id=26033 mark=0 use=1\n' +
        'unknown  2 489 src=172.17.0.1 dst=224.0.0.22 [UNREPLIED] src=224.0.0.22 dst=172.17.0.1 mark=0 use=1\n',
    );
  });
});
