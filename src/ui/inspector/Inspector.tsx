/**
 * The inspector: what is selected on the graph (a namespace, an interface, a container, a cable), its facts,
 * and the tables of the namespace it lives in. Each table has a "as the real command prints it" switch that
 * runs the real command read-only through the simulator.
 */
import { useContext, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from '../i18n';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { NsTables, Topology } from '../../sim';
import type { Selection } from '../../store';
import { StoreContext } from '../store_context';
import { RawOutput } from './RawOutput';
import { quote } from '../dialogs/commands';
import { FdbTable, IptablesTable, InterfacesTable, NeighTable, RoutesTable, Empty } from './tables';

type Tab = 'interfaces' | 'routes' | 'neigh' | 'fdb' | 'iptables' | 'docker';

/** The real commands each table is, run read-only in the selection's namespace (names are quoted). */
const RAW: Record<Tab, (ctx: { bridge?: string; container?: string; network?: string }) => string[]> = {
  interfaces: () => ['ip addr'],
  routes: () => ['route -n'],
  neigh: () => ['ip neigh'],
  fdb: ({ bridge }) => [bridge ? `bridge fdb show br ${quote(bridge)}` : 'bridge fdb show'],
  iptables: () => ['iptables -L -n -v', 'iptables -t nat -L -n -v'],
  docker: ({ container, network }) =>
    network
      ? [`docker network inspect ${quote(network)}`]
      : container
        ? [`docker inspect ${quote(container)}`]
        : ['docker network ls'],
};

function KV({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-xs">
      {rows.map(([k, v]) => (
        <div key={k} className="contents">
          <dt className="text-slate-600 dark:text-slate-400">{k}</dt>
          <dd className="min-w-0 font-mono break-all">{v}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Which namespace a selection lives in, and a title for it. */
function focus(topo: Topology, sel: NonNullable<Selection>): { ns: string; title: string } | null {
  switch (sel.kind) {
    case 'ns':
      return topo.namespaces[sel.id] ? { ns: sel.id, title: topo.namespaces[sel.id]?.title ?? '' } : null;
    case 'dev': {
      const d = topo.devices[sel.id];
      return d ? { ns: d.ns, title: d.linkName } : null;
    }
    case 'ctr': {
      const c = topo.containers[sel.id];
      return c ? { ns: c.ns ?? '', title: c.name } : null;
    }
    case 'link': {
      const l = topo.links.find((x) => x.id === sel.id);
      const a = l ? topo.devices[l.a] : undefined;
      return l && a ? { ns: a.ns, title: l.label } : null;
    }
  }
}

export function Inspector() {
  const store = useContext(StoreContext);
  const { t } = useTranslation();
  const { topo, sel, world } = useStore(
    store,
    useShallow((s) => ({ topo: s.topo, sel: s.selection, world: s.world })),
  );
  const [tab, setTab] = useState<Tab>('interfaces');
  const [raw, setRaw] = useState(false);
  const f = topo && sel ? focus(topo, sel) : null;
  const tables: NsTables | null = useMemo(() => {
    void world;
    return f?.ns ? store.getState().tables(f.ns) : null;
  }, [store, f?.ns, world]);
  if (!topo || !sel || !f) {
    return (
      <section aria-labelledby="inspector-title" className="px-3 py-2">
        <h2
          id="inspector-title"
          className="text-xs font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-400"
        >
          {t('inspector.title')}
        </h2>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{t('inspector.empty')}</p>
      </section>
    );
  }
  const dev = sel.kind === 'dev' ? topo.devices[sel.id] : undefined;
  const ctr = sel.kind === 'ctr' ? topo.containers[sel.id] : undefined;
  const link = sel.kind === 'link' ? topo.links.find((l) => l.id === sel.id) : undefined;
  const box = topo.namespaces[f.ns];
  const bridge = dev?.kind === 'bridge' ? dev.name : undefined;
  // A stopped container has no namespace: only its Docker view (docker inspect) is left to show.
  const tabs: Tab[] = f.ns ? ['interfaces', 'routes', 'neigh'] : [];
  if (tables && tables.bridges.length > 0) tabs.push('fdb');
  if (f.ns) tabs.push('iptables');
  // A Docker network's bridge: its Docker view is the network (IPAM: subnet, gateway).
  const network = dev?.kind === 'bridge' ? topo.networks.find((n) => n.bridge === dev.id) : undefined;
  if (ctr || network || (box && box.containers.length > 0)) tabs.push('docker');
  const active = tabs.includes(tab) ? tab : (tabs[0] ?? 'docker');
  const containerName =
    ctr?.name ?? (box?.containers[0] ? topo.containers[box.containers[0]]?.name : undefined);
  const rawLines = RAW[active]({ bridge, container: containerName, network: network?.name });

  let facts: [string, ReactNode][] = [];
  if (dev) {
    const peer = dev.peer ? topo.devices[dev.peer] : undefined;
    facts = [
      [t('inspector.kv.ifindex'), dev.ifindex],
      [t('inspector.kv.kind'), dev.kind],
      [t('inspector.kv.state'), `${dev.adminUp ? 'UP' : 'DOWN'} · ${dev.operstate}`],
      [t('inspector.kv.mac'), dev.mac],
      [t('inspector.kv.mtu'), dev.mtu],
      [t('inspector.kv.addrs'), dev.addrs.join(', ') || t('inspector.none')],
    ];
    if (dev.master) facts.push([t('inspector.kv.master'), topo.devices[dev.master]?.name ?? '']);
    if (network) {
      facts.push([
        t('inspector.kv.networks'),
        `${network.name} (${t('inspector.kv.driver')} ${network.driver})`,
      ]);
      if (network.subnet) facts.push([t('inspector.kv.subnet'), network.subnet]);
      if (network.gateway) facts.push([t('inspector.kv.gateway'), network.gateway]);
    }
    if (peer)
      facts.push([t('inspector.kv.peer'), `${peer.linkName} (${topo.namespaces[peer.ns]?.title ?? ''})`]);
  } else if (ctr) {
    facts = [
      [t('inspector.kv.id'), ctr.shortId],
      [t('inspector.kv.image'), ctr.image],
      [t('inspector.kv.status'), ctr.status],
      [t('inspector.kv.mode'), ctr.networkMode],
      [t('inspector.kv.networks'), ctr.networks.join(', ') || t('inspector.none')],
    ];
    if (ctr.ports.length) facts.push([t('inspector.kv.ports'), ctr.ports.join(', ')]);
  } else if (link) {
    const a = topo.devices[link.a];
    const b = topo.devices[link.b];
    facts = [
      [t('inspector.kv.kind'), link.kind],
      [
        t('inspector.kv.ends'),
        `${a?.name ?? ''} (${topo.namespaces[a?.ns ?? '']?.title ?? ''}) ↔ ${b?.name ?? ''} (${topo.namespaces[b?.ns ?? '']?.title ?? ''})`,
      ],
    ];
  } else if (box) {
    facts = [[t('inspector.kv.ns'), box.subtitle || box.netnsName || box.id]];
  }

  const ctrId = ctr?.id ?? box?.containers[0];
  const endpoints = ctrId ? store.getState().endpoints(ctrId) : [];
  return (
    <section
      aria-labelledby="inspector-title"
      className="flex min-h-0 flex-col px-3 py-2"
      data-testid="inspector"
    >
      <div className="flex items-start justify-between gap-2">
        <h2 id="inspector-title" className="min-w-0 text-sm font-semibold break-all">
          <span className="block text-xs tracking-wide text-slate-600 uppercase dark:text-slate-400">
            {t('inspector.title')}
          </span>
          {f.title}
        </h2>
        <button
          type="button"
          onClick={() => store.getState().select(null)}
          aria-label={t('inspector.close')}
          className="rounded px-1.5 text-lg leading-none text-slate-600 hover:bg-slate-200 focus-visible:outline-2 focus-visible:outline-blue-600 dark:text-slate-300 dark:hover:bg-slate-700"
        >
          ×
        </button>
      </div>
      <div className="mt-1">
        <KV rows={facts} />
      </div>
      {((f.ns && tables) || (ctr && !f.ns)) && (
        <>
          <div
            role="tablist"
            aria-label={t('inspector.title')}
            className="mt-2 flex flex-wrap gap-1 border-b border-slate-300 dark:border-slate-600"
          >
            {tabs.map((k) => (
              <button
                key={k}
                role="tab"
                type="button"
                id={`insp-tab-${k}`}
                aria-selected={k === active}
                aria-controls="insp-panel"
                onClick={() => setTab(k)}
                className={`rounded-t px-2 py-0.5 text-xs focus-visible:outline-2 focus-visible:outline-blue-600 ${k === active ? 'bg-slate-800 text-white dark:bg-slate-200 dark:text-slate-900' : 'text-slate-700 hover:bg-slate-200 dark:text-slate-300 dark:hover:bg-slate-700'}`}
              >
                {t(`inspector.${k}`)}
              </button>
            ))}
          </div>
          <div
            id="insp-panel"
            role="tabpanel"
            aria-labelledby={`insp-tab-${active}`}
            className="min-h-0 flex-1 overflow-auto pt-1"
          >
            <label className="mb-1 flex items-center gap-1.5 text-xs text-slate-700 dark:text-slate-300">
              <input
                type="checkbox"
                checked={raw}
                onChange={(e) => setRaw(e.target.checked)}
                className="accent-blue-700"
              />
              {t('inspector.raw')} <code className="font-mono">{rawLines.join('; ')}</code>
            </label>
            {raw ? (
              // docker talks to the daemon from the host (and a stopped container has no namespace of its own).
              rawLines.map((line) => (
                <RawOutput key={line} ns={active === 'docker' ? topo.hostNs : f.ns} line={line} />
              ))
            ) : (
              <>
                {tables && active === 'interfaces' && <InterfacesTable t={tables} />}
                {tables && active === 'routes' && <RoutesTable t={tables} />}
                {tables && active === 'neigh' && <NeighTable t={tables} />}
                {tables && active === 'fdb' && <FdbTable t={tables} bridge={bridge} />}
                {tables && active === 'iptables' && <IptablesTable t={tables} />}
                {active === 'docker' && network && (
                  <KV
                    rows={[
                      [t('inspector.kv.networks'), network.name],
                      [t('inspector.kv.id'), network.id.slice(0, 12)],
                      [t('inspector.kv.driver'), network.driver],
                      [t('inspector.kv.subnet'), network.subnet ?? t('inspector.none')],
                      [t('inspector.kv.gateway'), network.gateway ?? t('inspector.none')],
                    ]}
                  />
                )}
                {active === 'docker' &&
                  !network &&
                  (endpoints.length === 0 ? (
                    <Empty text={ctrId ? t('inspector.none') : t('inspector.notDocker')} />
                  ) : (
                    endpoints.map((e) => (
                      <KV
                        key={e.network}
                        rows={[
                          [t('inspector.kv.networks'), e.network],
                          ['ifname', e.ifName],
                          ['IPAddress', e.ip],
                          ['Gateway', e.gateway],
                          ['MacAddress', e.mac],
                          ['veth', e.hostVeth],
                          ...(e.ports.length
                            ? ([[t('inspector.kv.ports'), e.ports.join(', ')]] as [string, ReactNode][])
                            : []),
                        ]}
                      />
                    ))
                  ))}
              </>
            )}
          </div>
        </>
      )}
    </section>
  );
}
