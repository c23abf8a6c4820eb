import { describe, expect, it } from 'vitest';
import { changes } from './changes';
import { drive } from './test_helpers';

const brief = (list: ReturnType<typeof changes>) =>
  list.map((c) => `${c.op} ${c.what} ${c.subject} @${c.on} [${c.where}]`);

describe('changes', () => {
  it('explains a netns, a veth pair, addresses and the kernel routes they bring', async () => {
    const d = await drive();
    let r = await d.run('ip netns add red');
    expect(brief(changes(r.before, r.after))).toEqual(['add netns red @ [red]']);
    r = await d.run('ip link add veth-red type veth peer name eth0 netns red');
    expect(brief(changes(r.before, r.after))).toEqual(['add veth veth-red ↔ eth0 @ [red]']);
    await d.run('ip -n red link set eth0 up');
    r = await d.run('ip -n red addr add 10.1.0.2/24 dev eth0');
    expect(brief(changes(r.before, r.after))).toEqual([
      'add addr 10.1.0.2/24 @eth0 [red]',
      'add route 10.1.0.0/24 dev eth0 proto kernel scope link src 10.1.0.2 @ [red]',
    ]);
    const ids = changes(r.before, r.after)[0]?.ids ?? [];
    expect(ids[0]).toMatch(/^dev:/);
  });

  it('explains bridge ports and undo as the reverse', async () => {
    const d = await drive();
    await d.run('ip link add br0 type bridge');
    await d.run('ip link add v1 type veth peer name v2');
    const r = await d.run('ip link set v1 master br0');
    expect(brief(changes(r.before, r.after))).toContain('add port v1 @br0 [host]');
    expect(brief(changes(r.after, r.before))).toContain('del port v1 @br0 [host]');
    expect(changes(r.after, r.after)).toEqual([]);
  });
});
