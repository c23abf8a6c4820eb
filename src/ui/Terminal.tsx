/**
 * One xterm.js terminal bound to a store terminal: renders the channel's bytes and forwards key input.
 * Line editing, history and completion live in the store (pure code); this widget only shows bytes.
 * Ctrl+Z / Ctrl+Shift+Z are the app's undo/redo here too; Ctrl+Shift+C copies the selection.
 */
import { useLayoutEffect, useRef } from 'react';
import { Terminal as XTerm } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import '@xterm/xterm/css/xterm.css';
import type { AppStore } from '../store';
import { noteUsable } from './usable';

const DARK = {
  background: '#0b1020',
  foreground: '#e2e8f0',
  cursor: '#93c5fd',
  selectionBackground: '#334155',
};

let focusHandOver = false;

export default function Terminal({
  store,
  id,
  label,
  autoFocus,
  fontSize = 14,
}: {
  store: AppStore;
  id: string;
  label: string;
  autoFocus: boolean;
  /** Instructor mode's presentation view uses a larger size. */
  fontSize?: number;
}) {
  const host = useRef<HTMLDivElement>(null);
  // Opened in the commit that adds the element, before the browser's next style and layout pass: xterm
  // injects its stylesheets (~800 rules of theme colours) and measures a character; after a frame had been
  // drawn without them, the whole page's style was computed again (0.4 s at 4x throttling in the load trace).
  useLayoutEffect(() => {
    const el = host.current;
    if (!el) return;
    // A shell that replaces a focused terminal (docker exec -it, exit) keeps the keyboard.
    const hadFocus = focusHandOver;
    focusHandOver = false;
    // Noted when the store switches terminals, before React removes the focused one from the page.
    const unsubActive = store.subscribe((st, prev) => {
      if (st.activeTerminal !== prev.activeTerminal) focusHandOver = el.contains(document.activeElement);
    });
    const term = new XTerm({
      fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace',
      fontSize,
      cursorBlink: true,
      // The tty's onlcr: programs write \n (store/terminal_channel.ts).
      convertEol: true,
      scrollback: 5000,
      theme: DARK,
      screenReaderMode: false,
    });
    const fit = new FitAddon();
    term.loadAddon(fit);
    term.open(el);
    term.textarea?.setAttribute('aria-label', label);
    const refit = () => {
      try {
        fit.fit();
        store.getState().setColumns(id, term.cols);
      } catch {
        // not laid out yet (hidden tab): the next resize fits it
      }
    };
    refit();
    term.attachCustomKeyEventHandler((e) => {
      if (e.type !== 'keydown') return true;
      const k = e.key.toLowerCase();
      // Shift+Tab leaves the terminal (Tab itself completes): no keyboard trap.
      if (k === 'tab' && e.shiftKey) return false;
      if (e.ctrlKey && !e.altKey && (k === 'z' || k === 'y')) {
        e.preventDefault();
        if (k === 'y' || e.shiftKey) store.getState().redo();
        else store.getState().undo();
        return false;
      }
      if (e.ctrlKey && e.shiftKey && k === 'c') {
        const sel = term.getSelection();
        if (sel) void navigator.clipboard?.writeText(sel).catch(() => undefined);
        return false;
      }
      if (e.altKey && (k === 'g' || k === 't')) return false;
      return true;
    });
    const ch = store.getState().channel(id);
    // Usable once the host's prompt is on screen: ready, nothing running, and xterm has parsed what came.
    const parsed = () => {
      const s = store.getState();
      if (s.status === 'ready' && s.running === null && id === s.hostTerminal) noteUsable('terminal');
    };
    term.write(ch.scrollback(), parsed);
    const unsub = ch.subscribe(
      (d) => term.write(d, parsed),
      () => term.write('\x1b[H\x1b[2J\x1b[3J'),
    );
    const input = term.onData((d) => store.getState().input(id, d));
    const ro = new ResizeObserver(refit);
    ro.observe(el);
    if (autoFocus || hadFocus) term.focus();
    return () => {
      unsubActive();
      ro.disconnect();
      input.dispose();
      unsub();
      term.dispose();
    };
  }, [store, id, label, autoFocus, fontSize]);
  return <div ref={host} className="h-full w-full" data-testid={`terminal-${id}`} />;
}
