/**
 * One xterm.js terminal bound to a store terminal: renders the channel's bytes and forwards key input.
 * Line editing lives in the store (pure code); this widget only shows bytes.
 */
import { useEffect, useRef } from 'react';
import { Terminal as XTerm } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import '@xterm/xterm/css/xterm.css';
import type { AppStore } from '../store';

export function Terminal({ store, id }: { store: AppStore; id: string }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const term = new XTerm({
      fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace',
      fontSize: 14,
      cursorBlink: true,
      convertEol: false,
      scrollback: 5000,
      theme: { background: '#0b1020', foreground: '#e2e8f0' },
    });
    const fit = new FitAddon();
    term.loadAddon(fit);
    term.open(el);
    fit.fit();
    const ch = store.getState().channel(id);
    term.write(ch.scrollback());
    const unsub = ch.subscribe(
      (d) => term.write(d),
      () => term.clear(),
    );
    const input = term.onData((d) => store.getState().input(id, d));
    const ro = new ResizeObserver(() => fit.fit());
    ro.observe(el);
    term.focus();
    return () => {
      ro.disconnect();
      input.dispose();
      unsub();
      term.dispose();
    };
  }, [store, id]);
  return <div ref={host} className="h-full w-full" data-testid={`terminal-${id}`} />;
}
