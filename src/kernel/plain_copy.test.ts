import { current, isDraft, produce } from 'immer';
import { describe, expect, it } from 'vitest';
import { plainCopy } from './plain_copy';

describe('plainCopy', () => {
  const pkt = {
    id: 7,
    eth: { src: '02:42:ac:11:00:02', dst: 'ff:ff:ff:ff:ff:ff', ethertype: 0x0800 },
    ip: { src: 1, dst: 2, ttl: 64, len: 84, proto: 1 },
    l4: { proto: 1, type: 8, code: 0, id: 3, seq: 1, inner: null, innerL4: undefined },
    payload: { kind: 'dns', qname: 'c1', answers: [1, 2] },
    ct: null,
  };

  it('makes what a JSON round trip makes, sharing nothing', () => {
    const c = plainCopy(pkt);
    expect(c).toEqual(JSON.parse(JSON.stringify(pkt)));
    expect(Object.keys(c.l4)).toEqual(Object.keys(JSON.parse(JSON.stringify(pkt.l4))));
    expect(c.ip).not.toBe(pkt.ip);
    expect(c.payload.answers).not.toBe(pkt.payload.answers);
  });

  it('copies a draft as it is now, through peek', () => {
    produce({ q: [pkt] }, (d) => {
      (d.q[0] as typeof pkt).ip.ttl = 63;
      // A peek as the transaction gives one (sim/transact.ts peekDraft reads immer's state without a copy).
      const c = plainCopy(d.q[0], (x) => (isDraft(x) ? current(x) : x));
      expect(c?.ip.ttl).toBe(63);
      expect(c).toEqual({ ...JSON.parse(JSON.stringify(pkt)), ip: { ...pkt.ip, ttl: 63 } });
    });
  });
});
