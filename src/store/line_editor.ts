/**
 * Readline-like line editing as pure functions over a small state: the terminal widget turns key presses
 * into `EditorKey`s and writes back the bytes `editorKey` returns. History (Up/Down), cursor movement,
 * Ctrl-A/E/U/K/W/L/C, and completion through a callback. No DOM, no React.
 */
import { CONTROL_CHARS } from '../lib';

export interface EditorState {
  /** The line being edited. */
  buffer: string;
  /** Cursor position in `buffer` (UTF-16 index; prompts and commands are ASCII in practice). */
  cursor: number;
  /** Older lines, oldest first. */
  history: readonly string[];
  /** Index into history while browsing (history.length = the line being edited). */
  histIndex: number;
  /** The edited line saved while browsing history. */
  saved: string;
}

export type EditorKey =
  | { kind: 'char'; text: string }
  | { kind: 'enter' }
  | { kind: 'backspace' }
  | { kind: 'delete' }
  | { kind: 'left' }
  | { kind: 'right' }
  | { kind: 'home' }
  | { kind: 'end' }
  | { kind: 'up' }
  | { kind: 'down' }
  | { kind: 'ctrl'; key: 'a' | 'e' | 'u' | 'k' | 'w' | 'l' | 'c' | 'd' }
  | { kind: 'tab' };

export type EditorAction =
  | { kind: 'none' }
  | { kind: 'submit'; line: string }
  | { kind: 'interrupt' }
  | { kind: 'clear' }
  | { kind: 'complete' }
  | { kind: 'eof' };

export interface EditorResult {
  state: EditorState;
  /** Bytes to write to the terminal to show the edit (ANSI cursor movements). */
  echo: string;
  action: EditorAction;
}

export function newEditor(history: readonly string[] = []): EditorState {
  return { buffer: '', cursor: 0, history, histIndex: history.length, saved: '' };
}

const NONE: EditorAction = { kind: 'none' };

