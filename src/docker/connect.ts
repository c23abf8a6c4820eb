/**
 * `docker network connect` / `disconnect` on the daemon side (daemon/container_operations.go ConnectToNetwork,
 * updateNetworkSettings, DisconnectFromNetwork): a stopped container only has its network list edited; a
 * running one gets (or loses) an endpoint in its sandbox, and the gateway is re-elected.
 */
import { withEntry } from '../lib';
import type { KernelCtx } from '../kernel';
import { DockerError, invalid } from './errors';
import { findNetwork, tryFindNetwork } from './network';
import { endpointOf, joinNetwork, leaveNetwork, updateGateway } from './sandbox';
import type { DockerContainer, DockerState, EndpointConfig } from './state';
import { validateEndpointSettings } from './validate';
import { effectiveBindings, emptyEndpointConfig, isContainerMode, type EndpointRequest } from './container';

/** daemon.ConnectToNetwork */
export function connectContainer(
  ctx: KernelCtx,
  st: DockerState,
  c: DockerContainer,
  netTerm: string,
  req: EndpointRequest,
): void {
  if (c.status === 'running' && isContainerMode(c.networkMode)) {
    throw forbiddenShared();
  }
  const n = c.status === 'running' ? findNetwork(st, netTerm) : tryFindNetwork(st, netTerm);
  if (!n) {
    c.networks = withEntry(c.networks, netTerm, emptyEndpointConfig('', req));
    return;
  }
  const err = validateEndpointSettings(n, n.name, req);
  if (err) throw invalid(err);
  // updateNetworkSettings
  if (c.networkMode !== 'host' && n.driver === 'host') throw conflictHost();
  for (const k of Object.keys(c.networks)) {
    const sn = tryFindNetwork(st, c.networks[k]?.networkId || k);
    if (!sn) continue;
    if (sn.name === n.name) {
      if (c.status !== 'running') return;
      const sb = c.sandboxId ? st.sandboxes[c.sandboxId] : undefined;
      if (sb) joinNetwork(ctx, st, sb, c, n, c.networks[sn.name] as EndpointConfig);
      return;
    }
    if (sn.driver === 'host' || n.driver === 'host') throw forbiddenShared();
    if (sn.name === 'none' || n.name === 'none')
      throw new DockerError(
        'forbidden',
        'container cannot be connected to multiple networks with one of the networks in private (none) mode',
      );
  }
  c.networks = withEntry(c.networks, n.name, emptyEndpointConfig(n.id, req));
  if (c.status === 'running') {
    const sb = c.sandboxId ? st.sandboxes[c.sandboxId] : undefined;
    if (!sb) throw forbiddenShared();
    const save = c.portBindings;
    c.portBindings = effectiveBindings(c);
    try {
      joinNetwork(ctx, st, sb, c, n, c.networks[n.name] as EndpointConfig);
    } finally {
      c.portBindings = save;
    }
  }
}

function forbiddenShared(): DockerError {
  return new DockerError(
    'forbidden',
    'container sharing network namespace with another container or host cannot be connected to any other network',
  );
}

function conflictHost(): DockerError {
  return new DockerError(
    'forbidden',
    'container cannot be disconnected from host network or connected to host network',
  );
}

/** daemon.DisconnectFromNetwork */
export function disconnectContainer(
  ctx: KernelCtx,
  st: DockerState,
  c: DockerContainer,
  netTerm: string,
  force: boolean,
): void {
  const n = tryFindNetwork(st, netTerm);
  if (c.status !== 'running' || (!n && force)) {
    const key = Object.keys(c.networks).find((k) => k === netTerm || (n !== null && k === n.name));
    if (key === undefined && !force)
      throw new DockerError('system', `container ${c.id} is not connected to the network ${netTerm}`);
    if (key !== undefined) delete c.networks[key];
    return;
  }
  if (!n) findNetwork(st, netTerm);
  const net = n as NonNullable<typeof n>;
  if (c.networkMode === 'host' && net.driver === 'host') throw conflictHost();
  const key = Object.keys(c.networks).find((k) => k === net.name);
  if (key === undefined)
    throw new DockerError('system', `container ${c.id} is not connected to network ${net.name}`);
  delete c.networks[key];
  const ep = endpointOf(st, c, net);
  const sb = c.sandboxId ? st.sandboxes[c.sandboxId] : undefined;
  if (ep && sb) {
    const save = c.portBindings;
    c.portBindings = effectiveBindings(c);
    try {
      leaveNetwork(ctx, st, sb, ep);
      updateGateway(ctx, st, sb);
    } finally {
      c.portBindings = save;
    }
  }
}
