/**
 * iproute2's output layer: lib/json_writer.c (the JSON stream, compact or `-p` pretty) and lib/json_print.c
 * (print_string/print_int/... that write either to the text stream with a printf format, or to the JSON
 * stream under a key). Formatters call it the way iproute2 calls print_*(), so text and JSON come out of
 * one code path with iproute2's key order and spacing.
 */
import { cfmt, cfmtEach } from './cfmt';

/** enum output_type: PRINT_FP text only, PRINT_JSON JSON only, PRINT_ANY both. */
export type PrintType = 'fp' | 'json' | 'any';

type Value = string | number | boolean | null;

/** json_writer_t: separators, nesting depth and pretty indentation exactly as json_writer.c emits them. */
class JsonWriter {
  private depth = 0;
  private sep = '';
  out = '';
  constructor(private readonly pretty: boolean) {}

  private eol(): void {
    if (!this.pretty) return;
    this.out += '\n' + '    '.repeat(this.depth);
  }
  private eor(): void {
    if (this.sep !== '') this.out += this.sep;
    this.sep = ',';
  }
  private begin(c: string): void {
    this.eor();
    this.out += c;
    this.depth++;
    this.sep = '';
  }
  private end(c: string): void {
    this.depth--;
    if (this.sep !== '') this.eol();
    this.out += c;
    this.sep = ',';
  }
  name(key: string): void {
    this.eor();
    this.eol();
    this.sep = '';
    this.out += quote(key) + ':';
    if (this.pretty) this.out += ' ';
  }
  /** jsonw_printf / jsonw_string: a bare value (an array element, or after name()). */
  raw(text: string): void {
    this.eor();
    this.out += text;
  }
  startObject(): void {
    this.begin('{');
  }
  endObject(): void {
    this.end('}');
  }
  startArray(): void {
    this.begin('[');
    if (this.pretty) this.out += ' ';
  }
  endArray(): void {
    if (this.pretty && this.sep !== '') this.out += ' ';
    this.sep = '';
    this.end(']');
  }
}

/** jsonw_puts(): C escapes only, no Unicode escaping. */
function quote(s: string): string {
  let r = '"';
  for (const ch of s) {
    if (ch === '\t') r += '\\t';
    else if (ch === '\n') r += '\\n';
    else if (ch === '\r') r += '\\r';
    else if (ch === '\f') r += '\\f';
    else if (ch === '\b') r += '\\b';
    else if (ch === '\\') r += '\\\\';
    else if (ch === '"') r += '\\"';
    else r += ch;
  }
  return r + '"';
}

