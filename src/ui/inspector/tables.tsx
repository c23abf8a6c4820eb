/**
 * The inspector's structured tables: interfaces, routes (`route -n` columns), neighbours, bridge FDB, iptables
 * chains with counters. Plain <table>s with captions and header cells, readable by screen readers.
 */
import type { ReactNode } from 'react';
import { useTranslation } from '../i18n';
import type { NsTables } from '../../sim';

const TH = 'border-b border-slate-300 px-1.5 py-0.5 text-left font-semibold dark:border-slate-600';
const TD = 'border-b border-slate-200 px-1.5 py-0.5 align-top font-mono dark:border-slate-700';

function Table({ caption, head, rows }: { caption: string; head: string[]; rows: ReactNode[][] }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-[11px]">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            {head.map((h) => (
              <th key={h} scope="col" className={TH}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              {r.map((c, j) => (
                <td key={j} className={TD}>
                  {c}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function Empty({ text }: { text: string }) {
  return <p className="py-1 text-xs text-slate-600 dark:text-slate-400">{text}</p>;
}

export function InterfacesTable({ t: tb }: { t: NsTables }) {
  const { t } = useTranslation();
  return (
    <Table
      caption={t('inspector.interfaces')}
      head={[
        t('inspector.col.iface'),
        t('inspector.col.state'),
        t('inspector.col.ip'),
        t('inspector.col.mac'),
      ]}
      rows={tb.interfaces.map((i) => [
        <span key="n">
          {i.ifindex}: {i.name}
          {i.master ? <span className="block text-slate-500">master {i.master}</span> : null}
        </span>,
        i.state,
        <span key="a" className="whitespace-pre-line">
          {i.addrs.join('\n')}
        </span>,
        i.mac,
      ])}
    />
  );
}

export function RoutesTable({ t: tb }: { t: NsTables }) {
  const { t } = useTranslation();
  if (tb.routes.length === 0) return <Empty text={t('inspector.noRoutes')} />;
  return (
    <Table
      caption={t('inspector.routes')}
      head={[
        t('inspector.col.destination'),
        t('inspector.col.gateway'),
        t('inspector.col.genmask'),
        t('inspector.col.flags'),
        t('inspector.col.metric'),
        t('inspector.col.iface'),
      ]}
      rows={tb.routes.map((r) => [r.destination, r.gateway, r.genmask, r.flags, r.metric, r.iface])}
    />
  );
}

export function NeighTable({ t: tb }: { t: NsTables }) {
  const { t } = useTranslation();
  if (tb.neigh.length === 0) return <Empty text={t('inspector.noNeigh')} />;
  return (
    <Table
      caption={t('inspector.neigh')}
      head={[
        t('inspector.col.ip'),
        t('inspector.col.lladdr'),
        t('inspector.col.state'),
        t('inspector.col.iface'),
      ]}
      rows={tb.neigh.map((n) => [n.ip, n.lladdr, n.state, n.iface])}
    />
  );
}

export function FdbTable({ t: tb, bridge }: { t: NsTables; bridge?: string }) {
  const { t } = useTranslation();
  const rows = tb.fdb.filter((f) => !bridge || f.bridge === bridge);
  if (rows.length === 0) return <Empty text={t('inspector.noFdb')} />;
  return (
    <Table
      caption={t('inspector.fdb')}
      head={['bridge', t('inspector.col.mac'), t('inspector.col.port'), t('inspector.col.type')]}
      rows={rows.map((f) => [f.bridge, f.mac, f.port, f.type])}
    />
  );
}

export function IptablesTable({ t: tb }: { t: NsTables }) {
  const { t } = useTranslation();
  const chains = tb.chains.filter((c) => c.rules.length > 0 || c.policy !== 'ACCEPT');
  if (chains.length === 0) return <Empty text={t('inspector.noRules')} />;
  return (
    <div className="space-y-2">
      {chains.map((c) => (
        <div key={`${c.table}/${c.chain}`}>
          <p className="text-[11px] font-semibold">
            <span className="font-mono">-t {c.table}</span> {c.chain}
            {c.policy && (
              <span className="ml-1 font-normal text-slate-600 dark:text-slate-400">
                ({t('inspector.col.policy', { policy: c.policy })} · {c.pkts} pkts)
              </span>
            )}
          </p>
          <Table
            caption={`${c.table} ${c.chain}`}
            head={[t('inspector.col.pkts'), t('inspector.col.bytes'), t('inspector.col.rule')]}
            rows={c.rules.map((r) => [
              r.pkts,
              r.bytes,
              <span key="r" className="break-all">
                {r.text}
              </span>,
            ])}
          />
        </div>
      ))}
    </div>
  );
}
