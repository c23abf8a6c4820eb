/**
 * The packet player panel (Packet Tracer's simulation panel, with Linux's stages): which line's journey is
 * shown (the last one, or one of the recent lines), the step-mode switch for the next command, the transport
 * and filters, the event list and the current step in detail. ←/→ step, Home/End jump, Space plays or pauses
 * while the panel has the focus (and no text field has it).
 */
import { memo, useContext, type KeyboardEvent } from 'react';
import { useTranslation } from '../i18n';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { StoreContext } from '../store_context';
import { usePlayer, usePlayerStore } from './context';
import { Controls } from './Controls';
import { Filters } from './Filters';
import { EventList } from './EventList';
import { StepDetail } from './StepDetail';
import { Icon } from './icons';

export function StepModeSwitch() {
  const { t } = useTranslation();
  const app = useContext(StoreContext);
  const on = useStore(app, (s) => s.stepMode);
  return (
    <label
      className="inline-flex cursor-pointer items-center gap-1.5 text-xs text-slate-800 dark:text-slate-200"
      title={t('player.stepModeHint')}
    >
      <input
        type="checkbox"
        role="switch"
        className="h-3.5 w-3.5 accent-blue-700"
        checked={on}
        onChange={(e) => app.getState().setStepMode(e.target.checked)}
      />
      {t('player.stepMode')}
    </label>
  );
}

const KEYS: Record<string, 'step' | 'back' | 'start' | 'end'> = {
  ArrowRight: 'step',
  ArrowLeft: 'back',
  Home: 'start',
  End: 'end',
};

function LinePicker() {
  const { t } = useTranslation();
  const { recent, current, pick } = usePlayer(
    useShallow((s) => ({ recent: s.recent, current: s.current, pick: s.pick })),
  );
  if (recent.length === 0) return null;
  return (
    <label className="flex min-w-0 flex-1 items-center gap-1.5 text-xs text-slate-700 dark:text-slate-300">
      <span className="shrink-0">{t('journey.player.line')}</span>
      <select
        className="h-6 min-w-0 flex-1 truncate rounded-md border border-slate-300 bg-white px-1 font-mono text-[11px] dark:border-slate-600 dark:bg-slate-800"
        value={current ?? ''}
        onChange={(e) => pick(Number(e.target.value))}
        data-testid="journey-line"
      >
        {recent.map((r) => (
          <option key={r.id} value={r.id}>
            $ {r.line}
          </option>
        ))}
      </select>
    </label>
  );
}

export const PlayerPanel = memo(function PlayerPanel() {
  const { t } = useTranslation();
  const player = usePlayerStore();
  const { hasJourney, empty, stepping, sim } = usePlayer(
    useShallow((s) => ({
      hasJourney: s.journey !== null,
      empty: s.journey !== null && s.journey.steps.length === 0,
      stepping: s.machine.status !== 'idle' && s.result?.steps !== undefined,
      sim: s.sim !== null,
    })),
  );
  const onKeyDown = (e: KeyboardEvent) => {
    const tag = (e.target as HTMLElement).tagName;
    if (tag === 'SELECT' || tag === 'INPUT' || e.altKey || e.ctrlKey || e.metaKey) return;
    const p = player.getState();
    const move = KEYS[e.key];
    if (move) {
      e.preventDefault();
      p.dispatch({ type: move });
    } else if (e.key === ' ' && tag !== 'BUTTON') {
      e.preventDefault();
      p.dispatch({ type: p.machine.status === 'playing' ? 'pause' : 'play' });
    }
  };
  return (
    <section
      aria-labelledby="player-title"
      className="flex h-full min-h-0 flex-col"
      data-testid="player"
      onKeyDown={onKeyDown}
    >
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 px-3 pt-2 pb-1">
        <h2
          id="player-title"
          className="text-xs font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-400"
        >
          {t('player.tab')}
        </h2>
        <StepModeSwitch />
        {stepping && (
          <button
            type="button"
            onClick={() => player.getState().finish()}
            className="ml-auto inline-flex items-center gap-1 rounded-md border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-600 dark:border-slate-600 dark:hover:bg-slate-800"
          >
            <Icon name="close" />
            {t('player.live')}
          </button>
        )}
      </div>
      {!hasJourney || !sim ? (
        <p className="px-3 py-2 text-sm text-slate-600 dark:text-slate-400">{t('player.empty')}</p>
      ) : (
        <>
          <div className="flex items-center gap-2 px-3 pb-1">
            <LinePicker />
          </div>
          {empty ? (
            <p className="px-3 py-2 text-sm text-slate-600 dark:text-slate-400">
              {t('journey.player.nothing')}
            </p>
          ) : (
            <>
              <Controls />
              <Filters />
              <div className="flex min-h-0 flex-1 flex-col">
                <EventList />
                <div className="min-h-0 flex-[1.3] overflow-auto">
                  <StepDetail />
                </div>
              </div>
            </>
          )}
        </>
      )}
    </section>
  );
});
