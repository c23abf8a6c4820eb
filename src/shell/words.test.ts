/** The plain-word splitter: exact words for what the session runs directly, null for what bash must read. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { plainWords, shellQuote } from './words';

/** The same grammar as regular expressions: the model the hand-written scanner must agree with. */
const WORD = /(?:[A-Za-z0-9_@%+=:,./-]|'[^']*'|"[^"$`\\!]*"|\\[!,|&;<>()])+/g;
const LINE = /^[ \t]*(?:(?:[A-Za-z0-9_@%+=:,./-]|'[^']*'|"[^"$`\\!]*"|\\[!,|&;<>()])+(?:[ \t]+|$))*$/;
function modelWords(line: string): string[] | null {
  if (!LINE.test(line)) return null;
  return (line.match(WORD) ?? []).map((w) =>
    w.replace(/'([^']*)'|"([^"]*)"|\\(.)/g, (_m, a?: string, b?: string, c?: string) => a ?? b ?? c ?? ''),
  );
}

describe('plainWords', () => {
  it('splits plain, quoted and backslash-escaped words', () => {
    expect(
      plainWords(
        'ip netns exec gt-host iptables -I FORWARD -o docker0 -m conntrack --ctstate RELATED\\,ESTABLISHED -j ACCEPT',
      ),
    ).toEqual([
      'ip',
      'netns',
      'exec',
      'gt-host',
      'iptables',
      '-I',
      'FORWARD',
      '-o',
      'docker0',
      '-m',
      'conntrack',
      '--ctstate',
      'RELATED,ESTABLISHED',
      '-j',
      'ACCEPT',
    ]);
    expect(plainWords("  echo \t'a b'\"c d\"x\\!  ''  ")).toEqual(['echo', 'a bc dx!', '']);
    expect(plainWords('')).toEqual([]);
  });

  it('gives up on what bash must expand or parse', () => {
    for (const line of ['echo $HOME', 'a | b', 'ls *', 'echo "$x"', "echo 'open", 'a\\b', 'echo é', 'a;b'])
      expect(plainWords(line)).toBeNull();
  });

  it('agrees with the character-at-a-time model on any line of shell-ish characters', () => {
    const ch = fc.constantFrom(...'ab-./=,:@%+_09 \t\'"\\!$`|&;<>()*?~#é'.split(''));
    fc.assert(
      fc.property(fc.array(ch, { maxLength: 40 }), (cs) => {
        const line = cs.join('');
        expect(plainWords(line)).toEqual(modelWords(line));
      }),
      { numRuns: 3000, seed: 42 },
    );
  });
});

describe('shellQuote', () => {
  it('quotes only what is not a plain word', () => {
    expect(shellQuote(['ip', 'a b', '', "it's"])).toBe("ip 'a b' '' 'it'\\''s'");
  });
});
