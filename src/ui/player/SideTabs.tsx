/**
 * The side panel's two tabs: what changed (with the inspector, or the lesson) and the packet journey. The
 * journey tab opens by itself when a line ran in step mode; it shows how many events the last journey has.
 */
import { memo } from 'react';
import { useTranslation } from '../i18n';
import { useShallow } from 'zustand/react/shallow';
import { usePlayer } from './context';

const TAB =
  'border-b-2 px-3 py-1.5 text-xs font-semibold focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-blue-600';

export const SideTabs = memo(function SideTabs({ mainLabel }: { mainLabel: string }) {
  const { t } = useTranslation();
  const { tab, setTab, count } = usePlayer(
    useShallow((s) => ({ tab: s.tab, setTab: s.setTab, count: s.journey?.steps.length ?? 0 })),
  );
  const tabs = [
    { id: 'changes' as const, label: mainLabel },
    { id: 'journey' as const, label: t('player.tab') },
  ];
  return (
    <div role="tablist" aria-label={t('player.side')} className="flex shrink-0 gap-1 px-2 pt-1">
      {tabs.map((x) => (
        <button
          key={x.id}
          type="button"
          role="tab"
          id={`side-tab-${x.id}`}
          aria-selected={tab === x.id}
          aria-controls={`side-panel-${x.id}`}
          onClick={() => setTab(x.id)}
          className={`${TAB} ${tab === x.id ? 'border-blue-700 text-slate-900 dark:border-blue-400 dark:text-slate-50' : 'border-transparent text-slate-600 hover:text-slate-900 dark:text-slate-400 dark:hover:text-slate-100'}`}
        >
          {x.label}
          {x.id === 'journey' && count > 0 && (
            <span className="ml-1.5 rounded-full bg-slate-200 px-1.5 text-[10px] font-normal text-slate-700 tabular-nums dark:bg-slate-700 dark:text-slate-200">
              {count}
            </span>
          )}
        </button>
      ))}
    </div>
  );
});
