/**
 * The pieces a namespace box is drawn from: an interface chip (a port, carrying the edge handles), a container
 * card (its network mode told by icon, word and border, never by colour alone), and a bridge (a switch with its
 * ports on top). All text is rendered as React text: names typed by users never become markup.
 */
import { memo, useContext } from 'react';
import { Position } from '@xyflow/react';
import { useTranslation } from '../i18n';
import type { TopoContainer, TopoDevice, TopoNs } from '../../sim';
import { StoreContext } from '../store_context';
import { handleSides, type BridgeView, type HandleSide } from './to_flow';
import { MODE_CARD, MODE_ICON } from './modes';

/**
 * Where a cable meets a chip: an empty element that React Flow measures once when the box is drawn (its
 * getHandleBounds looks for `.source` elements with `data-handleid` and `data-handlepos` in a node). Not React
 * Flow's <Handle>: each of those subscribes to React Flow's store, so a pan frame ran two selectors for every
 * one of the ~1,400 handles of 200 containers; and its absolutely placed, transformed 6 px square made each
 * handle a paint layer and a transform node of its own, which Chrome re-layerizes on every pan frame. The top
 * and bottom ones sit in the chip's flow (styles.css: .cnp-handle-t/b), so a chip is no paint layer either.
 */
function Handles({ dev, sides }: { dev: string; sides: readonly HandleSide[] }) {
  return sides.map((s) => (
    <span
      key={s}
      aria-hidden
      className={`source cnp-handle cnp-handle-${s}`}
      data-handleid={`${dev}:${s}`}
      data-handlepos={HANDLE_POS[s]}
    />
  ));
}

const HANDLE_POS: Record<HandleSide, Position> = {
  t: Position.Top,
  b: Position.Bottom,
  l: Position.Left,
  r: Position.Right,
};

/**
 * A label's classes: `truncate` (an ellipsis) only when it may not fit. text-overflow needs overflow: hidden,
 * and each such clip splits the box into more paint chunks, which Chrome re-layerizes and re-records on every
 * pan frame (all the labels of 200 containers clipped: ~5 ms a frame). `fits` must hold wherever it is drawn.
 */
export const clipUnless = (fits: boolean) => (fits ? 'whitespace-nowrap' : 'truncate');

/**
 * Chip labels (monospace, 10-11 px) of at most this many characters always fit: the narrowest chip line is in
 * the LAN gateway's box (w-44 = 176 px), 124 px for a name after the box's and chip's borders and padding and
 * the state dot; monospace fonts advance at most 0.61 em (Liberation/DejaVu Mono 0.60), 18 x 0.61 x 11 = 121 px.
 */
const CHIP_CHARS = 18;

export function stateWord(d: TopoDevice): 'up' | 'down' | 'nocarrier' {
  if (!d.adminUp) return 'down';
  return d.operstate === 'UP' || d.operstate === 'UNKNOWN' ? 'up' : 'nocarrier';
}

export const Chip = memo(function Chip({
  dev,
  changed,
  selected,
  compact = false,
  sides,
}: {
  dev: TopoDevice;
  changed: boolean;
  selected: boolean;
  compact?: boolean;
  /** The sides a cable may leave this chip from (handleSides in to_flow.ts). */
  sides: readonly HandleSide[];
}) {
  const store = useContext(StoreContext);
  const { t } = useTranslation();
  const st = stateWord(dev);
  // Left and right handles are placed against the chip itself (the uplink NIC's); top and bottom are in flow.
  const across = sides.includes('l') || sides.includes('r');
  const label = compact ? dev.name : dev.linkName;
  const addr = dev.addrs[0];
  const title = `${dev.linkName}\n${dev.mac}${dev.addrs.length ? `\n${dev.addrs.join('\n')}` : ''}\nmtu ${dev.mtu} · ${dev.operstate}`;
  return (
    <button
      type="button"
      title={title}
      aria-pressed={selected}
      data-dev={dev.name}
      onClick={(e) => {
        e.stopPropagation();
        store.getState().select({ kind: 'dev', id: dev.id });
      }}
      className={[
        'nodrag flex min-w-0 flex-col items-start rounded-md border px-1.5 py-0.5 text-left font-mono leading-tight',
        across ? 'relative' : '',
        'border-slate-300 bg-white text-slate-800 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100',
        'focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-blue-600',
        st === 'down' ? 'opacity-60' : '',
        changed ? 'cnp-changed' : '',
        selected ? 'ring-2 ring-blue-600 dark:ring-blue-400' : '',
        compact ? 'text-[10px]' : 'text-[11px]',
      ].join(' ')}
    >
      <Handles dev={dev.id} sides={sides.filter((x) => x === 't')} />
      <span className="flex max-w-full items-center gap-1 font-semibold">
        <span
          aria-hidden
          className={`inline-block h-1.5 w-1.5 shrink-0 rounded-full ${st === 'up' ? 'bg-emerald-500' : st === 'down' ? 'border border-slate-500' : 'bg-amber-500'}`}
        />
        <span className={clipUnless(label.length <= CHIP_CHARS)}>{label}</span>
      </span>
      {!compact && addr !== undefined && (
        <span className={`${clipUnless(addr.length <= CHIP_CHARS)} text-slate-600 dark:text-slate-300`}>
          {addr}
        </span>
      )}
      {!compact && dev.addrs.length > 1 && <span className="text-slate-500">+{dev.addrs.length - 1}</span>}
      {st === 'down' && <span className="sr-only">{t('canvas.down')}</span>}
      <Handles dev={dev.id} sides={sides.filter((x) => x !== 't')} />
    </button>
  );
});

