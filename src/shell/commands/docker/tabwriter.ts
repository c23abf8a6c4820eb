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

/** `minWidth`: 10 for the formatter's tables, 20 for `docker top` (top.go's own tabwriter). */
export function tabwrite(text: string, minWidth = MIN_WIDTH): string {
  const lines = text.split('\n');
  const trailing = lines[lines.length - 1] === '' ? lines.pop() : undefined;
  const cells = lines.map((l) => l.split('\t'));
  const out: string[] = cells.map(() => '');
  // Column blocks: consecutive lines that have a cell in column `col` (each but the last cell is terminated).
  const format = (from: number, to: number, col: number) => {
    let i = from;
    while (i < to) {
      if ((cells[i]?.length ?? 0) - 1 <= col) {
        i++;
        continue;
      }
      let j = i;
      let w = minWidth;
      while (j < to && (cells[j]?.length ?? 0) - 1 > col) {
        w = Math.max(w, width(cells[j]?.[col] ?? '') + PADDING);
        j++;
      }
      for (let k = i; k < j; k++) {
        const cell = cells[k]?.[col] ?? '';
        out[k] += cell + ' '.repeat(w - width(cell));
      }
      format(i, j, col + 1);
      i = j;
    }
  };
  format(0, cells.length, 0);
  const res = cells.map((c, k) => (out[k] as string) + (c[c.length - 1] ?? ''));
  return res.join('\n') + (trailing !== undefined ? '\n' : '');
}
