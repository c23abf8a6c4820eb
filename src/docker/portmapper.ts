/**
 * Published ports (libnetwork/portallocator + portmapper + the bridge driver's port_mapping_linux.go):
 * a host port is allocated per (protocol, host IP) and refused when taken ("port is already allocated");
 * ephemeral ports come from net.ipv4.ip_local_port_range, sequentially after the last one handed out
 * (portallocator findPort); v27 binds the same port for IPv4 and IPv6 (the IPv6 side is docker-proxy only on an
 * IPv4 network, so only IPv4 rules are programmed).
 */
import type { Ip4 } from '../lib';
import { formatIp4, parseIp4 } from '../lib';
import type { KernelCtx } from '../kernel';
import { DockerError } from './errors';
import type { DockerEndpoint, DockerNetwork, DockerState, PortBinding, PortMapping } from './state';
import { programPort, unprogramPort } from './drivers/bridge_rules';
import { closeProxy, openProxy } from './listeners';
import { xaGet } from '../kernel';

function portRange(ctx: KernelCtx, st: DockerState): [number, number] {
  const v = String(xaGet(ctx.k.netns, st.hostNs)?.sysctl['net.ipv4.ip_local_port_range'] ?? '32768\t60999');
  const [a, b] = v.split(/\s+/).map(Number);
  return a && b && a <= b ? [a, b] : [49153, 65535];
}

function taken(st: DockerState, proto: string, hostIp: Ip4, port: number): boolean {
  return st.ports.some(
    (p) => p.proto === proto && p.port === port && (p.hostIp === 0 || hostIp === 0 || p.hostIp === hostIp),
  );
}

function allocate(ctx: KernelCtx, st: DockerState, b: PortBinding, hostIp: Ip4, containerId: string): number {
  if (b.hostPortWanted !== 0) {
    for (let port = b.hostPortWanted; port <= Math.max(b.hostPortEnd, b.hostPortWanted); port++) {
      if (!taken(st, b.proto, hostIp, port)) {
        st.ports.push({ proto: b.proto, hostIp, port, containerId });
        return port;
      }
      if (b.hostPortEnd <= b.hostPortWanted) break;
    }
    const shown = b.hostIp === '' ? formatIp4(hostIp) : b.hostIp;
    throw new DockerError(
      'system',
      `Bind for ${shown}:${b.hostPortWanted} failed: port is already allocated`,
    );
  }
  const [begin, end] = portRange(ctx, st);
  let port = st.lastEphemeral[b.proto] ?? end;
  for (let i = 0; i <= end - begin; i++) {
    port = port >= end ? begin : port + 1;
    if (!taken(st, b.proto, hostIp, port)) {
      st.lastEphemeral[b.proto] = port;
      st.ports.push({ proto: b.proto, hostIp, port, containerId });
      return port;
    }
  }
  throw new DockerError('unavailable', 'all ports are allocated');
}

/** ProgramExternalConnectivity: allocate and program every binding on the gateway endpoint. */
export function mapPorts(
  ctx: KernelCtx,
  st: DockerState,
  n: DockerNetwork,
  ep: DockerEndpoint,
  bindings: PortBinding[],
): void {
  if (ep.ipv4 === null || !n.bridgeName) return;
  for (const b of bindings) {
    const hostIp = b.hostIp === '' ? n.hostBindingIpv4 : (parseIp4(b.hostIp) ?? 0);
    let hostPort: number;
    try {
      hostPort = allocate(ctx, st, b, hostIp, ep.containerId);
    } catch (e) {
      if (e instanceof DockerError) {
        throw new DockerError(
          'system',
          `driver failed programming external connectivity on endpoint ${ep.name} (${ep.id}): ${e.message}`,
        );
      }
      throw e;
    }
    const m: PortMapping = {
      proto: b.proto,
      containerPort: b.containerPort,
      hostIp,
      hostPort,
      containerIp: ep.ipv4,
      proxySocket: null,
    };
    ep.portMappings.push(m);
    openProxy(ctx, st, m);
    programPort(ctx, st.hostNs, { bridge: n.bridgeName, ...m });
  }
}

/**
 * clearConntrackEntries (drivers/bridge/bridge_linux.go): Program- and RevokeExternalConnectivity, i.e. when
 * an endpoint becomes or stops being its sandbox's gateway (start, stop, connect, disconnect), delete the
 * host's flows whose reply comes from or goes to the endpoint's address (netlink's ConntrackNatAnyIP), and
 * UDP flows to its published UDP host ports (none left at revoke: the ports were released first), so that
 * a container behind the same port or address does not inherit stale NAT decisions.
 */
export function clearConntrackEntries(ctx: KernelCtx, st: DockerState, ep: DockerEndpoint): void {
  const n = xaGet(ctx.k.netns, st.hostNs);
  if (!n || n.conntrack.length === 0) return;
  const ip = ep.ipv4;
  const udpPorts = new Set(ep.portMappings.filter((m) => m.proto === 'udp').map((m) => m.hostPort));
  const stale = (e: (typeof n.conntrack)[number]) =>
    (ip !== null && (e.reply.src === ip || e.reply.dst === ip)) ||
    (e.proto === 17 && udpPorts.has(e.orig.dport));
  if (n.conntrack.some(stale)) n.conntrack = n.conntrack.filter((e) => !stale(e));
}

/** RevokeExternalConnectivity: rules go, host ports are released. */
export function unmapPorts(
  ctx: KernelCtx,
  st: DockerState,
  n: DockerNetwork | undefined,
  ep: DockerEndpoint,
): void {
  for (const m of ep.portMappings) {
    closeProxy(ctx, st, m);
    if (n?.bridgeName) unprogramPort(ctx, st.hostNs, { bridge: n.bridgeName, ...m });
    st.ports = st.ports.filter(
      (p) =>
        !(
          p.proto === m.proto &&
          p.port === m.hostPort &&
          p.hostIp === m.hostIp &&
          p.containerId === ep.containerId
        ),
    );
  }
  ep.portMappings = [];
}
