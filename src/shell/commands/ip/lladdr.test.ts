import { describe, expect, it } from 'vitest';
import { runLines } from '../../../cli/test_lines';
import { llAddrA2n } from './lladdr';

describe('ll_addr_a2n', () => {
  it('reads each byte with %x and names the component that fails', () => {
    expect(llAddrA2n('2:0x1f:AB:0:0:1')).toEqual({ mac: '02:1f:ab:00:00:01', len: 6 });
    expect(() => llAddrA2n('zz:00')).toThrow('"zz" is invalid lladdr.\n');
    expect(() => llAddrA2n('02:zz')).toThrow('"zz" is invalid lladdr.\n');
    expect(() => llAddrA2n('02:100')).toThrow('"100" is invalid lladdr.\n');
  });
});

/** Checked on Linux 6.18 / iproute2 6.1 (test/oracle-variants/neighlink). */
describe('neighbours the stack keeps by itself, and failed adds', () => {
  it('a bridge up with snooping has the NOARP 224.0.0.22 entry; an add without lladdr leaves nothing', async () => {
    const r = await runLines([
      'ip netns add h',
      'ip -n h link add br0 type bridge',
      'ip -n h link set br0 up',
      'ip -n h neigh add 10.3.0.61 dev br0',
      'ip netns exec h ip -4 neigh show nud noarp',
      'ip netns exec h cat /proc/net/arp',
      'ip -n h link set br0 down',
      'ip netns exec h ip -4 neigh show nud noarp',
    ]);
    expect(r[3]?.stderr).toBe('Error: No link layer address given.\n');
    expect(r[4]?.stdout).toBe('224.0.0.22 dev br0 lladdr 01:00:5e:00:00:16 NOARP \n');
    expect(r[5]?.stdout).toBe(
      'IP address       HW type     Flags       HW address            Mask     Device\n',
    );
    expect(r[7]?.stdout).toBe('');
  });

  it('bridge link resolves the peer index in its own namespace (no link-netnsid in the PF_BRIDGE dump)', async () => {
    const r = await runLines([
      'ip netns add h',
      'ip netns add x',
      'ip -n h link add br0 type bridge',
      'ip -n h link add vethx0 type veth peer name eth0 netns x',
      'ip -n h link set vethx0 master br0',
      'ip netns exec h bridge link',
      'ip -n h link set br0 up',
      'ip netns exec h bridge link',
    ]);
    // M-DOWN: the device the index resolves to here (br0) is down.
    expect(r[5]?.stdout).toBe(
      '3: vethx0@br0: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 master br0 state disabled priority 32 cost 2 \n',
    );
    expect(r[7]?.stdout).toBe(
      '3: vethx0@br0: <BROADCAST,MULTICAST> mtu 1500 master br0 state disabled priority 32 cost 2 \n',
    );
  });
});
