/**
 * ss's output engine (iproute2 6.1 misc/ss.c: columns[], out()/field_next(), render_calc_width(),
 * render()): every field of every line, the header included, is buffered first; then each column is as
 * wide as its longest field plus its left delimiter (not for the first non-empty column), right-aligned
 * columns are padded on the left, left-aligned ones on the right. Output that is not a terminal is this
 * compact form (render_screen_width() is -1, no spreading to the screen's width).
 */

export type Align = 'left' | 'right';

export interface Column {
  align: Align;
  header: string;
  ldelim: string;
  disabled: boolean;
}

/** The ten columns of ss.c in order: Netid State Recv-Q Send-Q Local:Port Peer:Port Process and the extra one. */
export function ssColumns(): Column[] {
  const c = (align: Align, header: string, ldelim: string): Column => ({
    align,
    header,
    ldelim,
    disabled: false,
  });
  return [
    c('left', 'Netid', ''),
    c('left', 'State', ' '),
    c('left', 'Recv-Q', ' '),
    c('left', 'Send-Q', ' '),
    c('right', 'Local Address:', ' '),
    c('left', 'Port', ''),
    c('right', 'Peer Address:', ' '),
    c('left', 'Port', ''),
    c('left', 'Process', ''),
    c('left', '', ''),
  ];
}

/** Lay out `rows` (one token per column, disabled ones ignored) under the header line when `header`. */
export function render(cols: readonly Column[], rows: readonly string[][], header: boolean): string {
  const lines: string[][] = header ? [cols.map((c, i) => (i === cols.length - 1 ? '' : c.header))] : [];
  lines.push(...rows);
  if (lines.length === 0) return '';
  const maxLen = cols.map((_, i) => Math.max(0, ...lines.map((l) => (l[i] ?? '').length)));
  let first = true;
  const width = cols.map((c, i) => {
    if (c.disabled) return 0;
    const m = maxLen[i] as number;
    const w = !first && m ? m + c.ldelim.length : m;
    if (w) first = false;
    return w;
  });
  let out = '';
  for (const l of lines) {
    let started = false;
    cols.forEach((c, i) => {
      if (c.disabled) return;
      const tok = l[i] ?? '';
      const w = width[i] as number;
      let printed = 0;
      if (started) {
        out += c.ldelim;
        printed = c.ldelim.length;
      }
      started = true;
      if (w && c.align === 'right') {
        const s = w - tok.length - printed;
        if (s > 0) {
          out += ' '.repeat(s);
          printed += s;
        }
      }
      out += tok;
      printed += tok.length;
      if (w && c.align === 'left' && w - printed > 0) out += ' '.repeat(w - printed);
    });
    out += '\n';
  }
  return out;
}
