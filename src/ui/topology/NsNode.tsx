/**
 * One network namespace as one graph node: the Docker host's frame (its ports in column 0, each bridge in a
 * column of its own, `host` containers inside), a sandbox or `ip netns` box (container cards, then its
 * interfaces along the edge facing its cable), or the LAN gateway / internet uplink.
 */
import { memo, useContext, useEffect, useMemo, useRef } from 'react';
import { useUpdateNodeInternals, type NodeProps } from '@xyflow/react';
import { useTranslation } from '../i18n';
import { GEOMETRY } from '../../store';
import { StoreContext } from '../store_context';
import { Bridge, Card, Chip, clipUnless } from './parts';
import { CloudIcon, RouterIcon, ServerIcon } from './icons';
import { handleSides, type NsFlowNode } from './to_flow';

const BOX_STYLE: Record<string, string> = {
  bridge: 'border-solid border-sky-500/80 dark:border-sky-400/80',
  none: 'border-dotted border-slate-500 dark:border-slate-400',
  container: 'border-solid border-sky-500/80 dark:border-sky-400/80',
  netns: 'border-dashed border-teal-600 dark:border-teal-400',
};

/**
 * A sandbox's title (`netns 3832d28099ca`, 10 px monospace, no sub-title) of at most this many characters fits
 * its box without a clip (clipUnless): 192 px less borders and padding leave 164 px, 24 x 0.61 x 10 = 146 px.
 */
const SMALL_TITLE_CHARS = 24;

function Header({
  title,
  sub,
  selected,
  onClick,
  label,
  small = false,
}: {
  title: string;
  sub: string;
  selected: boolean;
  onClick: () => void;
  label?: string;
  small?: boolean;
}) {
  return (
    <button
      type="button"
      onClick={(e) => {
        e.stopPropagation();
        onClick();
      }}
      aria-pressed={selected}
      className="flex w-full min-w-0 items-baseline gap-2 rounded px-1 text-left focus-visible:outline-2 focus-visible:outline-blue-600"
    >
      <span
        className={
          small
            ? `${clipUnless(title.length <= SMALL_TITLE_CHARS)} font-mono text-[10px] text-slate-600 dark:text-slate-300`
            : 'truncate text-sm font-semibold text-slate-900 dark:text-slate-50'
        }
      >
        {title}
      </span>
      {label && <span className="sr-only">{label}</span>}
      {sub && (
        <span className="truncate text-[10px] tracking-wide text-slate-600 uppercase dark:text-slate-300">
          {sub}
        </span>
      )}
    </button>
  );
}