/** Redraw from the cursor: rewrite the tail, clear to end of line, move back. */
function redrawTail(state: EditorState, from: number): string {
  const tail = state.buffer.slice(from);
  const back = tail.length - (state.cursor - from);
  return `${tail}\x1b[K${back > 0 ? `\x1b[${back}D` : ''}`;
}

/** Replace the whole buffer (history recall): move to its start, rewrite, clear the rest. */
function replaceBuffer(prev: EditorState, next: EditorState): string {
  const left = prev.cursor > 0 ? `\x1b[${prev.cursor}D` : '';
  return `${left}${next.buffer}\x1b[K`;
}

export function editorKey(s: EditorState, key: EditorKey): EditorResult {
  switch (key.kind) {
    case 'char': {
      const text = key.text.replace(/[\r\n]/g, '');
      const buffer = s.buffer.slice(0, s.cursor) + text + s.buffer.slice(s.cursor);
      const next = { ...s, buffer, cursor: s.cursor + text.length };
      return { state: next, echo: redrawTail(next, s.cursor), action: NONE };
    }
    case 'enter': {
      const line = s.buffer;
      const history =
        line.trim() !== '' && s.history[s.history.length - 1] !== line ? [...s.history, line] : s.history;
      return { state: newEditor(history), echo: '\r\n', action: { kind: 'submit', line } };
    }
    case 'backspace': {
      if (s.cursor === 0) return { state: s, echo: '', action: NONE };
      const buffer = s.buffer.slice(0, s.cursor - 1) + s.buffer.slice(s.cursor);
      const next = { ...s, buffer, cursor: s.cursor - 1 };
      return { state: next, echo: `\b${redrawTail(next, next.cursor)}`, action: NONE };
    }
    case 'delete': {
      if (s.cursor >= s.buffer.length) return { state: s, echo: '', action: NONE };
      const buffer = s.buffer.slice(0, s.cursor) + s.buffer.slice(s.cursor + 1);
      const next = { ...s, buffer };
      return { state: next, echo: redrawTail(next, s.cursor), action: NONE };
    }
    case 'left':
      return s.cursor > 0
        ? { state: { ...s, cursor: s.cursor - 1 }, echo: '\x1b[D', action: NONE }
        : { state: s, echo: '', action: NONE };
    case 'right':
      return s.cursor < s.buffer.length
        ? { state: { ...s, cursor: s.cursor + 1 }, echo: '\x1b[C', action: NONE }
        : { state: s, echo: '', action: NONE };
    case 'home':
      return editorKey(s, { kind: 'ctrl', key: 'a' });
    case 'end':
      return editorKey(s, { kind: 'ctrl', key: 'e' });
    case 'up': {
      if (s.histIndex === 0) return { state: s, echo: '', action: NONE };
      const saved = s.histIndex === s.history.length ? s.buffer : s.saved;
      const buffer = s.history[s.histIndex - 1] ?? '';
      const next = { ...s, buffer, cursor: buffer.length, histIndex: s.histIndex - 1, saved };
      return { state: next, echo: replaceBuffer(s, next), action: NONE };
    }
    case 'down': {
      if (s.histIndex >= s.history.length) return { state: s, echo: '', action: NONE };
      const i = s.histIndex + 1;
      const buffer = i === s.history.length ? s.saved : (s.history[i] ?? '');
      const next = { ...s, buffer, cursor: buffer.length, histIndex: i };
      return { state: next, echo: replaceBuffer(s, next), action: NONE };
    }
    case 'tab':
      return { state: s, echo: '', action: { kind: 'complete' } };
    case 'ctrl':
      switch (key.key) {
        case 'a':
          return { state: { ...s, cursor: 0 }, echo: s.cursor > 0 ? `\x1b[${s.cursor}D` : '', action: NONE };
        case 'e': {
          const n = s.buffer.length - s.cursor;
          return { state: { ...s, cursor: s.buffer.length }, echo: n > 0 ? `\x1b[${n}C` : '', action: NONE };
        }
        case 'u': {
          const next = { ...s, buffer: s.buffer.slice(s.cursor), cursor: 0 };
          return {
            state: next,
            echo: `${s.cursor > 0 ? `\x1b[${s.cursor}D` : ''}${redrawTail(next, 0)}`,
            action: NONE,
          };
        }
        case 'k': {
          const next = { ...s, buffer: s.buffer.slice(0, s.cursor) };
          return { state: next, echo: '\x1b[K', action: NONE };
        }
        case 'w': {
          const head = s.buffer.slice(0, s.cursor);
          const cut = head.replace(/\S+\s*$/, '');
          const n = head.length - cut.length;
          const next = { ...s, buffer: cut + s.buffer.slice(s.cursor), cursor: cut.length };
          return {
            state: next,
            echo: `${n > 0 ? `\x1b[${n}D` : ''}${redrawTail(next, next.cursor)}`,
            action: NONE,
          };
        }
        case 'l':
          return { state: s, echo: '', action: { kind: 'clear' } };
        case 'c':
          return { state: newEditor(s.history), echo: '^C\r\n', action: { kind: 'interrupt' } };
        case 'd':
          return s.buffer === ''
            ? { state: s, echo: '', action: { kind: 'eof' } }
            : editorKey(s, { kind: 'delete' });
      }
  }
}

/** Apply a completion: replace the word before the cursor with `word`, or list `choices`. */
export function applyCompletion(s: EditorState, replacement: string, start: number): EditorResult {
  const buffer = s.buffer.slice(0, start) + replacement + s.buffer.slice(s.cursor);
  const next = { ...s, buffer, cursor: start + replacement.length };
  const back = s.cursor - start;
  return { state: next, echo: `${back > 0 ? `\x1b[${back}D` : ''}${redrawTail(next, start)}`, action: NONE };
}

/** Parse an xterm `onData` chunk into keys (escape sequences for arrows, control bytes, printable text). */
export function parseTerminalInput(data: string): EditorKey[] {
  const keys: EditorKey[] = [];
  let text = '';
  const flush = () => {
    if (text) keys.push({ kind: 'char', text });
    text = '';
  };
  for (let i = 0; i < data.length; i++) {
    const c = data[i] as string;
    const code = c.charCodeAt(0);
    if (c === '\x1b') {
      flush();
      const seq = data.slice(i, i + 4);
      const map: [string, EditorKey][] = [
        ['\x1b[A', { kind: 'up' }],
        ['\x1b[B', { kind: 'down' }],
        ['\x1b[C', { kind: 'right' }],
        ['\x1b[D', { kind: 'left' }],
        ['\x1b[H', { kind: 'home' }],
        ['\x1b[F', { kind: 'end' }],
        ['\x1bOH', { kind: 'home' }],
        ['\x1bOF', { kind: 'end' }],
        ['\x1b[3~', { kind: 'delete' }],
      ];
      const hit = map.find(([p]) => seq.startsWith(p));
      if (hit) {
        keys.push(hit[1]);
        i += hit[0].length - 1;
      }
      continue;
    }
    if (c === '\r' || c === '\n') {
      flush();
      keys.push({ kind: 'enter' });
      if (c === '\r' && data[i + 1] === '\n') i++;
      continue;
    }
    if (code === 127 || code === 8) {
      flush();
      keys.push({ kind: 'backspace' });
      continue;
    }
    if (c === '\t') {
      flush();
      keys.push({ kind: 'tab' });
      continue;
    }
    if (code < 32) {
      flush();
      const letter = String.fromCharCode(code + 96);
      if ('aeukwlcd'.includes(letter)) keys.push({ kind: 'ctrl', key: letter as 'a' });
      continue;
    }
    // C1 controls (0x9b is CSI: echoing it would let a paste drive the terminal) and the bidirectional
    // overrides are not typed characters: the set a line run from a link loses too.
    if (CONTROL_CHARS.test(c)) continue;
    text += c;
  }
  flush();
  return keys;
}
