/**
 * The terminals' line discipline: each terminal's line editor, the keys waiting while a line runs (type-ahead
 * and the rest of a pasted script), Tab completion, Ctrl-C for the running line, and the paste limit. It turns
 * keys into submitted lines; running them is the store's (app_store.ts).
 */
import type { Completion } from '../sim';
import { tab } from './completion';
import { editorKey, newEditor, parseTerminalInput, type EditorKey, type EditorState } from './line_editor';
import type { TerminalChannel } from './terminal_channel';
import { PASTE_MAX_CHARS } from './app_types';

export interface TermLocal {
  editor: EditorState;
  /** Keys waiting while a line runs (type-ahead and the rest of a pasted script). */
  queue: EditorKey[];
  tabArmed: boolean;
  cols: number;
}

export interface KeyDeps {
  /** The terminal whose line runs, or null. */
  running(): string | null;
  channel(id: string): TerminalChannel;
  /** The terminal's prompt, written to its channel. */
  prompt(id: string): void;
  /** The prompt's text (Tab's listing reprints it), or null when the terminal is gone. */
  promptText(id: string): string | null;
  complete(id: string, buffer: string, cursor: number): Completion | null;
  /** Ctrl-C for the running line: true when it was not interrupted yet. */
  interrupt(id: string): boolean;
  /** Run a submitted line; resolves when it has finished. */
  submit(id: string, line: string): Promise<void>;
}

export class TerminalKeys {
  private readonly local = new Map<string, TermLocal>();
  constructor(private readonly d: KeyDeps) {}

  term(id: string): TermLocal {
    let t = this.local.get(id);
    if (!t) {
      t = { editor: newEditor(), queue: [], tabArmed: false, cols: 80 };
      this.local.set(id, t);
    }
    return t;
  }

  forget(id: string): void {
    this.local.delete(id);
  }

  clear(): void {
    this.local.clear();
  }

  /** Each terminal's line history (a scenario keeps them). */
  histories(): Map<string, readonly string[]> {
    return new Map([...this.local].map(([id, t]) => [id, t.editor.history]));
  }

  /** Keys typed or pasted into terminal `id`. */
  input(id: string, data: string): void {
    const t = this.term(id);
    const ch = this.d.channel(id);
    if (this.d.running() === id && data.includes('\x03')) {
      // The tty echoes ^C (ECHOCTL) the instant the key is pressed; the program's own reaction follows
      // (ping's newline and statistics, or the shell's newline for a program SIGINT killed).
      if (this.d.interrupt(id)) ch.write('^C');
      t.queue = [];
      return;
    }
    if (data.length > PASTE_MAX_CHARS) {
      // A 10 MB paste is a mistake: echoing and queueing it would freeze the tab. Nothing of it is typed;
      // what was on the line stays there.
      ch.write(
        `\r\nplayground: paste too large (${data.length} characters; at most ${PASTE_MAX_CHARS}), nothing was typed\r\n`,
      );
      if (this.d.running() !== id) {
        this.d.prompt(id);
        ch.write(t.editor.buffer);
        const back = t.editor.buffer.length - t.editor.cursor;
        if (back > 0) ch.write(`\x1b[${back}D`);
      }
      return;
    }
    for (const key of parseTerminalInput(data)) t.queue.push(key);
    this.pump(id);
  }

  /** A whole line typed at once (lessons, the embed API): whatever was half-typed is replaced by it. */
  typed(id: string, line: string): void {
    const t = this.term(id);
    const ch = this.d.channel(id);
    if (t.editor.buffer) ch.write(`\x1b[${t.editor.cursor}D\x1b[K`.replace('\x1b[0D', ''));
    ch.write(line + '\r\n');
    const h = t.editor.history;
    t.editor = newEditor(line.trim() && h[h.length - 1] !== line ? [...h, line] : h);
  }

  /** Feed queued keys to the line editor until a line is submitted (which runs, then pumps again). */
  pump(id: string): void {
    const t = this.term(id);
    const ch = this.d.channel(id);
    while (t.queue.length > 0 && this.d.running() === null) {
      const key = t.queue.shift() as EditorKey;
      if (key.kind === 'tab') {
        const promptText = this.d.promptText(id);
        const c = this.d.complete(id, t.editor.buffer, t.editor.cursor);
        if (c === null || promptText === null) continue;
        const r = tab(t.editor, c, t.tabArmed, promptText, t.cols);
        t.editor = r.state;
        t.tabArmed = r.armed;
        if (r.echo) ch.write(r.echo);
        continue;
      }
      t.tabArmed = false;
      const r = editorKey(t.editor, key);
      t.editor = r.state;
      if (r.echo) ch.write(r.echo);
      switch (r.action.kind) {
        case 'submit':
          void this.d.submit(id, r.action.line).then(() => this.pump(id));
          return;
        case 'interrupt':
          this.d.prompt(id);
          break;
        case 'clear':
          ch.clear();
          this.d.prompt(id);
          ch.write(t.editor.buffer);
          break;
        case 'complete':
        case 'eof':
        case 'none':
          break;
      }
    }
  }
}
