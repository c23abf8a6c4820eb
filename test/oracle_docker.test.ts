/**
 * The oracle's topology built with docker commands gives the oracle's captures from every viewpoint, up to
 * what Docker randomises (scripts/oracle_docker.ts). The only differences left are the host's uplink: the
 * oracle cabled gt-host's eth0 as a veth to gt-lan (eth0@if2, qdisc noqueue, link-netnsid 0), while the
 * simulated Docker host has a NIC (plain eth0, qdisc fq_codel), as a real host does (oracle observation 13).
 */
import { describe, expect, it } from 'vitest';
import { runOracleDocker } from '../scripts/oracle_docker';

const UPLINK_ONLY = new Set([
  'before-pings/host_ip_a',
  ...['host', 'host-mode'].flatMap((v) =>
    [
      'ip_a',
      'ip_addr_show',
      'ip_4_addr_show',
      'ip_br_a',
      'ip_br_link',
      'ip_link',
      'ip_d_link',
      'ip_s_link',
      'ip_j_a',
      'ip_j_link',
      'busybox_ip_a',
      'busybox_ip_link',
    ].map((c) => `${v}/${c}`),
  ),
]);

describe('oracle replayed on a docker-built topology', () => {
  it('matches every capture except the uplink NIC ones', async () => {
    const r = await runOracleDocker();
    const unexpected = r.failed.filter((f) => !UPLINK_ONLY.has(f.key));
    expect(unexpected.map((f) => `${f.key}: ${f.command}\n${f.diff}`)).toEqual([]);
    expect(r.passed.length).toBeGreaterThanOrEqual(318);
  }, 600_000);
});
