/**
 * Questions a lesson asks about the World, in Docker's and Linux's nouns: containers by name, the namespace
 * each runs in, its interfaces and addresses, routes, the host-side veth of an endpoint, the bridge a device
 * is a port of, FDB entries, iptables rules as `iptables -S` prints them, listening sockets. Read-only and
 * pure: the answer depends on the World alone (never on what was typed).
 */
import { formatIp4, parseIp4 } from '../lib';
import { nsTables, probe, xaGet, type NetDevice, type NsTables, type ProbeResult, type World } from '../sim';

export type Device = NetDevice;
export type Container = World['docker']['containers'][string];
export type Network = World['docker']['networks'][string];
export type Endpoint = World['docker']['endpoints'][string];

export class WorldQuery {
  private readonly tables = new Map<string, NsTables | null>();

  constructor(readonly world: World) {}

  get hostNs(): string {
    return this.world.kernel.rootNs;
  }

  /** A container by name (with or without the leading '/') or by id prefix (12 hex or more). */
  container(nameOrId: string): Container | null {
    const name = nameOrId.replace(/^\//, '');
    const all = Object.values(this.world.docker.containers);
    return (
      all.find((c) => c.name.replace(/^\//, '') === name) ??
      (name.length >= 12 ? all.find((c) => c.id.startsWith(name)) : undefined) ??
      null
    );
  }

  containers(): Container[] {
    return Object.values(this.world.docker.containers).sort((a, b) => a.createdUs - b.createdUs);
  }

  running(name: string): boolean {
    return this.container(name)?.status === 'running';
  }

  /** The network namespace a running container's processes live in. */
  nsOf(name: string): string | null {
    const c = this.container(name);
    return c && c.status === 'running' ? c.ns : null;
  }

  /** `container:` mode: the container whose namespace this one joined, or null. */
  joinedTo(name: string): Container | null {
    const m = /^container:(.+)$/.exec(this.container(name)?.networkMode ?? '');
    return m ? this.container(m[1] as string) : null;
  }

  devices(ns: string | null): Device[] {
    const n = ns ? xaGet(this.world.kernel.netns, ns) : undefined;
    if (!n) return [];
    return Object.values(n.byIndex)
      .map((id) => xaGet(this.world.kernel.devices, id))
      .filter((d): d is Device => d !== undefined)
      .sort((a, b) => a.ifindex - b.ifindex);
  }

  dev(ns: string | null, name: string): Device | null {
    return this.devices(ns).find((d) => d.name === name) ?? null;
  }

  devById(id: string | null | undefined): Device | null {
    return id ? (xaGet(this.world.kernel.devices, id) ?? null) : null;
  }

  /** IPv4 addresses of a device as `ip -br a` prints them ("172.17.0.2/16"). */
  ipv4(ns: string | null, devName: string): string[] {
    return this.dev(ns, devName)?.inet.map((a) => `${formatIp4(a.local)}/${a.prefixLen}`) ?? [];
  }

  /** IPv6 addresses of a device ("fe80::42:acff:fe11:2/64"). */
  ipv6(ns: string | null, devName: string): string[] {
    return this.dev(ns, devName)?.inet6.map((a) => `${a.addr}/${a.prefixLen}`) ?? [];
  }

  /** The inspector's tables for a namespace: interfaces, `route -n` rows, neighbours, FDB, chains. */
  tablesOf(ns: string | null): NsTables | null {
    if (!ns) return null;
    if (!this.tables.has(ns)) this.tables.set(ns, nsTables(this.world, ns));
    return this.tables.get(ns) ?? null;
  }

  /** The main routing table in `route -n`'s columns. */
  routes(ns: string | null): NsTables['routes'] {
    return this.tablesOf(ns)?.routes ?? [];
  }

  defaultGateway(ns: string | null): string | null {
    const r = this.routes(ns).find((x) => x.destination === '0.0.0.0' && x.genmask === '0.0.0.0');
    return r ? r.gateway : null;
  }

  network(name: string): Network | null {
    return Object.values(this.world.docker.networks).find((n) => n.name === name || n.id === name) ?? null;
  }

  /** Networks the user created (not bridge, host, none). */
  userNetworks(): Network[] {
    return Object.values(this.world.docker.networks)
      .filter((n) => !['bridge', 'host', 'none'].includes(n.name))
      .sort((a, b) => a.createdUs - b.createdUs);
  }

  /** The endpoints of a container's sandbox (one per network it is on). */
  endpoints(name: string): Endpoint[] {
    const c = this.container(name);
    const sb = c?.sandboxId ? this.world.docker.sandboxes[c.sandboxId] : undefined;
    if (!sb) return [];
    return sb.endpoints
      .map((id) => this.world.docker.endpoints[id])
      .filter((e): e is Endpoint => e !== undefined);
  }

  endpointOn(name: string, network: string): Endpoint | null {
    const n = this.network(network);
    return (n && this.endpoints(name).find((e) => e.networkId === n.id)) || null;
  }

  /** A container's IPv4 address on a network (or on its first network), as text. */
  ipOf(name: string, network?: string): string | null {
    const e = network ? this.endpointOn(name, network) : this.endpoints(name).find((x) => x.ipv4 !== null);
    return e && e.ipv4 !== null ? formatIp4(e.ipv4) : null;
  }

  /** The peer of a veth (the host-side end of a container's eth0). */
  peerOf(dev: Device | null): Device | null {
    return dev && dev.kind === 'veth' ? this.devById(dev.peer) : null;
  }

  /** The host-side veth of a container interface (eth0 by default), found through the veth pair. */
  hostVeth(name: string, ifName = 'eth0'): Device | null {
    return this.peerOf(this.dev(this.nsOf(name), ifName));
  }

  /** The bridge a device is a port of. */
  masterOf(dev: Device | null): Device | null {
    return this.devById(dev?.master);
  }

  /** Whether the container's interface is wired (veth -> bridge port) to the bridge of `network`. */
  wiredTo(name: string, network: string, ifName = 'eth0'): boolean {
    const n = this.network(network);
    const br = this.masterOf(this.hostVeth(name, ifName));
    return n !== null && br !== null && br.id === n.bridgeDev;
  }

  /** Learned (not local) FDB MACs of a bridge, by bridge name. */
  learnedMacs(bridge: string): string[] {
    const br = this.dev(this.hostNs, bridge);
    if (!br || br.kind !== 'bridge') return [];
    return br.bridge.fdb.filter((e) => !e.self && e.kind === 'learned').map((e) => e.mac);
  }

  /** Every rule of a table in a namespace as `iptables -S` prints it. */
  rules(ns: string | null, table: string): string[] {
    return (this.tablesOf(ns)?.chains ?? [])
      .filter((c) => c.table === table)
      .flatMap((c) => c.rules.map((r) => r.text));
  }

  policy(ns: string | null, table: string, chain: string): string | null {
    return this.tablesOf(ns)?.chains.find((c) => c.table === table && c.chain === chain)?.policy ?? null;
  }

  /** Whether something listens on a TCP/UDP port in a namespace (any address). */
  listening(ns: string | null, proto: 'tcp' | 'udp', port: number): boolean {
    const n = ns ? xaGet(this.world.kernel.netns, ns) : undefined;
    return (
      n?.sockets.some(
        (s) => s.proto === proto && s.localPort === port && (proto === 'udp' || s.state === 'LISTEN'),
      ) ?? false
    );
  }

  /** The host port mapping of a container (`-p HOST:CONTAINER`), if published. */
  publishedPort(name: string, containerPort: number): { hostPort: number; containerIp: string } | null {
    for (const e of this.endpoints(name))
      for (const m of e.portMappings)
        if (m.containerPort === containerPort && m.proto === 'tcp')
          return { hostPort: m.hostPort, containerIp: formatIp4(m.containerIp) };
    return null;
  }

  sysctl(ns: string | null, key: string): string | number | null {
    const n = ns ? xaGet(this.world.kernel.netns, ns) : undefined;
    return n?.sysctl[key] ?? null;
  }

  /** Send a probe on a copy of the World (the World does not change): does a packet get there and back? */
  reach(
    fromNs: string | null,
    dst: string | null,
    proto: 'icmp' | 'tcp' = 'icmp',
    port = 80,
  ): ProbeResult | null {
    const ip = dst === null ? null : parseIp4(dst);
    if (!fromNs || ip === null) return null;
    return probe(this.world, { from: fromNs, dst: ip, proto, port });
  }
}
