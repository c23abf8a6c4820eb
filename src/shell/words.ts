/**
 * Lines made of plain words: the session runs such a line's command directly (so its output can stream)
 * instead of through just-bash, and quotes words back for bash when it has to hand them over.
 */

/** A word bash reads as itself: no quoting, globbing, expansion or operator character in it. */
const PLAIN_WORD = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** PLAIN_WORD's characters, by char code (the splitter runs on every line typed). */
const PLAIN = new Uint8Array(128);
/** Characters a backslash may escape in a plain word (`\!`, `RELATED\,ESTABLISHED`). */
const ESCAPABLE = new Uint8Array(128);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_@%+=:,./-')
  PLAIN[c.charCodeAt(0)] = 1;
for (const c of '!,|&;<>()') ESCAPABLE[c.charCodeAt(0)] = 1;

const SPACE = 32;
const TAB = 9;
const SQUOTE = 39;
const DQUOTE = 34;
const BACKSLASH = 92;

/**
 * Split a line into words when it is only plain or single/double-quoted words without expansions; null when
 * bash has more to do with it. Runs of plain characters are sliced out whole, not added a character at a time.
 */
export function plainWords(line: string): string[] | null {
  const words: string[] = [];
  const n = line.length;
  let i = 0;
  while (i < n) {
    const c = line.charCodeAt(i);
    if (c === SPACE || c === TAB) {
      i++;
      continue;
    }
    let w = '';
    // Start of the run of plain characters not yet added to w.
    let run = i;
    while (i < n) {
      const d = line.charCodeAt(i);
      if (d === SPACE || d === TAB) break;
      if (d < 128 && PLAIN[d] === 1) {
        i++;
        continue;
      }
      if (run < i) w += line.slice(run, i);
      if (d === SQUOTE) {
        const j = line.indexOf("'", i + 1);
        if (j < 0) return null;
        w += line.slice(i + 1, j);
        i = j + 1;
      } else if (d === DQUOTE) {
        const j = line.indexOf('"', i + 1);
        if (j < 0) return null;
        const inner = line.slice(i + 1, j);
        if (/[$`\\!]/.test(inner)) return null;
        w += inner;
        i = j + 1;
      } else if (d === BACKSLASH && i + 1 < n && ESCAPABLE[line.charCodeAt(i + 1)] === 1) {
        w += line[i + 1];
        i += 2;
      } else {
        return null;
      }
      run = i;
    }
    if (run < i) w += line.slice(run, i);
    words.push(w);
  }
  return words;
}

/** Quote words so that bash reads them back unchanged. */
export function shellQuote(words: readonly string[]): string {
  return words.map((w) => (w !== '' && PLAIN_WORD.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`)).join(' ');
}
