/**
 * Go's strconv as the docker CLI and daemon use it on user text: Quote (%q in error messages) and the integer
 * parsers with their exact error texts ("strconv.Atoi: parsing \"x\": invalid syntax", "value out of range").
 */

const NAMED: Readonly<Record<string, string>> = {
  '\x07': 'a',
  '\b': 'b',
  '\f': 'f',
  '\n': 'n',
  '\r': 'r',
  '\t': 't',
  '\v': 'v',
};

/** strconv.Quote: backslash escapes for quotes, backslashes and control characters. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (NAMED[ch]) out += `\\${NAMED[ch]}`;
    else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

/** The number, or the error text of `fn` (strconv.ParseInt, strconv.Atoi, strconv.ParseUint). */
export type GoParsed = number | { error: string };

function fail(fn: string, s: string, why: 'invalid syntax' | 'value out of range'): GoParsed {
  return { error: `strconv.${fn}: parsing ${goQuote(s)}: ${why}` };
}

const BASE0 =
  /^([+-]?)(0[xX](?:_?[0-9a-fA-F])+|0[bB](?:_?[01])+|0[oO](?:_?[0-7])+|0(?:_?[0-7])*|[1-9](?:_?[0-9])*)$/;

/**
 * strconv.ParseInt(s, base, 64): base 0 reads a 0x/0o/0b or leading-0 octal prefix and allows underscores
 * between digits; base 10 only a sign and digits. `fn` names the function in the error (Atoi for Atoi).
 */
export function goParseInt(s: string, base: 0 | 10 = 10, fn = 'ParseInt'): GoParsed {
  const m = base === 0 ? BASE0.exec(s) : /^([+-]?)(\d+)$/.exec(s);
  if (!m) return fail(fn, s, 'invalid syntax');
  const body = (m[2] as string).replace(/_/g, '').toLowerCase();
  const octal = body.length > 1 && body.startsWith('0') && /^\d+$/.test(body);
  let n = base === 0 ? BigInt(octal ? `0o${body.slice(1)}` : body) : BigInt(body);
  if (m[1] === '-') n = -n;
  if (n > 9223372036854775807n || n < -9223372036854775808n) return fail(fn, s, 'value out of range');
  return Number(n);
}

/** strconv.Atoi. */
export function goAtoi(s: string): GoParsed {
  return goParseInt(s, 10, 'Atoi');
}

/** strconv.ParseUint(s, 10, bits). */
export function goParseUint(s: string, bits: 16 | 32 | 64): GoParsed {
  if (!/^\d+$/.test(s)) return fail('ParseUint', s, 'invalid syntax');
  if (BigInt(s) >= 1n << BigInt(bits)) return fail('ParseUint', s, 'value out of range');
  return Number(s);
}
