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

/** `minWidth`: 10 for the formatter's tables, 20 for `docker top` (top.go's own tabwriter) and `docker
 * version` (padding 1 there, version.go prettyPrintVersion). */
export function tabwrite(text: string, minWidth = MIN_WIDTH, padding = PADDING): string {
  const lines = text.split('\n');
  const trailing = lines[lines.length - 1] === '' ? lines.pop() : undefined;
  const n = lines.length;
  // The cells of every line in one flat list (line k's are start[k] to start[k + 1]), their widths and their
  // columns' widths in typed arrays: a table of a thousand rows buffered as an array per line (and two more for
  // the widths) was thousands of small objects alive through the formatting, for the garbage collector to copy.
  const cells: string[] = [];
  const start = new Int32Array(n + 1);
  for (let k = 0; k < n; k++) {
    start[k] = cells.length;
    const l = lines[k] as string;
    let from = 0;
    for (let tab = l.indexOf('\t'); tab >= 0; tab = l.indexOf('\t', from)) {
      cells.push(l.slice(from, tab));
      from = tab + 1;
    }
    cells.push(from === 0 ? l : l.slice(from));
  }
  start[n] = cells.length;
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
  return trailing !== undefined ? out + '\n' : out;
}
