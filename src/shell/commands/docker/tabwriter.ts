/**
 * text/tabwriter as the docker CLI configures it (cli/command/formatter: minwidth 10, tabwidth 1, padding 3,
 * padchar ' ', no flags): cells are tab-terminated, a column is as wide as its widest cell plus the padding
 * (at least 10), the last cell of a line is not padded. Widths count runes, as the CLI's fork does.
 */
const MIN_WIDTH = 10;
const PADDING = 3;

/** Runes: UTF-16 units unless a surrogate pair is there (most cells are ASCII; spreading each one cost ~1 ms per thousand rows). */
const SURROGATE = /[\uD800-\uDFFF]/;
const width = (s: string) => (SURROGATE.test(s) ? [...s].length : s.length);

/** Runs of spaces, made once per length: a table of a thousand rows pads seven thousand cells. */
const spaces: string[] = [];
const pad = (n: number) => (n < 256 ? (spaces[n] ??= ' '.repeat(n)) : ' '.repeat(n));

/**
 * A tabwriter.Writer: text is written to it in pieces (the formatter writes each row as its template made
 * it), cut into cells as it comes, and aligned at `flush`. Before, the rows were joined into one body, and the
 * body split into lines and then cells: two more copies of a thousand-row table alive through the formatting.
 */
export class TabWriter {
  /** The cells of every line in one flat list: line k's are start[k] to start[k + 1]. */
  private readonly cells: string[] = [];
  private readonly start: number[] = [];
  /** The line being written: its cells are in `cells` from `lineStart`, `partial` is its unterminated text. */
  private lineStart = 0;
  private partial = '';

  constructor(
    private readonly minWidth = MIN_WIDTH,
    private readonly padding = PADDING,
  ) {}

  write(text: string): void {
    let from = 0;
    for (;;) {
      const tab = text.indexOf('\t', from);
      const nl = text.indexOf('\n', from);
      const end = tab < 0 ? nl : nl < 0 ? tab : Math.min(tab, nl);
      if (end < 0) break;
      const piece = text.slice(from, end);
      this.cells.push(this.partial === '' ? piece : this.partial + piece);
      this.partial = '';
      if (end === nl) {
        this.start.push(this.lineStart);
        this.lineStart = this.cells.length;
      }
      from = end + 1;
    }
    if (from < text.length) this.partial += from === 0 ? text : text.slice(from);
  }

  /**
   * The aligned text. A last line without its newline is printed without one; written text that ends with
   * a newline (or none at all) ends with one.
   */
  flush(): string {
    const { cells, minWidth, padding } = this;
    const unterminated = this.partial !== '' || this.lineStart < cells.length;
    if (unterminated) {
      cells.push(this.partial);
      this.start.push(this.lineStart);
    }
    const n = this.start.length;
    const start = this.start;
    start.push(cells.length);
    const widths = new Int32Array(cells.length);
    for (let i = 0; i < cells.length; i++) widths[i] = width(cells[i] as string);
    /** Line k's terminated cells: all but its last. */
    const terminated = (k: number) => (start[k + 1] as number) - (start[k] as number) - 1;
    // Each terminated cell's column width, filled in by column blocks: consecutive lines that have a terminated
    // cell in column `col`.
    const colWidth = new Int32Array(cells.length);
    const format = (from: number, to: number, col: number) => {
      let i = from;
      while (i < to) {
        if (terminated(i) <= col) {
          i++;
          continue;
        }
        let j = i;
        let w = minWidth;
        while (j < to && terminated(j) > col) {
          w = Math.max(w, (widths[(start[j] as number) + col] as number) + padding);
          j++;
        }
        for (let k = i; k < j; k++) colWidth[(start[k] as number) + col] = w;
        format(i, j, col + 1);
        i = j;
      }
    };
    format(0, n, 0);
    let out = '';
    for (let k = 0; k < n; k++) {
      if (k > 0) out += '\n';
      const last = (start[k + 1] as number) - 1;
      for (let c = start[k] as number; c < last; c++)
        out += (cells[c] as string) + pad((colWidth[c] as number) - (widths[c] as number));
      out += cells[last] as string;
    }
    this.cells.length = 0;
    this.start.length = 0;
    this.lineStart = 0;
    this.partial = '';
    return unterminated ? out : out + '\n';
  }
}

/** `minWidth`: 10 for the formatter's tables, 20 for `docker top` (top.go's own tabwriter) and `docker
 * version` (padding 1 there, version.go prettyPrintVersion). */
export function tabwrite(text: string, minWidth = MIN_WIDTH, padding = PADDING): string {
  const w = new TabWriter(minWidth, padding);
  w.write(text);
  return w.flush();
}
