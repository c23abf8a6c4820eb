/**
 * The applications behind listening sockets (HTTP, DNS, echo, docker-proxy) and the events they schedule.
 * Placeholder until the transport (TCP/UDP listeners) lands.
 */
import type { KernelCtx } from './context';
import type { NsId } from './types';

export function socketAppEvent(_ctx: KernelCtx, _ns: NsId, _socket: number, _action: string): void {}
