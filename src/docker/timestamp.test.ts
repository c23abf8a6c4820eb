/** api/types/time GetTimestamp + ParseTimestamps: durations, RFC 3339 forms, Unix times, Go's parse errors. */
import { describe, expect, it } from 'vitest';
import { filterTimestamp } from './timestamp';

// 2026-11-28T00:00:00.5Z
const NOW = { sec: 1_795_824_000n, nsec: 500_000_000n };
const at = (v: string) => {
  const t = filterTimestamp(v, NOW);
  return `${t.sec}.${t.nsec}`;
};

describe('filterTimestamp', () => {
  it('durations before now (whole seconds), dates in UTC, offsets, fractions, Unix times', () => {
    expect(at('1h')).toBe('1795820400.0');
    expect(at('1h30m')).toBe('1795818600.0');
    expect(at('1.5s')).toBe('1795823999.0');
    expect(at('2026-11-27')).toBe('1795737600.0');
    expect(at('2026-11-27T10')).toBe('1795773600.0');
    expect(at('2026-11-27T10:30')).toBe('1795775400.0');
    expect(at('2026-11-27T10:30:05.25')).toBe('1795775405.250000000');
    expect(at('2026-11-27T10:30:05+02:00')).toBe('1795768205.0');
    expect(at('2026-11-27Z')).toBe('1795737600.0');
    expect(at('0')).toBe('0.0');
    expect(at('1700000000.5')).toBe('1700000000.500000000');
  });

  it("Go's errors", () => {
    const e = (v: string) => () => filterTimestamp(v, NOW);
    expect(e('soon')).toThrow('failed to parse value as time or duration: "soon"');
    expect(e('10x')).toThrow('failed to parse value as time or duration: "10x"');
    expect(e('-5')).toThrow('parsing time "-5" as "2006-01-02": cannot parse "-5" as "2006"');
    expect(e('2026-11-27T25')).toThrow('parsing time "2026-11-27T25": hour out of range');
    expect(e('2026-11-27T10:61')).toThrow('parsing time "2026-11-27T10:61": minute out of range');
    expect(e('2026-11-27X')).toThrow('parsing time "2026-11-27X": extra text: "X"');
    expect(e('2026-11-27T10:30:05+0200')).toThrow(
      'parsing time "2026-11-27T10:30:05+0200" as "2006-01-02T15:04Z07:00": cannot parse ":05+0200" as "Z07:00"',
    );
  });
});