function jsonValue(v: Value): string {
  if (v === null) return 'null';
  if (typeof v === 'string') return quote(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return String(v);
}

export interface PrinterOptions {
  json: boolean;
  pretty: boolean;
  /** -oneline: _SL_ becomes a backslash instead of a newline. */
  oneline: boolean;
  /** -color that check_enable_color() turned on (never with -json). */
  color?: boolean;
}

/** lib/color.c enum color_attr, for print_color_string(). */
export type ColorAttr = 'ifname' | 'mac' | 'inet' | 'inet6' | 'up' | 'down' | null;

/** attr_colors_light[]: the palette for a light (or unknown) background; COLOR_NONE prints plain. */
const LIGHT: Record<Exclude<ColorAttr, null>, string> = {
  ifname: '\x1b[36m',
  mac: '\x1b[33m',
  inet: '\x1b[35m',
  inet6: '\x1b[34m',
  up: '\x1b[32m',
  down: '\x1b[31m',
};
const C_CLEAR = '\x1b[0m';

/** ifa_family_color(). */
export function familyColor(family: string): ColorAttr {
  return family === 'inet' ? 'inet' : family === 'inet6' ? 'inet6' : null;
}

/** Text is gathered in flat blocks of about this many characters (stdio's BUFSIZ). */
const BLOCK = 4096;

export class Printer {
  /**
   * The text printed so far: finished blocks, then the current one. The current block grows by concatenation
   * and is flattened once when it reaches BLOCK characters: V8 keeps a concatenation as a tree of its pieces,
   * and the blocks must be flat strings before anything keeps them (the scrollback, the line's output), or the
   * garbage collector copies hundreds of pieces per block. Joining an array of the pieces cost twice as much
   * (`ip a` at a thousand containers prints 310 KB in ~50,000 pieces).
   */
  private blocks: string[] = [];
  private cur = '';
  private jw: JsonWriter | null = null;
  /** _SL_ */
  readonly sl: string;

  constructor(private readonly opts: PrinterOptions) {
    this.sl = opts.oneline ? '\\' : '\n';
  }

  get isJson(): boolean {
    return this.jw !== null;
  }

  private jsonCtx(t: PrintType): boolean {
    return this.jw !== null && (t === 'json' || t === 'any');
  }
  private fpCtx(t: PrintType): boolean {
    return this.jw === null && (t === 'fp' || t === 'any');
  }

  /** new_json_obj(json): start the JSON stream with its outer array when -j was given. */
  newJsonObj(array = true): void {
    if (!this.opts.json) return;
    this.jw = new JsonWriter(this.opts.pretty);
    if (array) this.jw.startArray();
  }

  /** delete_json_obj(): close the outer array and end the stream with a newline. */
  deleteJsonObj(array = true): void {
    if (!this.jw) return;
    if (array) this.jw.endArray();
    this.put(this.jw.out + '\n');
    this.jw = null;
  }

  openObject(key: string | null = null): void {
    if (!this.jw) return;
    if (key !== null) this.jw.name(key);
    this.jw.startObject();
  }

  closeObject(): void {
    this.jw?.endObject();
  }

  /** open_json_array(type, str): a JSON array under `str`, or `str` printed as text. */
  openArray(t: PrintType, str: string | null): void {
    if (this.jsonCtx(t)) {
      if (str !== null) this.jw!.name(str);
      this.jw!.startArray();
    } else if (this.fpCtx(t)) this.put(str ?? '');
  }

  closeArray(t: PrintType, str: string | null): void {
    if (this.jsonCtx(t)) this.jw!.endArray();
    else if (this.fpCtx(t)) this.put(str ?? '');
  }

  private field(key: string | null, v: Value): void {
    if (key !== null) this.jw!.name(key);
    this.jw!.raw(jsonValue(v));
  }

  /**
   * print_color_string(): in text, color_fprintf() wraps the formatted field (its padding and trailing
   * space included) in the attribute's colour and C_CLEAR, when colour is on and the attribute has one.
   */
  colorString(t: PrintType, attr: ColorAttr, key: string | null, fmt: string, value: string): void {
    if (attr !== null && this.opts.color && !this.jw && this.fpCtx(t)) {
      this.put(LIGHT[attr]);
      this.putf(fmt, value);
      this.put(C_CLEAR);
    } else this.string(t, key, fmt, value);
  }

  /** print_string(): a key with no value only names the next JSON member. */
  string(t: PrintType, key: string | null, fmt: string | null, value: string | null): void {
    if (this.jsonCtx(t)) {
      if (key !== null && value === null) this.jw!.name(key);
      else this.field(key, value);
    } else if (this.fpCtx(t) && fmt !== null) this.putf(fmt, value ?? '');
  }

  /** print_int / print_uint / print_u64 / print_lluint: numbers, printf-formatted in text. */
  num(t: PrintType, key: string | null, fmt: string | null, value: number): void {
    if (this.jsonCtx(t)) this.field(key, value);
    else if (this.fpCtx(t) && fmt !== null) this.putf(fmt, value);
  }

  /** print_bool(): text gets "true"/"false" through the format (most formats ignore it). */
  bool(t: PrintType, key: string | null, fmt: string | null, value: boolean): void {
    if (this.jsonCtx(t)) this.field(key, value);
    else if (this.fpCtx(t) && fmt !== null) this.putf(fmt, value ? 'true' : 'false');
  }

  /** print_on_off(): JSON bool, text "on"/"off". */
  onOff(t: PrintType, key: string | null, fmt: string, value: boolean): void {
    if (this.jsonCtx(t)) this.field(key, value);
    else if (this.fpCtx(t)) this.putf(fmt, value ? 'on' : 'off');
  }

  /** print_null(): JSON null, text through the format. */
  null(t: PrintType, key: string | null, fmt: string, value: string): void {
    if (this.jsonCtx(t)) this.field(key, null);
    else if (this.fpCtx(t)) this.putf(fmt, value);
  }

  /** print_0xhex(): JSON gets the string "%#llx", text the format. */
  hex0x(t: PrintType, key: string, fmt: string, value: number): void {
    if (this.jsonCtx(t)) this.field(key, cfmt('%#x', value));
    else if (this.fpCtx(t)) this.putf(fmt, value);
  }

  /** print_hex(): JSON gets "%x" as a string. */
  hex(t: PrintType, key: string | null, fmt: string, value: number): void {
    if (this.jsonCtx(t)) this.field(key, cfmt('%x', value));
    else if (this.fpCtx(t)) this.putf(fmt, value);
  }

  /** A JSON member written with jsonw_name + jsonw_printf (bridge timers: a bare number like 0.00). */
  jsonRaw(key: string, text: string): void {
    if (!this.jw) return;
    this.jw.name(key);
    this.jw.raw(text);
  }

  /** print_nl(): the line separator, text mode only. */
  nl(): void {
    if (!this.jw) this.put(this.sl);
  }

  /** fprintf(stdout, ...) that iproute2 does directly, in text mode only. */
  fp(text: string): void {
    if (!this.jw) this.put(text);
  }

  /** Everything printed so far; the buffer is emptied. */
  take(): string {
    this.seal();
    const t = this.blocks.length === 1 ? (this.blocks[0] as string) : this.blocks.join('');
    this.blocks = [];
    return t;
  }

  /**
   * Write what was printed to `io` in the blocks it was gathered in, as stdio flushes its buffer, and empty it.
   * Not one string: one over ~128 KB (ip a at a thousand containers is 310 KB) goes to V8's large-object space,
   * fresh pages from the OS each time, and cost more than the printing (~2 ms).
   */
  flush(io: { out(text: string): void }): void {
    this.seal();
    for (const b of this.blocks) io.out(b);
    this.blocks = [];
  }

  /** printf into the text: its pieces are concatenated to the block as they are, not joined first. */
  private putf(fmt: string, value: string | number): void {
    cfmtEach(fmt, value, this.putPiece);
  }
  private readonly putPiece = (s: string): void => this.put(s);

  private put(s: string): void {
    this.cur += s;
    if (this.cur.length >= BLOCK) this.seal();
  }

  private seal(): void {
    if (this.cur === '') return;
    // Reading one character flattens the concatenation in place (V8's String::Flatten), once, here.
    this.cur.charCodeAt(0);
    this.blocks.push(this.cur);
    this.cur = '';
  }
}
