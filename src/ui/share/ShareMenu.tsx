/**
 * "Copy link" in the toolbar, and beside it: copy an embed snippet, export the scenario as a JSON file, import
 * one. The link carries the whole scenario in its fragment (never sent to a server). What was copied is also
 * shown in a field, for browsers that do not allow the clipboard and for people who want to see it.
 */
import { useContext, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { embedSnippet, forLink, shareLink } from '../../store';
import { StoreContext } from '../store_context';
import { SessionContext } from './session_context';
import { useShareText } from './text';

const BTN =
  'inline-flex items-center gap-1 rounded-md border border-slate-300 bg-white px-2.5 py-1 text-sm text-slate-800 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-blue-600 disabled:cursor-not-allowed disabled:opacity-45 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700';
const ITEM =
  'block w-full px-3 py-1.5 text-left text-sm hover:bg-slate-100 focus-visible:bg-slate-100 focus-visible:outline-none dark:hover:bg-slate-700 dark:focus-visible:bg-slate-700';

type Shown = { kind: 'link' | 'embed'; text: string; copied: boolean } | null;

async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

export function ShareMenu() {
  const ctx = useContext(SessionContext);
  const store = useContext(StoreContext);
  const text = useShareText();
  const [open, setOpen] = useState(false);
  const [shown, setShown] = useState<Shown>(null);
  const file = useRef<HTMLInputElement>(null);
  const root = useRef<HTMLDivElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  // A click elsewhere closes what is open; an opened menu takes the focus (menu button pattern, WAI-ARIA APG).
  useEffect(() => {
    if (!open && !shown) return;
    const away = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) {
        setOpen(false);
        setShown(null);
      }
    };
    document.addEventListener('pointerdown', away);
    return () => document.removeEventListener('pointerdown', away);
  }, [open, shown]);
  useEffect(() => {
    if (open) menu.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
  }, [open]);
  if (!ctx) return null;

  const menuKeys = (e: KeyboardEvent<HTMLDivElement>) => {
    const items = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const i = items.indexOf(document.activeElement as HTMLElement);
    if (e.key === 'Escape') setOpen(false);
    else if (e.key === 'ArrowDown') items[(i + 1) % items.length]?.focus();
    else if (e.key === 'ArrowUp') items[(i - 1 + items.length) % items.length]?.focus();
    else if (e.key === 'Home') items[0]?.focus();
    else if (e.key === 'End') items[items.length - 1]?.focus();
    else return;
    e.preventDefault();
  };
  const notify = ctx.notices.getState().push;

  /** The current scenario as link text, or null (with a notice) when it does not fit. */
  const code = async (): Promise<string | null> => {
    const s = await ctx.session;
    const doc = store.getState().scenario();
    if (!doc) return null;
    const r = s.mod.encodeScenario(forLink(doc));
    if (r.ok) return r.value;
    notify('warning', 'link-too-long', r.error.detail);
    return null;
  };

  const copyLink = async () => {
    setOpen(false);
    const c = await code();
    if (c === null) return;
    const url = shareLink(window.location.href, c, new URLSearchParams(window.location.search).get('lang'));
    setShown({ kind: 'link', text: url, copied: await copy(url) });
  };

  const copyEmbed = async () => {
    setOpen(false);
    const c = await code();
    if (c === null) return;
    const snippet = embedSnippet(window.location.href, c);
    setShown({ kind: 'embed', text: snippet, copied: await copy(snippet) });
  };

  const exportFile = async () => {
    setOpen(false);
    const s = await ctx.session;
    const doc = store.getState().scenario();
    if (!doc) return;
    const json = s.mod.scenarioToJson(doc);
    if (!json.ok) return notify('warning', 'save-too-large', json.error.detail);
    const url = URL.createObjectURL(new Blob([json.value], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'network-playground-scenario.json';
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  const importFile = async (f: File) => {
    const s = await ctx.session;
    if (f.size > s.mod.LIMITS.jsonBytes)
      return notify('error', 'import-failed', s.mod.SHARE_ERROR_TEXT.oversized);
    const r = s.mod.scenarioFromJson(await f.text());
    if (!r.ok)
      return notify(
        'error',
        'import-failed',
        `${s.mod.SHARE_ERROR_TEXT[r.error.code]} (${r.error.code}: ${r.error.detail})`,
      );
    ctx.notices.getState().dismissKind('import-failed');
    await store.getState().loadScenario(r.value.scenario);
  };

  return (
    <div className="relative inline-flex" ref={root}>
      <button
        type="button"
        className={`${BTN} rounded-r-none`}
        title={text.copyLinkTitle}
        onClick={() => void copyLink()}
      >
        {/* An SVG, not the 🔗 emoji: classroom machines often have no emoji font. */}
        <svg
          aria-hidden
          viewBox="0 0 16 16"
          width="14"
          height="14"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.6"
          strokeLinecap="round"
        >
          <path d="M6.5 9.5l3-3M7 4.5l1-1a2.5 2.5 0 013.5 3.5l-1 1M9 11.5l-1 1A2.5 2.5 0 014.5 9l1-1" />
        </svg>{' '}
        {text.copyLink}
      </button>
      <button
        type="button"
        className={`${BTN} rounded-l-none border-l-0 px-1.5`}
        aria-label={text.more}
        title={text.more}
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        <span aria-hidden>▾</span>
      </button>
      {open && (
        <div
          role="menu"
          ref={menu}
          aria-label={text.more}
          className="absolute top-full right-0 z-40 mt-1 w-56 overflow-hidden rounded-md border border-slate-300 bg-white py-1 shadow-lg dark:border-slate-600 dark:bg-slate-800"
          onKeyDown={menuKeys}
        >
          <button role="menuitem" type="button" className={ITEM} onClick={() => void copyEmbed()}>
            {text.copyEmbed}
          </button>
          <button role="menuitem" type="button" className={ITEM} onClick={() => void exportFile()}>
            {text.exportFile}
          </button>
          <button
            role="menuitem"
            type="button"
            className={ITEM}
            onClick={() => {
              setOpen(false);
              file.current?.click();
            }}
          >
            {text.importFile}
          </button>
        </div>
      )}
      <input
        ref={file}
        type="file"
        accept=".json,application/json"
        className="hidden"
        data-testid="import-file"
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (f) void importFile(f);
        }}
      />
      {shown && (
        <div
          role="dialog"
          aria-label={shown.kind === 'link' ? text.linkLabel : text.embedLabel}
          onKeyDown={(e) => e.key === 'Escape' && setShown(null)}
          className="absolute top-full right-0 z-40 mt-1 w-[28rem] max-w-[90vw] rounded-md border border-slate-300 bg-white p-2 text-sm shadow-lg dark:border-slate-600 dark:bg-slate-800"
        >
          <p role="status" className="mb-1">
            {shown.copied ? (shown.kind === 'link' ? text.linkCopied : text.embedCopied) : text.copyByHand}
          </p>
          <textarea
            readOnly
            data-testid={shown.kind === 'link' ? 'share-link' : 'embed-code'}
            aria-label={shown.kind === 'link' ? text.linkLabel : text.embedLabel}
            value={shown.text}
            rows={shown.kind === 'link' ? 3 : 5}
            className="w-full resize-none rounded border border-slate-300 bg-slate-50 p-1 font-mono text-xs break-all dark:border-slate-600 dark:bg-slate-900"
            onFocus={(e) => e.currentTarget.select()}
          />
          <div className="mt-1 text-right">
            <button type="button" className={BTN} onClick={() => setShown(null)}>
              {text.close}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
