/**
 * The journey as a list of events, one row per kernel event the filters show: time since the line started,
 * namespace, device, Linux stage, and the tcpdump-style one-liner. A click jumps to the row; the current row
 * is marked (aria-current) and kept in view. Rows are memoized: a step re-renders the two rows that change.
 */
import { memo, useEffect, useRef } from 'react';
import { useTranslation } from '../i18n';
import { useShallow } from 'zustand/react/shallow';
import type { JourneyStep } from '../../sim';
import { usePlayer } from './context';

/** Time since the line started in milliseconds, to the microsecond (0.137 ms reads better than 0.000137 s). */
function ms(us: number): string {
  return (us / 1000).toFixed(3);
}

const STAGE_TONE: Partial<Record<JourneyStep['stage'], string>> = {
  kfree_skb: 'text-red-700 dark:text-red-400 font-semibold',
  nf_hook: 'text-violet-700 dark:text-violet-300',
  nat: 'text-violet-700 dark:text-violet-300',
  net_dev_xmit: 'text-sky-700 dark:text-sky-300',
  netif_receive_skb: 'text-sky-700 dark:text-sky-300',
};

const Row = memo(function Row({
  step,
  index,
  current,
  onJump,
}: {
  step: JourneyStep;
  index: number;
  current: boolean;
  onJump: (i: number) => void;
}) {
  const { t } = useTranslation();
  return (
    <li data-step={index} data-stage={step.stage}>
      <button
        type="button"
        aria-current={current ? 'step' : undefined}
        onClick={() => onJump(index)}
        title={step.note ? `${step.line}\n${step.note}` : step.line}
        className={`grid w-full grid-cols-[4rem_minmax(0,1fr)] gap-x-2 border-l-4 px-2 py-0.5 text-left text-xs focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-blue-600 ${current ? 'border-amber-500 bg-amber-100 dark:bg-amber-900/50' : 'border-transparent hover:bg-slate-100 dark:hover:bg-slate-800'}`}
      >
        <span className="font-mono text-[11px] text-slate-600 tabular-nums dark:text-slate-400">
          {ms(step.sinceUs)}
        </span>
        <span className="flex min-w-0 items-baseline gap-1.5">
          <span className="truncate font-semibold">{step.where}</span>
          {step.dev && <span className="shrink-0 font-mono text-[11px]">{step.dev}</span>}
          <span
            className={`ml-auto shrink-0 text-[11px] ${STAGE_TONE[step.stage] ?? 'text-slate-600 dark:text-slate-400'}`}
          >
            {t(`journey.stage.${step.stage}`)}
          </span>
        </span>
        <span className="col-start-2 truncate font-mono text-[11px] text-slate-700 dark:text-slate-300">
          {step.line}
        </span>
        {step.note && (
          // What decided, in the kernel's words (the rule, the mapping, the drop reason): three iptables
          // rows of one packet would otherwise look the same.
          <span className="col-start-2 truncate font-mono text-[11px] text-violet-800 dark:text-violet-300">
            {step.note}
          </span>
        )}
      </button>
    </li>
  );
});

export const EventList = memo(function EventList() {
  const { t } = useTranslation();
  const { journey, visible, cursor, dispatch } = usePlayer(
    useShallow((s) => ({
      journey: s.journey,
      visible: s.visible,
      cursor: s.machine.cursor,
      dispatch: s.dispatch,
    })),
  );
  const list = useRef<HTMLOListElement>(null);
  useEffect(() => {
    const el = list.current?.querySelector('[aria-current="step"]');
    if (el && 'scrollIntoView' in el) el.scrollIntoView({ block: 'nearest' });
  }, [cursor]);
  const onJump = useRef((i: number) => dispatch({ type: 'jump', to: i })).current;
  if (!journey) return null;
  return (
    <div className="min-h-0 flex-1 overflow-auto border-y border-slate-200 dark:border-slate-800">
      <div className="sticky top-0 z-10 grid grid-cols-[4rem_minmax(0,1fr)] gap-x-2 bg-slate-100 px-3 py-0.5 text-[10px] tracking-wide text-slate-600 uppercase dark:bg-slate-800 dark:text-slate-400">
        <span>{t('player.timeMs')}</span>
        <span>
          {t('journey.player.where')} · {t('journey.player.device')} · {t('journey.player.stage')}
        </span>
      </div>
      <ol ref={list} aria-label={t('journey.player.title')} data-testid="journey-events">
        {visible.map((i) => (
          <Row
            key={i}
            step={journey.steps[i] as JourneyStep}
            index={i}
            current={i === cursor}
            onJump={onJump}
          />
        ))}
      </ol>
    </div>
  );
});
