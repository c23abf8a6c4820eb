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
  const cells = lines.map((l) => l.split('\t'));
  // Each cell's width once; each terminated cell's column width, filled in by the column blocks below.
  const widths = cells.map((c) => c.map(width));
  const colWidth = cells.map((c) => new Array<number>(c.length - 1).fill(0));
  // Column blocks: consecutive lines that have a cell in column `col` (each but the last cell is terminated).
  const format = (from: number, to: number, col: number) => {
    let i = from;
    while (i < to) {
      if ((cells[i] as string[]).length - 1 <= col) {
        i++;
        continue;
      }
      let j = i;
      let w = minWidth;
      while (j < to && (cells[j] as string[]).length - 1 > col) {
        w = Math.max(w, ((widths[j] as number[])[col] as number) + padding);
        j++;
      }
      for (let k = i; k < j; k++) (colWidth[k] as number[])[col] = w;
      format(i, j, col + 1);
      i = j;
    }
  };
  format(0, cells.length, 0);
  let out = '';
  for (let k = 0; k < cells.length; k++) {
    const c = cells[k] as string[];
    const ws = widths[k] as number[];
    const cw = colWidth[k] as number[];
    if (k > 0) out += '\n';
    for (let col = 0; col < c.length - 1; col++)
      out += (c[col] as string) + pad((cw[col] as number) - (ws[col] as number));
    out += c[c.length - 1] as string;
  }
  return trailing !== undefined ? out + '\n' : out;
}
