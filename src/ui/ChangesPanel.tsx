/**
 * "What changed": the last command (or undo/redo) and the objects it added, changed or removed, as sentences
 * in the UI language; the same objects glow on the graph until the next command.
 */
import { useContext } from 'react';
import { useTranslation } from './i18n';
import { useStore } from 'zustand';
import type { Change } from '../sim';
import { StoreContext } from './store_context';

const OP_MARK: Record<Change['op'], string> = { add: '+', del: '−', set: '~' };
const LIMIT = 40;

export function ChangesPanel() {
  const store = useContext(StoreContext);
  const { t } = useTranslation();
  const change = useStore(store, (s) => s.change);
  return (
    <section aria-labelledby="changes-title" className="flex min-h-0 flex-col" aria-live="polite">
      <h2
        id="changes-title"
        className="px-3 pt-2 pb-1 text-xs font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-400"
      >
        {t('changes.title')}
      </h2>
      <div className="min-h-0 flex-1 overflow-auto px-3 pb-2 text-sm" data-testid="changes">
        {!change && <p className="text-slate-600 dark:text-slate-400">{t('changes.none')}</p>}
        {change?.kind === 'reset' && <p>{t('changes.reset')}</p>}
        {change && change.kind !== 'reset' && (
          <>
            <p className="mb-1 font-mono text-[13px] break-all">
              {change.kind === 'undo' && (
                <span className="font-sans font-semibold">{t('changes.undo')} </span>
              )}
              {change.kind === 'redo' && (
                <span className="font-sans font-semibold">{t('changes.redo')} </span>
              )}
              <span className="text-blue-800 dark:text-blue-300">$ {change.label}</span>
              {change.exitCode !== 0 && (
                <span className="ml-2 font-sans text-xs text-red-700 dark:text-red-400">
                  {t('changes.exit', { code: change.exitCode })}
                </span>
              )}
            </p>
            {change.list.length === 0 ? (
              <p className="text-slate-600 dark:text-slate-400">{t('changes.nothing')}</p>
            ) : (
              <ul className="space-y-0.5">
                {change.list.slice(0, LIMIT).map((c, i) => (
                  <li key={i} className="flex gap-1.5 leading-snug" data-change={`${c.op} ${c.what}`}>
                    <span
                      aria-hidden
                      className={`w-3 shrink-0 font-mono font-bold ${c.op === 'add' ? 'text-emerald-700 dark:text-emerald-400' : c.op === 'del' ? 'text-red-700 dark:text-red-400' : 'text-amber-700 dark:text-amber-400'}`}
                    >
                      {OP_MARK[c.op]}
                    </span>
                    <span className="min-w-0 break-words">
                      {t(`changes.w.${c.what}.${c.op}`, { subject: c.subject, on: c.on })}
                      {c.where && c.where !== 'host' && c.what !== 'container' && c.what !== 'status' && (
                        <span className="ml-1 rounded bg-slate-200 px-1 text-[11px] text-slate-700 dark:bg-slate-700 dark:text-slate-200">
                          {c.where}
                        </span>
                      )}
                    </span>
                  </li>
                ))}
                {change.list.length > LIMIT && (
                  <li className="text-slate-600">
                    {t('changes.more', { count: change.list.length - LIMIT })}
                  </li>
                )}
              </ul>
            )}
          </>
        )}
      </div>
    </section>
  );
}
