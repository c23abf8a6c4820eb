/**
 * "What decided": the table of the device that decided the step (its routing table, ARP table, bridge FDB or
 * ports, the iptables chain with counters, the conntrack entry), rendered from the World at that step with
 * the deciding row marked, and a note under it (no route, the flood, the NAT mapping, the drop reason).
 */
import { memo, useState } from 'react';
import { useTranslation } from '../i18n';
import type { DecisionTable } from '../../sim';
import { useExplain } from './text';

/** Rows shown on each side of the deciding one while the table is folded (a long chain fits a small screen). */
const AROUND = 2;

/** The rows to show: all, or a window around the deciding row when the table is long. */
export function rowWindow(rows: number, hit: number, all: boolean): [number, number] {
  if (all || rows <= AROUND * 2 + 1 || hit < 0) return [0, rows];
  const from = Math.max(0, Math.min(hit - AROUND, rows - (AROUND * 2 + 1)));
  return [from, Math.min(rows, from + AROUND * 2 + 1)];
}

export const DecisionView = memo(function DecisionView({ table }: { table: DecisionTable }) {
  const { t } = useTranslation();
  const explain = useExplain();
  const [all, setAll] = useState(false);
  const counters = table.rows.some((r) => r.counter !== undefined);
  const [from, to] = rowWindow(
    table.rows.length,
    table.rows.findIndex((r) => r.hit),
    all,
  );
  const folded = from > 0 || to < table.rows.length;
  return (
    <div data-testid="decision" className="mt-1">
      <h4 className="text-xs font-semibold text-slate-700 dark:text-slate-200">{explain(table.title)}</h4>
      {table.rows.length > 0 && (
        <table className="mt-0.5 w-full border-collapse font-mono text-[11px]">
          {counters && (
            <thead>
              <tr className="text-left text-[10px] text-slate-600 dark:text-slate-400">
                <th scope="col" className="pr-2 font-normal whitespace-nowrap">
                  {t('journey.table.counter')}
                </th>
                <th scope="col" className="font-normal">
                  <span className="sr-only">{t('journey.player.decided')}</span>
                </th>
              </tr>
            </thead>
          )}
          <tbody>
            {table.rows.slice(from, to).map((r, i) => (
              <tr
                key={from + i}
                data-hit={r.hit ? 'true' : undefined}
                className={
                  r.hit
                    ? 'bg-amber-100 font-semibold text-slate-950 outline outline-1 -outline-offset-1 outline-amber-500 dark:bg-amber-900/60 dark:text-amber-50'
                    : 'text-slate-700 dark:text-slate-300'
                }
              >
                {counters && (
                  <td className="pr-2 align-top whitespace-nowrap tabular-nums">{r.counter ?? ''}</td>
                )}
                <td className="px-1 break-words">
                  {r.hit && <span className="sr-only">→ </span>}
                  {r.text}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {(folded || all) && (
        <button
          type="button"
          onClick={() => setAll(!all)}
          className="mt-0.5 text-[11px] text-blue-700 underline hover:no-underline focus-visible:outline-2 focus-visible:outline-blue-600 dark:text-blue-300"
        >
          {all ? t('player.fewerRows') : t('player.allRows', { count: table.rows.length })}
        </button>
      )}
      {table.note && (
        <p className="mt-1 text-xs text-slate-700 dark:text-slate-300" data-testid="decision-note">
          {explain(table.note)}
        </p>
      )}
    </div>
  );
});
