/**
 * Session notices (a link that did not open, a damaged saved session, full storage): text only, with a
 * dismiss button. Errors are announced at once (role=alert), the rest politely.
 */
import { useContext } from 'react';
import { useStore } from 'zustand';
import { createNoticeStore } from '../../store';
import { SessionContext } from './session_context';
import { useShareText } from './text';

const STYLE = {
  error: 'border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100',
  warning:
    'border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100',
  info: 'border-sky-300 bg-sky-50 text-sky-950 dark:border-sky-800 dark:bg-sky-950 dark:text-sky-100',
};

const NONE = createNoticeStore();

export function Notices() {
  const ctx = useContext(SessionContext);
  const text = useShareText();
  const notices = useStore(ctx?.notices ?? NONE, (s) => s.notices);
  if (!ctx || notices.length === 0) return null;
  return (
    <section aria-label={text.notices} className="flex flex-col gap-1 px-2 pt-1.5" data-testid="notices">
      {notices.map((n) => (
        <div
          key={n.id}
          role={n.level === 'error' ? 'alert' : 'status'}
          data-kind={n.kind}
          className={`flex items-start gap-2 rounded-md border px-2.5 py-1.5 text-sm ${STYLE[n.level]}`}
        >
          <p className="min-w-0 flex-1">
            {text.notice[n.kind]}
            {n.detail && (
              <span className="block truncate text-xs opacity-80" title={n.detail}>
                {n.detail}
              </span>
            )}
          </p>
          <button
            type="button"
            className="shrink-0 rounded px-1.5 text-base leading-none hover:bg-black/10 focus-visible:outline-2 focus-visible:outline-blue-600 dark:hover:bg-white/10"
            aria-label={text.dismiss}
            title={text.dismiss}
            onClick={() => ctx.notices.getState().dismiss(n.id)}
          >
            ×
          </button>
        </div>
      ))}
    </section>
  );
}
