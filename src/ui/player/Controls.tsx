/**
 * The transport: back to the start, step back, play/pause, step forward, to the end, the speed, and where the
 * cursor is ("event 12 of 48"). Every button has a label (its icon is decorative) and a key shortcut.
 */
import { memo } from 'react';
import { useTranslation } from '../i18n';
import { useShallow } from 'zustand/react/shallow';
import { SPEEDS } from './machine';
import { usePlayer } from './context';
import { Icon, type IconName } from './icons';

const BTN =
  'inline-flex h-7 min-w-7 items-center justify-center rounded-md border border-slate-300 bg-white px-1.5 text-slate-800 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-blue-600 disabled:cursor-not-allowed disabled:opacity-40 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700';

function Btn({
  icon,
  label,
  keys,
  disabled,
  onClick,
  primary = false,
}: {
  icon: IconName;
  label: string;
  keys: string;
  disabled: boolean;
  onClick: () => void;
  primary?: boolean;
}) {
  return (
    <button
      type="button"
      className={
        primary
          ? `${BTN} !border-blue-700 !bg-blue-700 px-2.5 !text-white hover:!bg-blue-800 dark:!border-blue-500`
          : BTN
      }
      aria-label={label}
      title={label}
      aria-keyshortcuts={keys}
      disabled={disabled}
      onClick={onClick}
    >
      <Icon name={icon} />
    </button>
  );
}

export const Controls = memo(function Controls() {
  const { t } = useTranslation();
  const { machine, visible, dispatch, total } = usePlayer(
    useShallow((s) => ({
      machine: s.machine,
      visible: s.visible,
      dispatch: s.dispatch,
      total: s.journey?.steps.length ?? 0,
    })),
  );
  const empty = visible.length === 0;
  const first = visible[0] ?? -1;
  const last = visible[visible.length - 1] ?? -1;
  const atStart = machine.cursor < first || machine.cursor === -1;
  const atEnd = machine.cursor >= last;
  const playing = machine.status === 'playing';
  const pos = visible.indexOf(machine.cursor);
  return (
    <div className="flex flex-wrap items-center gap-1 px-3 py-1.5">
      <Btn
        icon="start"
        label={t('journey.player.start')}
        keys="Home"
        disabled={empty || atStart}
        onClick={() => dispatch({ type: 'start' })}
      />
      <Btn
        icon="back"
        label={t('journey.player.back')}
        keys="ArrowLeft"
        disabled={empty || atStart}
        onClick={() => dispatch({ type: 'back' })}
      />
      <Btn
        icon={playing ? 'pause' : 'play'}
        label={playing ? t('journey.player.pause') : t('journey.player.play')}
        keys="Space"
        disabled={empty}
        primary
        onClick={() => dispatch({ type: playing ? 'pause' : 'play' })}
      />
      <Btn
        icon="step"
        label={t('journey.player.step')}
        keys="ArrowRight"
        disabled={empty || atEnd}
        onClick={() => dispatch({ type: 'step' })}
      />
      <Btn
        icon="end"
        label={t('journey.player.end')}
        keys="End"
        disabled={empty || atEnd}
        onClick={() => dispatch({ type: 'end' })}
      />
      <label className="ml-1 inline-flex items-center gap-1 text-xs text-slate-700 dark:text-slate-300">
        {t('journey.player.speed')}
        <select
          className="h-7 rounded-md border border-slate-300 bg-white px-1 text-xs dark:border-slate-600 dark:bg-slate-800"
          value={machine.speed}
          onChange={(e) => dispatch({ type: 'speed', speed: Number(e.target.value) })}
        >
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {s}×
            </option>
          ))}
        </select>
      </label>
      <span className="ml-auto text-xs text-slate-600 tabular-nums dark:text-slate-400" aria-live="polite">
        {pos >= 0
          ? t('journey.player.rowOf', { n: machine.cursor + 1, total })
          : t(`journey.player.status_${machine.status}`)}
      </span>
    </div>
  );
});
