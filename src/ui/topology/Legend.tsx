/**
 * The legend, one compact strip along the bottom of the canvas: the four network modes told apart by icon,
 * word and border style (colour only adds to them), the two kinds of link, and what "changed" looks like.
 * Each entry's full sentence is its tooltip and its accessible name. The strip wraps on a phone, and is the
 * containing block of its sr-only texts (absolute: outside it they widened the page).
 */
import { useState } from 'react';
import { useTranslation } from '../i18n';
import { MODE_CARD, MODE_ICON } from './modes';

const MODES = ['bridge', 'host', 'none', 'container'] as const;

export function Legend() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(true);
  const item = 'flex items-center gap-1.5 whitespace-nowrap';
  return (
    <section
      aria-label={t('legend.title')}
      className="relative flex shrink-0 items-center gap-3 overflow-x-auto border-b border-slate-200 bg-white px-2 py-1 text-xs text-slate-800 dark:border-slate-800 dark:bg-slate-900 dark:text-slate-100"
    >
      <button
        type="button"
        className="font-semibold focus-visible:outline-2 focus-visible:outline-blue-600"
        aria-expanded={open}
        aria-label={open ? t('legend.hide') : t('legend.show')}
        onClick={() => setOpen(!open)}
      >
        {t('legend.title')} <span aria-hidden>{open ? '◂' : '▸'}</span>
      </button>
      {open && (
        <ul className="flex flex-wrap items-center gap-x-3 gap-y-0.5">
          {MODES.map((m) => (
            <li key={m} className={item} data-legend={m} title={t(`legend.${m}`)}>
              <span
                className={`inline-flex h-5 w-6 shrink-0 items-center justify-center rounded border-2 ${MODE_CARD[m]}`}
                aria-hidden
              >
                {MODE_ICON[m]}
              </span>
              <span className="sr-only">{t(`legend.${m}`)}</span>
              <span aria-hidden>{m === 'container' ? 'container:' : m}</span>
            </li>
          ))}
          <li className={item}>
            <svg width="24" height="10" aria-hidden>
              <line x1="0" y1="5" x2="24" y2="5" className="cnp-edge cnp-edge-veth" />
            </svg>
            {t('legend.veth')}
          </li>
          <li className={item}>
            <svg width="24" height="10" aria-hidden>
              <line x1="0" y1="5" x2="24" y2="5" className="cnp-edge cnp-edge-wire" />
            </svg>
            {t('legend.wire')}
          </li>
          <li className={item}>
            <span
              className="cnp-changed-static inline-block h-3 w-5 shrink-0 rounded-sm border border-slate-400"
              aria-hidden
            />
            <span className="sr-only">{t('legend.changed')}</span>
            <span aria-hidden>{t('legend.changedShort')}</span>
          </li>
        </ul>
      )}
    </section>
  );
}
