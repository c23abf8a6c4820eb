/**
 * The packet at a step, layer by layer (Ethernet, ARP or IPv4, ICMP/TCP/UDP, DNS), as field/value rows. When
 * NAT rewrote the packet on this line, the copy before the rewrite is shown beside it and the changed fields
 * are marked.
 */
import { memo } from 'react';
import { useTranslation } from '../i18n';
import type { Layer } from '../../sim';

export const PacketView = memo(function PacketView({
  layers,
  before,
  changed,
}: {
  layers: Layer[];
  /** The packet before NAT, when it differs. */
  before: Layer[] | null;
  changed: ReadonlySet<string>;
}) {
  const { t } = useTranslation();
  const old = new Map(
    (before ?? []).flatMap((l) => l.fields.map((f): [string, string] => [`${l.id}.${f.id}`, f.value])),
  );
  return (
    <table className="w-full border-collapse text-[11px]" data-testid="packet">
      {before && (
        <thead>
          <tr className="text-left text-[10px] text-slate-600 dark:text-slate-400">
            <th scope="col" className="font-normal">
              <span className="sr-only">{t('journey.player.detail')}</span>
            </th>
            <th scope="col" className="px-1 font-normal">
              {t('journey.player.before')}
            </th>
            <th scope="col" className="px-1 font-normal">
              {t('journey.player.after')}
            </th>
          </tr>
        </thead>
      )}
      {layers.map((l) => (
        <tbody key={l.id} data-layer={l.id}>
          <tr>
            <th
              scope="rowgroup"
              colSpan={before ? 3 : 2}
              className="pt-1 text-left text-[11px] font-semibold text-slate-800 dark:text-slate-100"
            >
              {t(`journey.layer.${l.id}`)}
            </th>
          </tr>
          {l.fields.map((f) => {
            const key = `${l.id}.${f.id}`;
            const hot = changed.has(key);
            return (
              <tr key={f.id} data-field={key} className={hot ? 'bg-violet-100 dark:bg-violet-900/50' : ''}>
                <th
                  scope="row"
                  className="w-28 pr-2 pl-2 text-left align-top font-normal whitespace-nowrap text-slate-600 dark:text-slate-400"
                >
                  {t(`journey.field.${f.id}`)}
                </th>
                {before && (
                  <td className="px-1 font-mono break-all text-slate-600 dark:text-slate-400">
                    {old.get(key) ?? ''}
                  </td>
                )}
                <td className={`px-1 font-mono break-all ${hot ? 'font-semibold' : ''}`}>{f.value}</td>
              </tr>
            );
          })}
        </tbody>
      ))}
    </table>
  );
});
