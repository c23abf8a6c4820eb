/**
 * iptables' command and option tables (iptables/xshared.h, xshared.c 1.8.9): command bits and the letters
 * cmd2char() prints for them, option bits with optflags[], which options may be negated, which options each
 * command allows (commands_v_options), and the getopt tables of do_parse.
 */
import type { NfTableName } from '../../../kernel';
import type { LongOpt } from '../../getopt';

/** Command bits in xshared.h order; cmd2char() maps bit i to "IDDRALFZNXPESZC"[i]. */
export const CMD = {
  INSERT: 1 << 0,
  DELETE: 1 << 1,
  DELETE_NUM: 1 << 2,
  REPLACE: 1 << 3,
  APPEND: 1 << 4,
  LIST: 1 << 5,
  FLUSH: 1 << 6,
  ZERO: 1 << 7,
  NEW_CHAIN: 1 << 8,
  DELETE_CHAIN: 1 << 9,
  SET_POLICY: 1 << 10,
  RENAME_CHAIN: 1 << 11,
  LIST_RULES: 1 << 12,
  ZERO_NUM: 1 << 13,
  CHECK: 1 << 14,
} as const;
export const CMD_CHARS = 'IDDRALFZNXPESZC';

/** Option bits in xshared.h order, named by optflags[] "nsdpjvxio0cf". */
export const OPT = {
  NUMERIC: 0,
  SOURCE: 1,
  DESTINATION: 2,
  PROTOCOL: 3,
  JUMP: 4,
  VERBOSE: 5,
  EXPANDED: 6,
  VIANAMEIN: 7,
  VIANAMEOUT: 8,
  LINENUMBERS: 9,
  COUNTERS: 10,
  FRAGMENT: 11,
} as const;
export const OPT_CHARS = 'nsdpjvxio0cf';
/** Which options may be inverted (inverse_for_options[]). */
export const INVERTIBLE = [false, true, true, true, false, false, false, true, true, false, false, true];

/** commands_v_options[][]: 'x' illegal. Rows in CMD bit order, columns in OPT order. */
export const CMD_V_OPT = [
  'x     x  x  ',
  'x     x  xx ',
  'xxxxx xxxxxx',
  'x     x  x  ',
  'x     x  x  ',
  ' xxxx  xx xx',
  'xxxxx xxxxxx',
  'xxxxx xxxxxx',
  'xxxxx xxxxxx',
  'xxxxx xxxxxx',
  'xxxxx xxxx x',
  'xxxxx xxxxxx',
  'xxxxx xxxxxx',
  'xxxxx xxxxxx',
  'x     x  xx ',
];

export const LONG_OPTS: readonly LongOpt[] = [
  ['append', 1, 'A'],
  ['delete', 1, 'D'],
  ['check', 1, 'C'],
  ['insert', 1, 'I'],
  ['replace', 1, 'R'],
  ['list', 2, 'L'],
  ['list-rules', 2, 'S'],
  ['flush', 2, 'F'],
  ['zero', 2, 'Z'],
  ['new-chain', 1, 'N'],
  ['delete-chain', 2, 'X'],
  ['rename-chain', 1, 'E'],
  ['policy', 1, 'P'],
  ['source', 1, 's'],
  ['destination', 1, 'd'],
  ['src', 1, 's'],
  ['dst', 1, 'd'],
  ['protocol', 1, 'p'],
  ['in-interface', 1, 'i'],
  ['jump', 1, 'j'],
  ['table', 1, 't'],
  ['match', 1, 'm'],
  ['numeric', 0, 'n'],
  ['out-interface', 1, 'o'],
  ['verbose', 0, 'v'],
  ['wait', 2, 'w'],
  ['wait-interval', 2, 'W'],
  ['exact', 0, 'x'],
  ['fragments', 0, 'f'],
  ['version', 0, 'V'],
  ['help', 2, 'h'],
  ['line-numbers', 0, '0'],
  ['modprobe', 1, 'M'],
  ['set-counters', 1, 'c'],
  ['goto', 1, 'g'],
  ['ipv4', 0, '4'],
  ['ipv6', 0, '6'],
].map(([name, hasArg, val]) => ({ name: name as string, hasArg: hasArg as 0 | 1 | 2, val: val as string }));

export const SHORT_SPEC = 'A:C:D:R:I:L::S::M:F::Z::N:X::E:P:Vh::o:p:s:d:j:i:fbvw::W::nt:m:xc:g:46';

export const TABLES: readonly NfTableName[] = ['filter', 'nat', 'raw', 'mangle', 'security'];

/** generic_opt_check: an option is legal when any of the given commands allows it. */
export function legalElsewhere(command: number, o: number): boolean {
  for (let i = 0; i < CMD_V_OPT.length; i++) if (command & (1 << i) && CMD_V_OPT[i]?.[o] !== 'x') return true;
  return false;
}
