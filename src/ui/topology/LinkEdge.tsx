/**
 * A veth pair or a cable as one cheap SVG edge: a bezier path and, when zoomed in enough to read it, its label
 * (`eth0@if7 ↔ veth1a2b3c4@if6`) as SVG text with a halo, so no HTML label layer and no text measuring.
 */
import { memo } from 'react';
import { BaseEdge, getBezierPath, useStore as useFlowStore, type EdgeProps } from '@xyflow/react';
import type { LinkEdge as LinkEdgeType } from './to_flow';

const zoomedIn = (s: { transform: [number, number, number] }) => s.transform[2] >= 0.5;

export const LinkEdge = memo(function LinkEdge(props: EdgeProps<LinkEdgeType>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, selected } = props;
  const showLabel = useFlowStore(zoomedIn);
  const [path, lx, ly] = getBezierPath({
    sourceX,
    sourceY,
    targetX,
    targetY,
    sourcePosition,
    targetPosition,
  });
  const wire = data?.kind === 'wire';
  const cls = [
    'cnp-edge',
    wire ? 'cnp-edge-wire' : 'cnp-edge-veth',
    data?.changed ? 'cnp-edge-changed' : '',
    selected ? 'cnp-edge-selected' : '',
  ].join(' ');
  return (
    <>
      <BaseEdge id={id} path={path} className={cls} interactionWidth={14} />
      {showLabel && data?.label && (
        // Two lines (one end each) so the labels of neighbouring cables do not run into each other.
        <text x={lx} y={ly} className="cnp-edge-label" textAnchor="middle">
          {data.label.split(' ↔ ').map((part, i, all) => (
            <tspan key={i} x={lx} dy={i === 0 ? `${-(all.length - 1) * 0.55 + 0.35}em` : '1.1em'}>
              {i < all.length - 1 ? `${part} ↔` : part}
            </tspan>
          ))}
        </text>
      )}
    </>
  );
});
