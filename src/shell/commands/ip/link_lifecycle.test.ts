/**
 * Link creation and change forms (link_add.ts, link_setlink.ts and the kernel under them): both veth ends
 * made straight into other namespaces, a peer made without "peer" inheriting MTU and txqueuelen, a name
 * pattern, a bridge option this kernel refuses, labels across a rename, an address metric, user flags.
 * Every expected string was captured from the same commands on Linux 6.18 with iproute2 6.1.0.
 */
import { describe, expect, it } from 'vitest';
import { runLines, type LineOutcome } from '../../../cli/test_lines';

const SETUP = [
  'ip netns add vx-lt1',
  'ip netns add vx-lt2',
  'ip netns add vx-lt3',
  'ip -n vx-lt1 link add va address 02:00:00:00:00:0a netns vx-lt2 type veth peer name vb address 02:00:00:00:00:0b netns vx-lt3',
  'ip -n vx-lt1 link add vc mtu 1400 txqueuelen 300 address 02:00:00:00:00:0c type veth peer name vd address 02:00:00:00:00:0d',
  'ip -n vx-lt1 link add ve mtu 1400 txqueuelen 300 address 02:00:00:00:00:0e type veth',
  'ip -n vx-lt1 link add br%d address 02:00:00:00:00:01 type bridge',
  'ip -n vx-lt1 addr add 10.9.0.1/24 dev vc',
  'ip -n vx-lt1 addr add 10.9.0.2/24 dev vc',
  'ip -n vx-lt1 addr add 10.8.0.1/24 dev vc metric 30',
  'ip -n vx-lt1 link set vc name lan',
  'ip -n vx-lt1 link set vd promisc on arp off',
];

/** [line, stdout, stderr, exit code] as the real tools answered. */
const CHECKS: readonly [string, string, string, number][] = [
  [
    'ip -n vx-lt2 link show va',
    '2: va@if2: <BROADCAST,MULTICAST> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000\n    link/ether 02:00:00:00:00:0a brd ff:ff:ff:ff:ff:ff link-netns vx-lt3\n',
    '',
    0,
  ],
  [
    'ip -n vx-lt3 link show vb',
    '2: vb@if2: <BROADCAST,MULTICAST> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000\n    link/ether 02:00:00:00:00:0b brd ff:ff:ff:ff:ff:ff link-netns vx-lt2\n',
    '',
    0,
  ],
  [
    'ip -n vx-lt1 -br a',
    'lo               DOWN           \nvd@lan           DOWN           \nlan@vd           DOWN           10.9.0.1/24 10.8.0.1/24 metric 30 10.9.0.2/24 \nveth0@ve         DOWN           \nve@veth0         DOWN           \nbr0              DOWN           \n',
    '',
    0,
  ],
  ['ip netns exec vx-lt1 cat /sys/class/net/veth0/mtu', '1400\n', '', 0],
  ['ip netns exec vx-lt1 cat /sys/class/net/veth0/tx_queue_len', '300\n', '', 0],
  [
    'ip -n vx-lt1 link add bz type bridge vlan_filtering 1',
    '',
    'RTNETLINK answers: Operation not supported\n',
    2,
  ],
  [
    'ip -n vx-lt1 -4 -o a show dev lan',
    '3: lan    inet 10.9.0.1/24 scope global lan\\       valid_lft forever preferred_lft forever\n3: lan    inet 10.8.0.1/24 metric 30 scope global lan:2\\       valid_lft forever preferred_lft forever\n3: lan    inet 10.9.0.2/24 scope global secondary lan:3\\       valid_lft forever preferred_lft forever\n',
    '',
    0,
  ],
  [
    'ip -n vx-lt1 link show vd',
    '2: vd@lan: <BROADCAST,MULTICAST,NOARP,PROMISC,M-DOWN> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000\n    link/ether 02:00:00:00:00:0d brd ff:ff:ff:ff:ff:ff\n',
    '',
    0,
  ],
];

let cached: Promise<LineOutcome[]> | null = null;
/** The world is built once; each test looks at the outcome of its own lines. */
function run(): Promise<LineOutcome[]> {
  cached ??= runLines([...SETUP, ...CHECKS.map(([line]) => line)]);
  return cached;
}

describe('ip link lifecycle forms (real captures)', () => {
  it('sets the world up without errors', async () => {
    const out = await run();
    for (const o of out.slice(0, SETUP.length))
      expect([o.line, o.stderr, o.exitCode]).toEqual([o.line, '', 0]);
  });
  CHECKS.forEach(([line, stdout, stderr, code], i) => {
    it(line, async () => {
      const o = (await run())[SETUP.length + i] as LineOutcome;
      expect({ stdout: o.stdout, stderr: o.stderr, exitCode: o.exitCode }).toEqual({
        stdout,
        stderr,
        exitCode: code,
      });
    });
  });
});
