/** Go's path.Match cases (src/path/match_test.go's table): globs, classes, escapes, and malformed patterns. */
import { describe, expect, it } from 'vitest';
import { BAD_PATTERN, pathMatch } from './path_match';

const ERR = 'error';
const CASES: [string, string, boolean | typeof ERR][] = [
  ['abc', 'abc', true],
  ['*', 'abc', true],
  ['*c', 'abc', true],
  ['a*', 'a', true],
  ['a*', 'abc', true],
  ['a*', 'ab/c', false],
  ['a*/b', 'abc/b', true],
  ['a*/b', 'a/c/b', false],
  ['a*b*c*d*e*/f', 'axbxcxdxe/f', true],
  ['a*b*c*d*e*/f', 'axbxcxdxexxx/f', true],
  ['a*b*c*d*e*/f', 'axbxcxdxe/xxx/f', false],
  ['a*b*c*d*e*/f', 'axbxcxdxexxx/fff', false],
  ['a*b?c*x', 'abxbbxdbxebxczzx', true],
  ['a*b?c*x', 'abxbbxdbxebxczzy', false],
  ['ab[c]', 'abc', true],
  ['ab[b-d]', 'abc', true],
  ['ab[e-g]', 'abc', false],
  ['ab[^c]', 'abc', false],
  ['ab[^b-d]', 'abc', false],
  ['ab[^e-g]', 'abc', true],
  ['a\\*b', 'a*b', true],
  ['a\\*b', 'ab', false],
  ['a?b', 'a\u263ab', true],
  ['a[^a]b', 'a\u263ab', true],
  ['a???b', 'a\u263ab', false],
  ['[a-\u03b6]*', '\u03b1', true],
  ['*[a-\u03b6]', 'A', false],
  ['a?b', 'a/b', false],
  ['a*b', 'a/b', false],
  ['[\\]a]', ']', true],
  ['[\\-]', '-', true],
  ['[x\\-]', '-', true],
  ['[x\\-]', 'z', false],
  ['[]a]', ']', ERR],
  ['[-]', '-', ERR],
  ['[x-]', 'x', ERR],
  ['[-x]', 'x', ERR],
  ['\\', 'a', ERR],
  ['[a-b-c]', 'a', ERR],
  ['[', 'a', ERR],
  ['[^bc', 'a', ERR],
  ['a[', 'a', ERR],
  ['a[', 'x', ERR],
  ['a/b[', 'x', ERR],
  ['*x', 'xxx', true],
  // Matched before the bad part is reached: no error.
  ['*', 'x[', true],
];

describe('pathMatch (Go path.Match)', () => {
  it.each(CASES)('%s against %s', (pattern, name, want) => {
    if (want === ERR) expect(() => pathMatch(pattern, name)).toThrow(BAD_PATTERN);
    else expect(pathMatch(pattern, name)).toBe(want);
  });
});