export const NsNode = memo(function NsNode({ id, data }: NodeProps<NsFlowNode>) {
  const store = useContext(StoreContext);
  const { t } = useTranslation();
  const update = useUpdateNodeInternals();
  const { ns, devices, bridges, containers, changed, boxChanged, changeSeq, selected } = data;
  const changedSet = useMemo(() => new Set(changed), [changed]);
  // Interfaces come and go inside the node: let React Flow re-measure where their handles are. Not when the
  // box mounts: React Flow's resize observer measures a new box and its handles anyway, and a forced update
  // then reads the layout of the whole page once per new box (a cold load, a loop of `docker run`).
  const handleKey =
    devices.map((d) => d.id).join() + bridges.map((b) => b.ports.map((p) => p.id).join()).join('|');
  const measuredKey = useRef(handleKey);
  useEffect(() => {
    if (measuredKey.current === handleKey) return;
    measuredKey.current = handleKey;
    update(id);
  }, [update, id, handleKey]);
  const selectNs = () => store.getState().select({ kind: 'ns', id: ns.id });
  const pulse = boxChanged ? 'cnp-changed' : '';
  const isSel = selected === `ns:${ns.id}`;

  if (ns.role === 'host') {
    const g = GEOMETRY;
    return (
      <div
        data-ns="host"
        key={changeSeq}
        className={`rounded-2xl border-2 border-slate-400 bg-slate-100/80 pb-3 shadow-sm dark:border-slate-500 dark:bg-slate-900/80 ${isSel ? 'ring-2 ring-blue-600' : ''}`}
        style={{ minWidth: g.pad * 2 + data.colWidths.reduce((a, w) => a + w, 0) }}
      >
        <div className="flex items-center gap-2 border-b border-slate-300 px-3 py-1.5 dark:border-slate-700">
          <ServerIcon />
          <Header title={ns.title} sub={t('canvas.root')} selected={isSel} onClick={selectNs} />
        </div>
        <div
          className="grid items-end gap-y-2 pt-3"
          style={{
            gridTemplateColumns: data.colWidths.map((w) => `${w}px`).join(' '),
            paddingLeft: g.pad,
            paddingRight: g.pad,
          }}
        >
          <div className="flex flex-col gap-2 pr-4" style={{ gridColumn: 1, gridRow: 1 }}>
            {containers.length > 0 && (
              <div className="flex flex-col gap-1">
                {containers.map((c) => (
                  <Card
                    key={c.id}
                    c={c}
                    changed={changedSet.has(`ctr:${c.id}`)}
                    selected={selected === `ctr:${c.id}`}
                  />
                ))}
              </div>
            )}
            <div className="flex flex-wrap items-end gap-1">
              {/* The uplink NIC first, at the frame's left edge where its cable leaves for the LAN gateway. */}
              {[...devices]
                .sort((a, b) => Number(b.kind === 'ether') - Number(a.kind === 'ether'))
                .map((d) => (
                  <Chip
                    key={d.id}
                    dev={d}
                    changed={changedSet.has(`dev:${d.id}`)}
                    selected={selected === `dev:${d.id}`}
                    sides={handleSides(ns.role, d.kind)}
                  />
                ))}
            </div>
          </div>
          {bridges.map((b) => (
            <div key={b.dev.id} className="pr-4" style={{ gridColumn: b.col + 1, gridRow: 1 }}>
              <Bridge b={b} changed={changedSet} selected={selected} role={ns.role} />
            </div>
          ))}
        </div>
      </div>
    );
  }

  if (ns.role === 'external') {
    const isLan = devices.length > 1;
    return (
      <div
        data-ns={ns.title}
        className={`w-44 rounded-3xl border-2 border-dashed border-slate-400 bg-white/90 px-3 py-2 text-center shadow-sm dark:border-slate-500 dark:bg-slate-900/90 ${isSel ? 'ring-2 ring-blue-600' : ''}`}
      >
        <div className="flex items-center justify-center gap-1.5">
          {isLan ? <RouterIcon /> : <CloudIcon />}
          <Header
            title={isLan ? t('canvas.lan') : t('canvas.internet')}
            sub=""
            selected={isSel}
            onClick={selectNs}
          />
        </div>
        <div className="mt-1 flex flex-wrap justify-center gap-1">
          {devices.map((d) => (
            <Chip
              key={d.id}
              dev={d}
              changed={changedSet.has(`dev:${d.id}`)}
              selected={selected === `dev:${d.id}`}
              sides={handleSides(ns.role, d.kind)}
            />
          ))}
        </div>
      </div>
    );
  }

  const mode = ns.role === 'netns' ? 'netns' : (ns.mode ?? 'bridge');
  const shared = containers.length > 1;
  return (
    <div
      data-ns={ns.title}
      data-mode={mode}
      key={changeSeq}
      className={[
        'flex flex-col gap-1.5 rounded-xl border-2 bg-white/95 p-2 dark:bg-slate-900/95',
        BOX_STYLE[mode] ?? '',
        shared ? 'outline-2 outline-offset-2 outline-fuchsia-500/60' : '',
        pulse,
        isSel ? 'ring-2 ring-blue-600' : '',
      ].join(' ')}
      style={{ width: GEOMETRY.boxW }}
    >
      <Header
        title={ns.role === 'netns' ? ns.title : `netns ${ns.subtitle.replace(/^.*\//, '')}`}
        sub={ns.role === 'netns' ? t('canvas.netns') : ''}
        label={
          ns.role === 'netns' ? `${t('canvas.netns')} ${ns.title}` : `${t('canvas.sandbox')} ${ns.title}`
        }
        selected={isSel}
        onClick={selectNs}
        small={ns.role !== 'netns'}
      />
      {containers.map((c) => (
        <Card
          key={c.id}
          c={c}
          changed={changedSet.has(`ctr:${c.id}`)}
          selected={selected === `ctr:${c.id}`}
        />
      ))}
      {bridges.map((b) => (
        <Bridge key={b.dev.id} b={b} changed={changedSet} selected={selected} role={ns.role} />
      ))}
      <div className="flex flex-wrap items-end gap-1">
        {devices.map((d) => (
          <Chip
            key={d.id}
            dev={d}
            changed={changedSet.has(`dev:${d.id}`)}
            selected={selected === `dev:${d.id}`}
            compact={d.kind === 'loopback'}
            sides={handleSides(ns.role, d.kind)}
          />
        ))}
      </div>
    </div>
  );
});
