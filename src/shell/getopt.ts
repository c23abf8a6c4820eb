/**
 * glibc getopt_long, as iptables drives it (xshared.c do_parse) and as ping, conntrack and others parse
 * their options: the option string starts with "-:", so
 * words that are not options come back in order as code 1 (that is how `! -s x` reaches iptables), and a
 * missing argument comes back as ':' instead of a message from getopt. Long options may be abbreviated to
 * any unique prefix. The long option table grows while parsing (each `-m`/`-j`/`-p` merges the extension's
 * options), so it is passed to every call.
 */

export interface LongOpt {
  name: string;
  /** 0 none, 1 required, 2 optional (only as `--opt=value`). */
  hasArg: 0 | 1 | 2;
  /** What the option returns: a short option letter, or any other key the caller recognises. */
  val: string;
}

export type GetoptResult =
  | { kind: 'opt'; val: string; arg: string | null; /** the word as typed, for messages */ text: string }
  | { kind: 'nonopt'; arg: string }
  | { kind: 'missing'; text: string }
  | { kind: 'unknown'; text: string }
  | { kind: 'end' };

export class Getopt {
  /** Index of the next argv word to scan (optind). */
  optind = 1;
  /** Position inside a cluster of short options (-nvL). */
  private nextchar = 0;

  constructor(
    readonly argv: readonly string[],
    /** Short options, getopt syntax without the leading "-:" ("A:L::n..."). */
    private readonly shortSpec: string,
  ) {}

  private shortArg(c: string): 0 | 1 | 2 | null {
    const i = this.shortSpec.indexOf(c);
    if (i < 0 || c === ':') return null;
    if (this.shortSpec[i + 1] !== ':') return 0;
    return this.shortSpec[i + 2] === ':' ? 2 : 1;
  }

  next(longOpts: readonly LongOpt[]): GetoptResult {
    if (this.nextchar === 0) {
      if (this.optind >= this.argv.length) return { kind: 'end' };
      const w = this.argv[this.optind] as string;
      if (w === '--') {
        this.optind++;
        if (this.optind >= this.argv.length) return { kind: 'end' };
        return { kind: 'nonopt', arg: this.argv[this.optind++] as string };
      }
      if (!w.startsWith('-') || w === '-') {
        this.optind++;
        return { kind: 'nonopt', arg: w };
      }
      if (w.startsWith('--')) return this.long(w, longOpts);
      this.nextchar = 1;
    }
    const w = this.argv[this.optind] as string;
    const c = w[this.nextchar] as string;
    this.nextchar++;
    const atEnd = this.nextchar >= w.length;
    const kind = this.shortArg(c);
    if (kind === null) {
      if (atEnd) this.advanceWord();
      return { kind: 'unknown', text: `-${c}` };
    }
    if (kind === 0) {
      if (atEnd) this.advanceWord();
      return { kind: 'opt', val: c, arg: null, text: `-${c}` };
    }
    if (!atEnd) {
      const arg = w.slice(this.nextchar);
      this.advanceWord();
      return { kind: 'opt', val: c, arg, text: `-${c}` };
    }
    this.advanceWord();
    if (kind === 2) return { kind: 'opt', val: c, arg: null, text: `-${c}` };
    if (this.optind >= this.argv.length) return { kind: 'missing', text: `-${c}` };
    return { kind: 'opt', val: c, arg: this.argv[this.optind++] as string, text: `-${c}` };
  }

  private advanceWord(): void {
    this.nextchar = 0;
    this.optind++;
  }

  private long(w: string, longOpts: readonly LongOpt[]): GetoptResult {
    this.optind++;
    const eq = w.indexOf('=');
    const name = w.slice(2, eq < 0 ? undefined : eq);
    const inline = eq < 0 ? null : w.slice(eq + 1);
    let opt = longOpts.find((o) => o.name === name);
    if (!opt) {
      const cands = longOpts.filter((o) => o.name.startsWith(name));
      const distinct = new Set(cands.map((o) => `${o.val}/${o.hasArg}`));
      if (cands.length === 0 || distinct.size > 1 || name === '') return { kind: 'unknown', text: w };
      opt = cands[0];
    }
    if (!opt) return { kind: 'unknown', text: w };
    const text = `--${opt.name}`;
    if (opt.hasArg === 0) {
      if (inline !== null) return { kind: 'unknown', text: w };
      return { kind: 'opt', val: opt.val, arg: null, text };
    }
    if (inline !== null) return { kind: 'opt', val: opt.val, arg: inline, text };
    if (opt.hasArg === 2) return { kind: 'opt', val: opt.val, arg: null, text };
    if (this.optind >= this.argv.length) return { kind: 'missing', text: w };
    return { kind: 'opt', val: opt.val, arg: this.argv[this.optind++] as string, text };
  }

  /** xs_has_arg(): the next word exists and is neither an option nor "!" (optional chain, rule number...). */
  hasArg(): boolean {
    const w = this.argv[this.optind];
    return w !== undefined && !w.startsWith('-') && w !== '!';
  }

  take(): string {
    return this.argv[this.optind++] as string;
  }
}

/** glibc getopt's own message for an option it did not accept (before the program's usage or hint). */
export function getoptMessage(prog: string, r: { kind: 'unknown' | 'missing'; text: string }): string {
  if (r.kind === 'missing') {
    return r.text.startsWith('--')
      ? `${prog}: option '${r.text}' requires an argument\n`
      : `${prog}: option requires an argument -- '${r.text.slice(1)}'\n`;
  }
  return r.text.startsWith('--')
    ? `${prog}: unrecognized option '${r.text}'\n`
    : `${prog}: invalid option -- '${r.text.slice(1)}'\n`;
}
