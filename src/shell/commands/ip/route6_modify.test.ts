import { describe, expect, it } from 'vitest';
import { runLines } from '../../../cli/test_lines';

describe('ip -6 route replace/change', () => {
  it('swaps the static route of a prefix and metric, as Linux 6.18 does', async () => {
    const out = await runLines([
      'ip netns add z',
      'ip -n z link add d0 type veth peer name d1',
      'ip -n z link set d0 up',
      'ip -n z link set d1 up',
      'ip -n z addr add fd00:5::1/64 dev d0 nodad',
      'ip -n z -6 route replace fd00:9::/64 via fd00:5::2',
      'ip -n z -6 route replace fd00:9::/64 via fd00:5::3',
      'ip -n z -6 route replace fd00:9::/64 via fd00:5::4 metric 5',
      'ip -n z -6 route change fd00:8::/64 via fd00:5::2',
      'ip -n z -6 route change fd00:9::/64 via fd00:5::7',
      'ip -n z -6 route',
    ]);
    expect(out[8]).toMatchObject({ stderr: 'Error: Can not replace route - no match found.\n', exitCode: 2 });
    expect(out[10]?.stdout).toBe(
      'fd00:5::/64 dev d0 proto kernel metric 256 pref medium\n' +
        'fd00:9::/64 via fd00:5::4 dev d0 metric 5 pref medium\n' +
        'fd00:9::/64 via fd00:5::7 dev d0 metric 1024 pref medium\n' +
        'fe80::/64 dev d1 proto kernel metric 256 pref medium\n' +
        'fe80::/64 dev d0 proto kernel metric 256 pref medium\n',
    );
  });
});
