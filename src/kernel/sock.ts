/**
 * Sockets: listeners and the applications behind them (HTTP, DNS, docker-proxy), and the events they
 * schedule. Placeholder until the transport lands.
 */
import type { KernelCtx } from './context';
import type { NsId } from './types';

export function socketAppEvent(_ctx: KernelCtx, _ns: NsId, _socket: number, _action: string): void {}
