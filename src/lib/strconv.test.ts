import { describe, expect, it } from 'vitest';
import { goAtoi, goParseInt, goParseUint, goQuote } from './strconv';

describe('Go strconv', () => {
  it('Quote escapes quotes, backslashes and control characters', () => {
    expect(goQuote('a"b\\c\td\x01é')).toBe('"a\\"b\\\\c\\td\\x01é"');
  });

  it('ParseInt base 0 reads prefixes and underscores; Atoi and ParseUint only digits', () => {
    expect(goParseInt('0x1f', 0)).toBe(31);
    expect(goParseInt('010', 0)).toBe(8);
    expect(goParseInt('-1_000', 0)).toBe(-1000);
    expect(goParseInt('1__0', 0)).toEqual({ error: 'strconv.ParseInt: parsing "1__0": invalid syntax' });
    expect(goParseInt('0b1_0', 0)).toBe(2);
    expect(goParseInt('08', 0)).toEqual({ error: 'strconv.ParseInt: parsing "08": invalid syntax' });
    expect(goAtoi('+5')).toBe(5);
    expect(goAtoi('0x5')).toEqual({ error: 'strconv.Atoi: parsing "0x5": invalid syntax' });
    expect(goAtoi('9223372036854775808')).toEqual({
      error: 'strconv.Atoi: parsing "9223372036854775808": value out of range',
    });
    expect(goParseUint('65536', 16)).toEqual({
      error: 'strconv.ParseUint: parsing "65536": value out of range',
    });
    expect(goParseUint('', 16)).toEqual({ error: 'strconv.ParseUint: parsing "": invalid syntax' });
  });
});
