import { describe, expect, it } from 'vitest';
import { QueryRunner, hostProcIn } from './query';
import { drive } from './test_helpers';

describe('QueryRunner', () => {
  it('prints what the terminal would, in another namespace, without changing the World', async () => {
    const d = await drive();
    await d.run('ip netns add red');
    await d.run('ip -n red link set lo up');
    const w = d.sim.world;
    const red = w.kernel.namedNs['red'] as string;
    const q = new QueryRunner();
    const r = await q.run(w, hostProcIn(w, red), 'ip -br link');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe('lo               UNKNOWN        00:00:00:00:00:00 <LOOPBACK,UP,LOWER_UP> \n');
    const r2 = await q.run(w, hostProcIn(w, red), 'ip link add x type bridge');
    expect(r2.exitCode).toBe(0);
    expect(d.sim.world).toBe(w);
    const r3 = await q.run(w, hostProcIn(w, red), 'ip -br link show x');
    expect(r3.stderr).toContain('does not exist');
  });
});
