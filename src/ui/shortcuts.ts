/**
 * Global keyboard shortcuts: Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y undo and redo (outside text fields; the terminal
 * handles them itself), ? and F1 help, Alt+T terminal, Alt+G graph, Esc clears the selection.
 */
import { useEffect } from 'react';
import type { AppStore } from '../store';
import type { Dialog } from './Toolbar';

function typing(el: Element | null): boolean {
  if (!el) return false;
  if (el.closest('.xterm')) return true;
  const tag = el.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || (el as HTMLElement).isContentEditable;
}

export function useShortcuts(store: AppStore, dialog: Dialog, setDialog: (d: Dialog) => void): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (dialog) return;
      const k = e.key.toLowerCase();
      const inField = typing(document.activeElement);
      if (e.altKey && !e.ctrlKey && (k === 't' || k === 'g')) {
        e.preventDefault();
        const target =
          k === 't'
            ? document.querySelector<HTMLElement>('.xterm-helper-textarea')
            : (document.querySelector<HTMLElement>('.react-flow') ?? document.getElementById('graph'));
        target?.focus();
        return;
      }
      if (inField) return;
      if (e.ctrlKey && !e.altKey && (k === 'z' || k === 'y')) {
        e.preventDefault();
        if (k === 'y' || e.shiftKey) store.getState().redo();
        else store.getState().undo();
      } else if (e.key === '?' || e.key === 'F1') {
        e.preventDefault();
        setDialog('help');
      } else if (e.key === 'Escape') {
        store.getState().select(null);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store, dialog, setDialog]);
}
