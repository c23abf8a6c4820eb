/**
 * Over the graph while the player steps through a recorded line: which World the graph shows (before the
 * command, or after event n), so nobody mistakes it for the live one, and a button back to the live World.
 */
import { memo } from 'react';
import { useTranslation } from '../i18n';
import { useShallow } from 'zustand/react/shallow';
import { usePlayer } from './context';
import { Icon } from './icons';

export const StepBanner = memo(function StepBanner() {
  const { t } = useTranslation();
  const { show, cursor, total, line, finish, stage } = usePlayer(
    useShallow((s) => ({
      show: s.machine.status !== 'idle' && s.result?.steps !== undefined && s.sim !== null,
      cursor: s.machine.cursor,
      total: s.journey?.steps.length ?? 0,
      line: s.line ?? '',
      finish: s.finish,
      stage: s.journey?.steps[s.machine.cursor]?.stage ?? null,
    })),
  );
  if (!show) return null;
  return (
    <div
      className="pointer-events-none absolute inset-x-0 top-9 z-10 flex justify-center px-2"
      data-testid="step-banner"
    >
      <div className="pointer-events-auto flex max-w-full items-center gap-2 rounded-lg border border-amber-500 bg-amber-50/95 px-3 py-1 text-xs text-amber-950 shadow dark:border-amber-400 dark:bg-amber-950/95 dark:text-amber-50">
        <span className="min-w-0 truncate">
          <span className="font-mono">$ {line}</span>
          {' · '}
          {cursor < 0
            ? t('player.atStart')
            : t('player.atEvent', { n: cursor + 1, total, stage: stage ? t(`journey.stage.${stage}`) : '' })}
        </span>
        <button
          type="button"
          onClick={finish}
          className="inline-flex shrink-0 items-center gap-1 rounded border border-amber-600 px-1.5 py-0.5 font-semibold hover:bg-amber-100 focus-visible:outline-2 focus-visible:outline-blue-600 dark:border-amber-300 dark:hover:bg-amber-900"
        >
          <Icon name="close" />
          {t('player.live')}
        </button>
      </div>
    </div>
  );
});
