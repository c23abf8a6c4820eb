/**
 * The current step in detail: where it happens and the Linux stage, the explanation in plain words, what
 * decided it (the device's table with the deciding row), and the packet's headers (before and after NAT).
 */
import { memo, useMemo } from 'react';
import { useTranslation } from '../i18n';
import { useShallow } from 'zustand/react/shallow';
import type { Journey, JourneyStep } from '../../sim';

type SkbHeaders = Journey['headers'][number];
import { usePlayer } from './context';
import { worldAt, type SimModule } from './player_store';
import { DecisionView } from './DecisionView';
import { PacketView } from './PacketView';
import { useExplain } from './text';

/** What NAT may rewrite (the rest changes at every hop: MACs, TTL). */
const NAT_FIELDS = new Set([
  'ip.src',
  'ip.dst',
  'tcp.sport',
  'tcp.dport',
  'udp.sport',
  'udp.dport',
  'icmp.echoId',
]);

/** The packet's headers at a step, and its first copy when NAT rewrote it (for a `nat` step: the copy after). */
export function headersAt(
  j: Journey,
  step: JourneyStep,
): { cur: SkbHeaders | null; first: SkbHeaders | null } {
  const own = j.headers[step.i] ?? null;
  const pk = step.packet === null ? undefined : j.packets.find((p) => p.id === step.packet);
  if (!pk) return { cur: own, first: null };
  const seen = pk.steps.map((k) => (j.steps[k] as JourneyStep).i).filter((i) => j.headers[i] !== undefined);
  let cur: SkbHeaders | null = null;
  for (const i of seen) if (i <= step.i) cur = j.headers[i] ?? null;
  const firstI = seen[0];
  if (step.stage === 'nat') {
    const next = seen.find((i) => i > step.i);
    if (next !== undefined)
      return {
        cur: j.headers[next] ?? null,
        first: cur ?? (firstI !== undefined ? (j.headers[firstI] ?? null) : null),
      };
  }
  const first = firstI !== undefined ? (j.headers[firstI] ?? null) : null;
  return { cur: cur ?? first, first };
}

function usePacket(sim: SimModule, j: Journey, step: JourneyStep) {
  return useMemo(() => {
    const { cur, first } = headersAt(j, step);
    if (!cur) return null;
    const layers = sim.packetLayers(cur);
    if (!first || first === cur) return { layers, before: null, changed: new Set<string>() };
    const before = sim.packetLayers(first);
    const changed = new Set([...sim.changedFields(before, layers)].filter((k) => NAT_FIELDS.has(k)));
    return changed.size > 0 ? { layers, before, changed } : { layers, before: null, changed };
  }, [sim, j, step]);
}

const H = 'mt-2 text-[11px] font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-400';

function Detail({ sim, journey, step }: { sim: SimModule; journey: Journey; step: JourneyStep }) {
  const { t } = useTranslation();
  const explain = useExplain();
  const result = usePlayer((s) => s.result);
  const table = useMemo(() => {
    if (!step.decision) return null;
    const at = worldAt({ sim, result }, step);
    return at ? sim.decisionTable(step.decision, at.world, at.exact) : null;
  }, [sim, result, step]);
  const packet = usePacket(sim, journey, step);
  const isDrop = step.stage === 'kfree_skb';
  return (
    <div className="px-3 py-2 text-sm" data-testid="step-detail" data-stage={step.stage}>
      <p className="flex flex-wrap items-baseline gap-x-2 text-xs">
        <span
          className={`rounded px-1.5 py-0.5 font-semibold ${isDrop ? 'bg-red-700 text-white' : 'bg-slate-800 text-white dark:bg-slate-200 dark:text-slate-900'}`}
        >
          {t(`journey.stage.${step.stage}`)}
        </span>
        <span className="font-semibold">{step.where}</span>
        {step.dev && <span className="font-mono">{step.dev}</span>}
        {step.packet !== null && (
          <span className="text-slate-600 dark:text-slate-400">
            {t('journey.player.packetN', { id: step.packet })}
          </span>
        )}
        <span className="font-mono text-[10px] text-slate-500 dark:text-slate-400">{step.stage}</span>
      </p>
      <h3 className={H}>{t('journey.player.explanation')}</h3>
      <p className="leading-snug" data-testid="explanation" aria-live="polite">
        {explain(step.explain)}
      </p>
      {table && (
        <>
          <h3 className={H}>{t('journey.player.decided')}</h3>
          <DecisionView table={table} />
        </>
      )}
      <h3 className={H}>{t('journey.player.detail')}</h3>
      <p className="font-mono text-[11px] break-words text-slate-700 dark:text-slate-300">{step.line}</p>
      {packet ? (
        <PacketView layers={packet.layers} before={packet.before} changed={packet.changed} />
      ) : (
        <p className="text-xs text-slate-600 dark:text-slate-400">{t('journey.player.noHeaders')}</p>
      )}
    </div>
  );
}

export const StepDetail = memo(function StepDetail() {
  const { t } = useTranslation();
  const { sim, journey, cursor, line } = usePlayer(
    useShallow((s) => ({ sim: s.sim, journey: s.journey, cursor: s.machine.cursor, line: s.line })),
  );
  const step = journey && cursor >= 0 ? journey.steps[cursor] : undefined;
  if (!sim || !journey) return null;
  if (!step)
    return (
      <div className="px-3 py-2 text-sm text-slate-700 dark:text-slate-300">
        <p>{t('journey.player.packets', { count: journey.packets.length })}</p>
        <ul className="mt-1 space-y-0.5 text-xs">
          {journey.packets.map((p) => (
            <li key={p.id} className="flex gap-2">
              <span className="shrink-0 text-slate-600 dark:text-slate-400">#{p.id}</span>
              <span className="min-w-0 truncate font-mono text-[11px]">{p.label}</span>
              <span className="ml-auto shrink-0 text-[11px]">
                {t(`journey.fate.${p.fate.kind}`, { where: 'where' in p.fate ? p.fate.where : '' })}
              </span>
            </li>
          ))}
        </ul>
        {line && <p className="sr-only">{line}</p>}
      </div>
    );
  return <Detail sim={sim} journey={journey} step={step} />;
});
