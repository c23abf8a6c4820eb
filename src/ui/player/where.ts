/**
 * Where the graph shows the packet of a step: on the link it crosses at that step (moving), or resting at the
 * receiving end of the last link its packet crossed, while it is still in that namespace (a frame that
 * arrived at the host's veth stays drawn there through the bridge's and iptables' steps). Pure.
 */
import type { JourneyMove, JourneyStep } from '../../sim';

export interface PacketPlace {
  move: JourneyMove;
  /** The frame crosses the link at this very step (the dot runs), or rests at its receiving end. */
  moving: boolean;
}

export function packetPlace(steps: readonly JourneyStep[], cursor: number): PacketPlace | null {
  const cur = steps[cursor];
  if (!cur) return null;
  if (cur.move) return { move: cur.move, moving: true };
  if (cur.packet === null) return null;
  for (let i = cursor - 1; i >= 0; i--) {
    const s = steps[i] as JourneyStep;
    if (s.packet !== cur.packet || !s.move) continue;
    return s.move.toNs === cur.ns ? { move: s.move, moving: false } : null;
  }
  return null;
}
