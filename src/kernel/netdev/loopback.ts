/** The loopback device (drivers/net/loopback.c): ifindex 1 of every namespace, mtu 65536, txqueuelen 1000. */
import { ZERO_MAC } from '../../lib';
import type { KernelCtx } from '../context';
import type { NsId } from '../types';
import { registerDevice } from './dev';

export function createLoopback(ctx: KernelCtx, ns: NsId): void {
  registerDevice(ctx, ns, {
    kind: 'loopback',
    name: 'lo',
    mac: ZERO_MAC,
    broadcast: ZERO_MAC,
    mtu: 65536,
    txqlen: 1000,
    adminUp: false,
    // The loopback's carrier is never turned off and no linkwatch event ever sets its operstate.
    carrier: true,
    operstate: 'UNKNOWN',
    master: null,
    group: 0,
    alias: null,
    port: null,
  });
}
