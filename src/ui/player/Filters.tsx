/** The filters: protocol toggles (ARP, ICMP, TCP, UDP, DNS; none pressed = all) and a namespace to follow. */
import { memo, useMemo } from 'react';
import { useTranslation } from '../i18n';
import { useShallow } from 'zustand/react/shallow';
import type { JourneyProto } from '../../sim';
import { usePlayer } from './context';

const PROTOS: readonly JourneyProto[] = ['arp', 'icmp', 'tcp', 'udp', 'dns'];

export const Filters = memo(function Filters() {
  const { t } = useTranslation();
  const { protos, ns, journey, sim, toggleProto, setNs } = usePlayer(
    useShallow((s) => ({
      protos: s.protos,
      ns: s.ns,
      journey: s.journey,
      sim: s.sim,
      toggleProto: s.toggleProto,
      setNs: s.setNs,
    })),
  );
  const places = useMemo(() => (sim && journey ? sim.journeyPlaces(journey) : []), [sim, journey]);
  return (
    <div
      role="group"
      aria-label={t('journey.player.filters')}
      className="flex flex-wrap items-center gap-1 px-3 pb-1.5 text-xs"
    >
      {PROTOS.map((p) => {
        const on = protos.includes(p);
        return (
          <button
            key={p}
            type="button"
            aria-pressed={on}
            onClick={() => toggleProto(p)}
            className={`rounded-full border px-2 py-0.5 font-mono text-[11px] uppercase focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-blue-600 ${on ? 'border-blue-700 bg-blue-700 text-white dark:border-blue-400 dark:bg-blue-500 dark:text-slate-950' : 'border-slate-300 bg-white text-slate-700 hover:bg-slate-100 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-200 dark:hover:bg-slate-700'}`}
          >
            {p}
          </button>
        );
      })}
      {protos.length === 0 && (
        <span className="text-[11px] text-slate-600 dark:text-slate-400">
          {t('journey.player.allProtos')}
        </span>
      )}
      <label className="ml-auto inline-flex items-center gap-1 text-slate-700 dark:text-slate-300">
        {t('journey.player.container')}
        <select
          className="h-6 max-w-36 rounded-md border border-slate-300 bg-white px-1 text-xs dark:border-slate-600 dark:bg-slate-800"
          value={ns ?? ''}
          onChange={(e) => setNs(e.target.value || null)}
        >
          <option value="">{t('journey.player.anyContainer')}</option>
          {places.map((p) => (
            <option key={p.ns} value={p.ns}>
              {p.where}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
});
