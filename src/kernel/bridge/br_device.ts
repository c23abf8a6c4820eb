/**
 * Creating a bridge device (net/bridge/br_device.c, br_dev_setup): a random locally administered MAC that
 * will follow its ports unless set, carrier until the first port state selection, STP off, ageing 300 s, noqueue.
 */
import { BROADCAST_MAC, randomLocalMac } from '../../lib';
import type { KernelCtx } from '../context';
import { devByName } from '../context';
import { kerr, kok, type KResult } from '../errno';
import { allocName, registerDevice, validDevName, validPattern } from '../netdev/dev';
import type { BridgeDevice, NsId } from '../types';
import { fdbAddLocal } from './br_fdb';

export interface NewBridge {
  ns: NsId;
  name: string | null;
  mtu?: number | null;
  txqlen?: number | null;
  mac?: string | null;
}

export function createBridge(ctx: KernelCtx, spec: NewBridge): KResult<BridgeDevice> {
  if (spec.name !== null && !(validDevName(spec.name) && validPattern(spec.name))) return kerr('EINVAL');
  if (spec.name !== null && devByName(ctx.k, spec.ns, spec.name)) return kerr('EEXIST');
  const br = registerDevice(ctx, spec.ns, {
    kind: 'bridge',
    name: allocName(ctx, spec.ns, spec.name ?? 'bridge%d'),
    mac: spec.mac ?? randomLocalMac(ctx.rng),
    broadcast: BROADCAST_MAC,
    mtu: spec.mtu ?? 1500,
    mtuSetByUser: spec.mtu !== undefined && spec.mtu !== null,
    txqlen: spec.txqlen ?? 1000,
    adminUp: false,
    // A new net_device has carrier; only br_port_state_selection() turns it off (see linkwatch.ts).
    carrier: true,
    operstate: 'UNKNOWN',
    master: null,
    group: 0,
    alias: null,
    port: null,
    bridge: {
      ports: [],
      fdb: [],
      ageingTime: 30000,
      stpEnabled: false,
      priority: 0x8000,
      forwardDelay: 1500,
      helloTime: 200,
      maxAge: 2000,
      vlanFiltering: false,
      multicastSnooping: true,
      macSetByUser: spec.mac !== undefined && spec.mac !== null,
    },
  }) as BridgeDevice;
  fdbAddLocal(ctx, br, br.id, br.mac);
  return kok(br);
}
