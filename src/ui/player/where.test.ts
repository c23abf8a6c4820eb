import { describe, expect, it } from 'vitest';
import type { JourneyStep } from '../../sim';
import { packetPlace } from './where';

/** Just what packetPlace reads of a step. */
const step = (ns: string, packet: number | null, move: JourneyStep['move'] = null) =>
  ({ ns, packet, move }) as JourneyStep;

const veth = { link: 'veth:1', from: 'd1', to: 'd2', toNs: 'host' };
const steps = [
  step('c1', 7), // route lookup in c1: nothing crossed yet
  step('c1', 7, veth), // c1's eth0 sends: the frame crosses c1's veth pair
  step('host', 7), // the host's end receives it: the frame rests there
  step('host', 8), // another packet: not this one's place
  step('c2', 7), // packet 7 seen in c2 without a move to it (another path): no place
  step('host', null),
];

describe('where the graph shows the packet', () => {
  it('runs on the link it crosses, rests at the receiving end while it is there', () => {
    expect(packetPlace(steps, 0)).toBeNull();
    expect(packetPlace(steps, 1)).toEqual({ move: veth, moving: true });
    expect(packetPlace(steps, 2)).toEqual({ move: veth, moving: false });
    expect(packetPlace(steps, 3)).toBeNull();
    expect(packetPlace(steps, 4)).toBeNull();
    expect(packetPlace(steps, 5)).toBeNull();
    expect(packetPlace(steps, -1)).toBeNull();
  });
});
