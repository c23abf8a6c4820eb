/**
 * What cat writes for the bytes it read, with its display options: GNU coreutils 9.1 src/cat.c (cat()'s
 * line numbering "%6d\t", -s, -E, -T, -v) and BusyBox 1.35 coreutils/cat.c + libbb catv (-n/-b number
 * whole lines "%6u\t" and end the last one; with -v/-e/-t/-A they are catv's "%6u  " prefixes instead).
 * The state carries over from one file to the next, as both keep it across their arguments.
 */

export interface CatOpts {
  number: boolean;
  numberNonblank: boolean;
  squeeze: boolean;
  showEnds: boolean;
  showTabs: boolean;
  showNonprinting: boolean;
}

export interface CatState {
  line: number;
  /** At the start of a line (nothing of it written yet). */
  atStart: boolean;
  /** Empty lines just written in a row (for -s). */
  blanks: number;
}

export const newCatState = (): CatState => ({ line: 0, atStart: true, blanks: 0 });

/** -v's notation for one byte other than newline (and tab unless -T): ^X, ^?, M-... */
function visible(b: number, showTabs: boolean): string {
  if (b === 9) return showTabs ? '^I' : '\t';
  let s = '';
  if (b >= 128) {
    s = 'M-';
    b -= 128;
  }
  if (b < 32) return `${s}^${String.fromCharCode(b + 64)}`;
  if (b === 127) return `${s}^?`;
  return s + String.fromCharCode(b);
}

const decoder = new TextDecoder();

/** One file's bytes as GNU cat writes them. */
export function renderGnu(bytes: Uint8Array, o: CatOpts, st: CatState): string {
  const plain =
    !o.number && !o.numberNonblank && !o.squeeze && !o.showEnds && !o.showTabs && !o.showNonprinting;
  if (plain) return decoder.decode(bytes);
  let out = '';
  let raw: number[] = [];
  const flush = () => {
    if (raw.length > 0) out += decoder.decode(Uint8Array.from(raw));
    raw = [];
  };
  for (const b of bytes) {
    if (b === 10) {
      if (st.atStart) {
        st.blanks++;
        if (o.squeeze && st.blanks > 1) continue;
        if (o.number && !o.numberNonblank) out += `${String(++st.line).padStart(6)}\t`;
      }
      flush();
      out += o.showEnds ? '$\n' : '\n';
      st.atStart = true;
      continue;
    }
    if (st.atStart) {
      if (o.number || o.numberNonblank) out += `${String(++st.line).padStart(6)}\t`;
      st.atStart = false;
      st.blanks = 0;
    }
    if (o.showNonprinting || (o.showTabs && b === 9)) {
      flush();
      out += o.showNonprinting ? visible(b, o.showTabs) : '^I';
    } else raw.push(b);
  }
  flush();
  return out;
}

/** One file's bytes as BusyBox cat writes them. */
export function renderBusybox(bytes: Uint8Array, o: CatOpts, st: CatState): string {
  const numbering = o.number || o.numberNonblank;
  if (!o.showNonprinting) {
    if (!numbering) return decoder.decode(bytes);
    // print_numbered_lines(): whole lines, each ended, blank ones unnumbered under -b.
    const text = decoder.decode(bytes);
    const lines = text.split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    return lines
      .map((l) => (o.numberNonblank && l === '' ? '\n' : `${String(++st.line).padStart(6)}\t${l}\n`))
      .join('');
  }
  // catv(): -v notation, "$" before newlines with -e, "^I" with -t, "%6u  " numbers.
  let out = '';
  for (const b of bytes) {
    if (st.atStart && numbering && !(o.numberNonblank && b === 10))
      out += `${String(++st.line).padStart(6)}  `;
    st.atStart = b === 10;
    if (b === 10) out += o.showEnds ? '$\n' : '\n';
    else out += visible(b, o.showTabs);
  }
  return out;
}
