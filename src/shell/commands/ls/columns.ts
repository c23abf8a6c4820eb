/**
 * Names laid out in columns.
 *
 * GNU (ls.c calculate_columns, print_many_per_line, print_horizontal, indent): tries every column count up
 * to width / 3, each column as wide as its longest name plus 2 (the last column without), keeps the most
 * columns whose line fits, and pads with tabs where a tab stop (every 8) lands before the next column, then
 * spaces. BusyBox (ls.c display_files): one column width for all (longest name + 2, + 8 with -i), as many
 * columns as fit in the width, padding with spaces.
 */

export interface Cell {
  /** What is printed (may hold colour escapes). */
  text: string;
  /** Its width on the screen. */
  len: number;
  /** The name's own width (BusyBox sizes columns by names only, calc_name_len). */
  nameLen?: number;
}

const MIN_COLUMN_WIDTH = 3;
const TABSIZE = 8;

/** ls.c indent(): from column `from` to `to` with tabs where they fit, then spaces. */
function indent(from: number, to: number): string {
  let s = '';
  while (from < to) {
    if (Math.floor(to / TABSIZE) > Math.floor((from + 1) / TABSIZE)) {
      s += '\t';
      from += TABSIZE - (from % TABSIZE);
    } else {
      s += ' ';
      from++;
    }
  }
  return s;
}

/** The column count and each column's width (calculate_columns). */
function fit(cells: readonly Cell[], width: number, byColumns: boolean): { cols: number; widths: number[] } {
  const n = cells.length;
  const maxIdx = width === 0 ? n : Math.max(1, Math.floor(width / MIN_COLUMN_WIDTH));
  const maxCols = maxIdx > 0 && maxIdx < n ? maxIdx : n;
  const info = Array.from({ length: maxCols }, (_, i) => ({
    valid: true,
    lineLen: (i + 1) * MIN_COLUMN_WIDTH,
    widths: new Array<number>(i + 1).fill(MIN_COLUMN_WIDTH),
  }));
  cells.forEach((c, f) => {
    for (let i = 0; i < maxCols; i++) {
      const ci = info[i];
      if (!ci?.valid) continue;
      const idx = byColumns ? Math.floor(f / Math.floor((n + i) / (i + 1))) : f % (i + 1);
      const real = c.len + (idx === i ? 0 : 2);
      const cur = ci.widths[idx] ?? 0;
      if (cur < real) {
        ci.lineLen += real - cur;
        ci.widths[idx] = real;
        ci.valid = width === 0 || ci.lineLen < width;
      }
    }
  });
  let cols = maxCols;
  while (cols > 1 && !info[cols - 1]?.valid) cols--;
  return { cols, widths: info[Math.max(cols, 1) - 1]?.widths ?? [] };
}

/** -C (default at a terminal): down the columns. */
export function gnuColumns(cells: readonly Cell[], width: number): string {
  if (cells.length === 0) return '';
  const { cols, widths } = fit(cells, width, true);
  const rows = Math.ceil(cells.length / cols);
  let out = '';
  for (let row = 0; row < rows; row++) {
    let pos = 0;
    for (let col = 0, f = row; f < cells.length; col++, f += rows) {
      const c = cells[f] as Cell;
      out += c.text;
      if (f + rows >= cells.length) break;
      const w = widths[col] ?? 0;
      out += indent(pos + c.len, pos + w);
      pos += w;
    }
    out += '\n';
  }
  return out;
}

/** -x: across the rows. */
export function gnuAcross(cells: readonly Cell[], width: number): string {
  if (cells.length === 0) return '';
  const { cols, widths } = fit(cells, width, false);
  let out = '';
  let pos = 0;
  cells.forEach((c, f) => {
    const col = f % cols;
    if (f > 0) {
      if (col === 0) {
        out += '\n';
        pos = 0;
      } else {
        const prev = cells[f - 1] as Cell;
        const w = widths[col - 1] ?? 0;
        out += indent(pos + prev.len, pos + w);
        pos += w;
      }
    }
    out += c.text;
  });
  return `${out}\n`;
}

/** BusyBox display_files for -C/-x; `extra` is the -i column's 8. */
export function busyboxColumns(
  cells: readonly Cell[],
  width: number,
  across: boolean,
  extra: number,
): string {
  const n = cells.length;
  if (n === 0) return '';
  const colWidth = Math.max(...cells.map((c) => c.nameLen ?? c.len)) + 2 + extra;
  // Columns past the last name print nothing (and a huge -w would make the loop below endless).
  let ncols = Math.min(Math.floor(width / colWidth), n);
  let nrows = n;
  if (ncols > 1) nrows = Math.ceil(n / ncols);
  else ncols = 1;
  let out = '';
  for (let row = 0; row < nrows; row++) {
    let column = 0;
    let nexttab = 0;
    for (let nc = 0; nc < ncols; nc++) {
      const i = across ? row * ncols + nc : nc * nrows + row;
      const c = cells[i];
      if (c === undefined) continue;
      if (column > 0) {
        out += ' '.repeat(Math.max(0, nexttab - column));
        column = nexttab;
      }
      nexttab = column + colWidth;
      out += c.text;
      column += c.len;
    }
    out += '\n';
  }
  return out;
}
