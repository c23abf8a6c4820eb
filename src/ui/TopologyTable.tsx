/**
 * The topology as a table (for screen readers, and for anyone who prefers rows to boxes): every namespace, its
 * interfaces with addresses, state and what each is connected to, and the containers running in it.
 */
import { useContext } from 'react';
import { useTranslation } from './i18n';
import { useStore } from 'zustand';
import type { Topology, TopoDevice } from '../sim';
import { StoreContext } from './store_context';

const TH = 'border border-slate-300 px-2 py-1 text-left font-semibold dark:border-slate-600';
const TD = 'border border-slate-300 px-2 py-1 align-top dark:border-slate-600';

function connectedTo(
  t: Topology,
  d: TopoDevice,
  label: (k: string, o: Record<string, string>) => string,
): string {
  const parts: string[] = [];
  const peer = d.peer ? t.devices[d.peer] : undefined;
  if (peer) parts.push(`${peer.name} (${t.namespaces[peer.ns]?.title ?? ''})`);
  if (d.master) parts.push(label('table.master', { name: t.devices[d.master]?.name ?? '' }));
  if (d.kind === 'bridge') parts.push(d.ports.map((p) => t.devices[p]?.name ?? '').join(', '));
  return parts.join('; ');
}

export function TopologyTable() {
  const store = useContext(StoreContext);
  const { t } = useTranslation();
  const topo = useStore(store, (s) => s.topo);
  if (!topo) return null;
  const label = (k: string, o: Record<string, string>) => t(k, o);
  return (
    <div
      className="h-full overflow-auto p-3 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-blue-600"
      data-testid="topology-table"
      tabIndex={0}
      role="region"
      aria-label={t('table.caption')}
    >
      <table className="w-full border-collapse text-sm">
        <caption className="mb-2 text-left text-sm font-semibold">{t('table.caption')}</caption>
        <thead className="bg-slate-100 dark:bg-slate-800">
          <tr>
            <th scope="col" className={TH}>
              {t('table.ns')}
            </th>
            <th scope="col" className={TH}>
              {t('table.containers')}
            </th>
            <th scope="col" className={TH}>
              {t('table.iface')}
            </th>
            <th scope="col" className={TH}>
              {t('table.kind')}
            </th>
            <th scope="col" className={TH}>
              {t('table.addr')}
            </th>
            <th scope="col" className={TH}>
              {t('table.state')}
            </th>
            <th scope="col" className={TH}>
              {t('table.link')}
            </th>
          </tr>
        </thead>
        <tbody>
          {topo.order.map((id) => {
            const ns = topo.namespaces[id];
            if (!ns) return null;
            const devs = Object.values(topo.devices)
              .filter((d) => d.ns === id && !(ns.role === 'external' && d.kind === 'loopback'))
              .sort((a, b) => a.ifindex - b.ifindex);
            const ctrs = ns.containers
              .map((c) => topo.containers[c])
              .map((c) => (c ? `${c.name} (${t(`mode.${c.mode}`, { target: c.modeTarget ?? '' })})` : ''))
              .join(', ');
            const nsTitle =
              ns.role === 'host'
                ? `${ns.title} (${t('canvas.root')})`
                : ns.role === 'external'
                  ? ns.title
                  : `${ns.title}${ns.subtitle ? ` — ${ns.subtitle}` : ''}`;
            return devs.map((d, i) => (
              <tr key={d.id}>
                {i === 0 && (
                  <>
                    <th scope="rowgroup" rowSpan={devs.length} className={`${TD} text-left font-semibold`}>
                      {nsTitle}
                    </th>
                    <td rowSpan={devs.length} className={TD}>
                      {ctrs}
                    </td>
                  </>
                )}
                <td className={`${TD} font-mono`}>{d.linkName}</td>
                <td className={TD}>{d.kind}</td>
                <td className={`${TD} font-mono`}>{d.addrs.join(', ')}</td>
                <td className={TD}>{d.adminUp ? d.operstate : 'DOWN'}</td>
                <td className={`${TD} font-mono`}>{connectedTo(topo, d, label)}</td>
              </tr>
            ));
          })}
        </tbody>
      </table>
    </div>
  );
}
