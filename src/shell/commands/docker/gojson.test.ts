/** encoding/json's order: a map's keys sorted as Go compares strings (bytes), a struct's fields as built. */
import { describe, expect, it } from 'vitest';
import { goMarshal, goStringCompare } from './gojson';
import { closedStruct, IFACE, mapOf, sliceOf } from './template_values';

describe('goMarshal with a Go type', () => {
  it('sorts map keys (integer-like ones too), keeps struct fields, follows slices and renamed fields', () => {
    const t = closedStruct(
      'T',
      { B: mapOf('map[string]string'), Aux: sliceOf('[]m', mapOf('m')) },
      { Aux: 'A' },
    );
    const v = { B: { b: '1', '10': '2', '2': '3', a: '4' }, A: [{ z: '1', '1': '2' }] };
    expect(goMarshal(v, '', 0, true, t)).toBe(
      '{"B":{"10":"2","2":"3","a":"4","b":"1"},"A":[{"1":"2","z":"1"}]}',
    );
    // Without a type, insertion order (JavaScript's: integer-like keys first).
    expect(goMarshal({ b: 1, a: 2, '5': 3 })).toBe('{\n    "5": 3,\n    "b": 1,\n    "a": 2\n}');
    // JSON decoded into interface{} is maps all the way down.
    expect(goMarshal({ b: { d: 1, c: 2 }, a: [{ f: 1, e: 2 }] }, '', 0, true, IFACE)).toBe(
      '{"a":[{"e":2,"f":1}],"b":{"c":2,"d":1}}',
    );
  });

  it('compares strings by UTF-8 bytes, as Go does', () => {
    expect(['b', '\u{1F600}', '\uFF01', 'a'].sort(goStringCompare)).toEqual([
      'a',
      'b',
      '\uFF01',
      '\u{1F600}',
    ]);
    expect(['10', '9', '1', 'a', 'A'].sort(goStringCompare)).toEqual(['1', '10', '9', 'A', 'a']);
  });
});
