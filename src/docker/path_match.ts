/**
 * Go's path.Match (src/path/match.go), the glob the daemon's `reference` image filter uses: '*' runs of
 * non-'/' characters, '?' one non-'/' character, '[...]' classes with '^' negation, ranges and '\' escapes.
 * A malformed pattern is Go's ErrBadPattern, "syntax error in pattern"; like Go, a pattern whose start already
 * failed to match is still checked to the end, but one that matched early is not. Works on code points
 * (Go decodes runes for '?' and classes; literals compare the same either way for valid UTF-8).
 */

export const BAD_PATTERN = 'syntax error in pattern';

type Chunk = { star: boolean; chunk: string[]; rest: string[] };

/** scanChunk: leading stars, then everything up to the next '*' outside a class. */
function scanChunk(p: string[]): Chunk {
  let i = 0;
  while (i < p.length && p[i] === '*') i++;
  const star = i > 0;
  const body = p.slice(i);
  let inRange = false;
  let j = 0;
  for (; j < body.length; j++) {
    const c = body[j];
    if (c === '\\') {
      if (j + 1 < body.length) j++;
    } else if (c === '[') inRange = true;
    else if (c === ']') inRange = false;
    else if (c === '*' && !inRange) break;
  }
  return { star, chunk: body.slice(0, j), rest: body.slice(j) };
}

/** getEsc: one class character, maybe escaped; '-' or ']' here, or the end, is malformed. */
function getEsc(c: string[], at: number): [string, number] {
  let i = at;
  if (i >= c.length || c[i] === '-' || c[i] === ']') throw new Error(BAD_PATTERN);
  if (c[i] === '\\') {
    i++;
    if (i >= c.length) throw new Error(BAD_PATTERN);
  }
  const r = c[i] as string;
  i++;
  if (i >= c.length) throw new Error(BAD_PATTERN);
  return [r, i];
}

/** matchChunk: the rest of `s` after `chunk` matched its start, or null; throws on a malformed chunk. */
function matchChunk(chunk: string[], s: string[]): string[] | null {
  let failed = false;
  let k = 0;
  let pos = 0;
  const cp = (x: string) => x.codePointAt(0) as number;
  while (k < chunk.length) {
    if (!failed && pos >= s.length) failed = true;
    const c = chunk[k] as string;
    if (c === '[') {
      const r = failed ? -1 : cp(s[pos++] as string);
      k++;
      let negated = false;
      if (chunk[k] === '^') {
        negated = true;
        k++;
      }
      let match = false;
      for (let n = 0; ; n++) {
        if (chunk[k] === ']' && n > 0) {
          k++;
          break;
        }
        const [lo, next] = getEsc(chunk, k);
        let hi = lo;
        k = next;
        if (chunk[k] === '-') [hi, k] = getEsc(chunk, k + 1);
        if (cp(lo) <= r && r <= cp(hi)) match = true;
      }
      if (match === negated) failed = true;
    } else if (c === '?') {
      if (!failed && s[pos++] === '/') failed = true;
      k++;
    } else {
      if (c === '\\') {
        k++;
        if (k >= chunk.length) throw new Error(BAD_PATTERN);
      }
      if (!failed && chunk[k] !== s[pos++]) failed = true;
      k++;
    }
  }
  return failed ? null : s.slice(pos);
}

/** path.Match: whether all of `name` matches; throws Error(BAD_PATTERN) for a malformed pattern. */
export function pathMatch(pattern: string, name: string): boolean {
  let pat = [...pattern];
  let rest = [...name];
  outer: while (pat.length > 0) {
    const { star, chunk, rest: after } = scanChunk(pat);
    pat = after;
    if (star && chunk.length === 0) return !rest.includes('/');
    const t = matchChunk(chunk, rest);
    if (t !== null && (t.length === 0 || pat.length > 0)) {
      rest = t;
      continue;
    }
    if (star) {
      for (let i = 0; i < rest.length && rest[i] !== '/'; i++) {
        const u = matchChunk(chunk, rest.slice(i + 1));
        if (u !== null) {
          if (pat.length === 0 && u.length > 0) continue;
          rest = u;
          continue outer;
        }
      }
    }
    // Before answering no, the rest of the pattern must be well formed.
    while (pat.length > 0) {
      const next = scanChunk(pat);
      pat = next.rest;
      matchChunk(next.chunk, []);
    }
    return false;
  }
  return rest.length === 0;
}
