/**
 * NF_HOOK(): run a packet through the netfilter hook `hook` of namespace `ns` (raw, conntrack, mangle, nat,
 * filter in priority order), applying NAT to the packet in place and updating rule counters and conntrack.
 * Emits `nf_hook` and `nat` trace events; a DROP verdict is the caller's to discard with
 * NETFILTER_DROP.
 *
 * STUB: always ACCEPT until the netfilter work lands. The packet path calls this at every hook.
 */
import type { KernelCtx } from '../context';
import type { DevId, NfHook, NsId, Packet } from '../types';

export type NfVerdict = 'ACCEPT' | 'DROP';

export interface NfHookOpts {
  /** The packet is being bridged (br_netfilter calls the IPv4 hooks for bridged traffic). */
  bridged?: boolean;
}

export function nfHook(
  _ctx: KernelCtx,
  _ns: NsId,
  _hook: NfHook,
  _pkt: Packet,
  _inDev: DevId | null,
  _outDev: DevId | null,
  _opts: NfHookOpts = {},
): NfVerdict {
  return 'ACCEPT';
}