export const Card = memo(function Card({
  c,
  changed,
  selected,
}: {
  c: TopoContainer;
  changed: boolean;
  selected: boolean;
}) {
  const store = useContext(StoreContext);
  const { t } = useTranslation();
  const modeText = t(`mode.${c.mode}`, { target: c.modeTarget ?? '' });
  return (
    <div
      data-container={c.name}
      data-mode={c.mode}
      className={[
        'flex items-center gap-1.5 rounded-lg border-2 bg-white px-2 py-1 shadow-sm dark:bg-slate-800',
        MODE_CARD[c.mode],
        changed ? 'cnp-changed' : '',
        selected ? 'ring-2 ring-blue-600 dark:ring-blue-400' : '',
      ].join(' ')}
    >
      <button
        type="button"
        className="nodrag flex min-w-0 flex-1 items-center gap-1.5 text-left focus-visible:outline-2 focus-visible:outline-blue-600"
        aria-pressed={selected}
        // The card truncates long names, modes and port lists; the tooltip has them whole.
        title={[c.name, `${c.image} · ${modeText}`, ...c.ports].join('\n')}
        onClick={(e) => {
          e.stopPropagation();
          store.getState().select({ kind: 'ctr', id: c.id });
        }}
      >
        <span aria-hidden className="text-base leading-none">
          {MODE_ICON[c.mode]}
        </span>
        <span className="min-w-0">
          <span className="block truncate text-xs font-semibold text-slate-900 dark:text-slate-50">
            {c.name}
          </span>
          <span className="block truncate text-[10px] text-slate-600 dark:text-slate-300">
            {c.image} · <span className="font-medium">{modeText}</span>
          </span>
          {c.ports.length > 0 && (
            <span className="block truncate font-mono text-[10px] text-slate-600 dark:text-slate-300">
              {c.ports.join(' ')}
            </span>
          )}
        </span>
      </button>
      <button
        type="button"
        title={t('canvas.open', { name: c.name })}
        aria-label={t('canvas.open', { name: c.name })}
        className="nodrag rounded border border-slate-300 px-1 font-mono text-[10px] text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-600 dark:border-slate-600 dark:text-slate-200 dark:hover:bg-slate-700"
        onClick={(e) => {
          e.stopPropagation();
          void store.getState().typeHost(`docker exec -it ${c.name} sh`);
        }}
      >
        &gt;_
      </button>
    </div>
  );
});

export const Bridge = memo(function Bridge({
  b,
  changed,
  selected,
  role,
}: {
  b: BridgeView;
  changed: ReadonlySet<string>;
  selected: string | null;
  /** The role of the box it is drawn in (where its ports' cables may leave: handleSides in to_flow.ts). */
  role: TopoNs['role'];
}) {
  const store = useContext(StoreContext);
  const { t } = useTranslation();
  const dev = b.dev;
  return (
    <div className="flex flex-col gap-1" data-bridge={dev.name}>
      <div className="flex min-h-6 flex-wrap items-end gap-1 px-1">
        {b.ports.map((p) => (
          <Chip
            key={p.id}
            dev={p}
            changed={changed.has(`dev:${p.id}`)}
            selected={selected === `dev:${p.id}`}
            compact
            sides={handleSides(role, p.kind)}
          />
        ))}
      </div>
      <button
        type="button"
        aria-pressed={selected === `dev:${dev.id}`}
        title={`${dev.name}${dev.addrs.length ? `\n${dev.addrs.join('\n')}` : ''}\n${dev.mac}`}
        onClick={(e) => {
          e.stopPropagation();
          store.getState().select({ kind: 'dev', id: dev.id });
        }}
        className={[
          'nodrag relative flex min-w-0 items-center gap-2 rounded-md border-2 border-indigo-700 bg-indigo-600 px-2 py-1 text-left text-white shadow',
          'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 dark:border-indigo-300 dark:bg-indigo-700',
          changed.has(`dev:${dev.id}`) ? 'cnp-changed' : '',
          selected === `dev:${dev.id}` ? 'ring-2 ring-blue-400' : '',
        ].join(' ')}
      >
        <span aria-hidden className="font-mono text-sm leading-none">
          ▤
        </span>
        {/* A one-box column is ~190 px: name and address wrap as whole words, never past the bar. */}
        <span className="flex min-w-0 flex-wrap items-baseline gap-x-2 leading-tight">
          <span className="truncate font-mono text-xs font-bold">{dev.name}</span>
          <span className="truncate font-mono text-[11px] opacity-90">
            {dev.addrs[0] ?? t('canvas.noAddr')}
          </span>
        </span>
        <span className="ml-auto shrink-0 text-[10px] whitespace-nowrap opacity-90">
          {t('canvas.ports', { count: b.ports.length })}
          {!dev.adminUp ? ` · ${t('canvas.down')}` : ''}
        </span>
      </button>
    </div>
  );
});
