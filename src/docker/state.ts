/**
 * The Docker Engine's state inside the World: libnetwork's nouns (networks, endpoints, sandboxes, IPAM pools,
 * port allocations) and the daemon's (containers, images). Plain JSON data like the kernel's: ids are strings,
 * addresses are numbers (lib/ipv4), times are simulated microseconds (`Clock.nowUs`) shown against `epochMs`.
 */
import type { Ip4 } from '../lib';
import type { DevId, NsId } from '../kernel';

/** 2026-11-28T00:00:00Z: the wall-clock time at which the World's clock reads 0. */
export const DEFAULT_EPOCH_MS = 1_795_824_000_000;

/** The engine's ID (/var/lib/docker/engine-id, `docker info`'s ID): the hostID its ULA prefix derives from. */
export const ENGINE_ID = '4f2c7a1e-9b3d-4e8a-b6c5-1d0e2f3a4b5c';

export type DriverName = 'bridge' | 'host' | 'null';

/** One IPv4 IPAM pool (libnetwork/ipams/defaultipam: a PoolData with its address bitmap). */
export interface IpamPool {
  subnet: Ip4;
  prefixLen: number;
  /** --ip-range: dynamic addresses come from here only. */
  range: { addr: Ip4; prefixLen: number } | null;
  gateway: Ip4 | null;
  /** --aux-address name=ip: reserved, never handed out. */
  aux: Record<string, Ip4>;
  /** Addresses handed out (gateway and aux included), ascending. */
  allocated: Ip4[];
}

/**
 * One IPv6 IPAM pool (defaultipam PoolData for an IPv6 prefix): ordinal 0 (the subnet-router anycast
 * address) is pre-reserved, addresses are handed out lowest first; `allocated` holds host ordinals.
 */
export interface Ipam6Pool {
  /** Canonical text of the subnet's first address. */
  subnet: string;
  prefixLen: number;
  gateway: string | null;
  allocated: number[];
}

export interface DockerNetwork {
  id: string;
  name: string;
  driver: DriverName;
  createdUs: number;
  internal: boolean;
  attachable: boolean;
  enableIPv6: boolean;
  /** IPAM.Options: null for the default bridge (the daemon sends none), {} from the CLI. */
  ipamOptions: Record<string, string> | null;
  /** The user gave --subnet (then --ip is allowed). */
  userSubnet: boolean;
  /** Whether the user gave --gateway (inspect shows Gateway only when set or allocated by IPAM). */
  pool: IpamPool | null;
  /** IPv6 IPAM configs as given (listed by inspect after the IPv4 one; no IPv6 addresses are simulated). */
  ipv6Configs: { subnet: string; ipRange: string; gateway: string }[];
  /** The IPv6 pool of an --ipv6 network with an IPv6 subnet (absent otherwise). */
  pool6?: Ipam6Pool | null;
  options: Record<string, string>;
  labels: Record<string, string>;
  /** Bridge driver: the Linux bridge in the host namespace. */
  bridgeName: string | null;
  bridgeDev: DevId | null;
  icc: boolean;
  masquerade: boolean;
  hostBindingIpv4: Ip4;
  /** Whether this is the daemon's default bridge (docker0). */
  defaultBridge: boolean;
}

export interface PortBinding {
  proto: 'tcp' | 'udp';
  containerPort: number;
  /** '' for all addresses (0.0.0.0 and ::). */
  hostIp: string;
  /** 0 when the user asked for an ephemeral port. */
  hostPortWanted: number;
  hostPortEnd: number;
}

/** A programmed mapping: the host port really bound (portmapper.MapRange). */
export interface PortMapping {
  proto: 'tcp' | 'udp';
  containerPort: number;
  hostIp: Ip4;
  hostPort: number;
  containerIp: Ip4;
  /** The docker-proxy listener for this binding in the host namespace. */
  proxySocket: number | null;
}

export interface DockerEndpoint {
  id: string;
  /** The endpoint name is the container name (without '/'). */
  name: string;
  networkId: string;
  sandboxId: string;
  containerId: string;
  /** Interface name inside the sandbox (eth0...), or null for host/none endpoints. */
  ifName: string | null;
  containerDev: DevId | null;
  hostVethName: string | null;
  hostVethDev: DevId | null;
  mac: string | null;
  ipv4: Ip4 | null;
  prefixLen: number;
  gateway: Ip4 | null;
  /** The endpoint's IPv6 address, prefix length and gateway on an IPv6 network (absent otherwise). */
  ipv6?: string | null;
  prefixLen6?: number;
  gateway6?: string | null;
  aliases: string[];
  dnsNames: string[];
  /** Published ports, when this endpoint provides the sandbox's default gateway. */
  portMappings: PortMapping[];
  /** Order in which it joined its sandbox. */
  joinSeq: number;
}

export interface DockerSandbox {
  id: string;
  containerId: string;
  /** The namespace: a fresh one, or the host's for --network host. */
  ns: NsId;
  /** /var/run/docker/netns/<12 hex> or .../default. */
  key: string;
  isHost: boolean;
  /** osl nextIfIndex per prefix: never decremented, so a reconnect gets eth2. */
  nextIfIndex: Record<string, number>;
  endpoints: string[];
  /** The endpoint whose gateway is the default route (and which carries the published ports). */
  gatewayEndpoint: string | null;
  nextJoinSeq: number;
  /** The embedded DNS server's sockets and ports, once an endpoint on a user-defined network joined. */
  resolver: { udpPort: number; tcpPort: number; sockets: number[] } | null;
}

/** What the user asked for on one network (EndpointSettings as stored with the container). */
export interface EndpointConfig {
  networkId: string;
  aliases: string[];
  ipv4Address: string;
  macAddress: string;
  /** Operational data while running (cleared by cleanOperationalData when stopped). */
  endpointId: string;
  gateway: string;
  ipAddress: string;
  ipPrefixLen: number;
  /** IPv6Gateway, GlobalIPv6Address, GlobalIPv6PrefixLen (absent: empty, as on an IPv4-only network). */
  ipv6Gateway?: string;
  globalIPv6Address?: string;
  globalIPv6PrefixLen?: number;
  mac: string;
  dnsNames: string[] | null;
}

export type ContainerStatus = 'created' | 'running' | 'exited';

export interface DockerContainer {
  id: string;
  name: string;
  /** The image reference as given (`busybox`, `nginx:latest`). */
  image: string;
  imageId: string;
  path: string;
  args: string[];
  createdUs: number;
  hostname: string;
  domainname: string;
  env: string[];
  /** Config.Labels: the user's, then the image's for keys the user did not set (daemon merge), by sorted key. */
  labels: Record<string, string>;
  tty: boolean;
  openStdin: boolean;
  exposedPorts: string[];
  /** HostConfig.NetworkMode: bridge, host, none, container:<64hex>, or a network name. */
  networkMode: string;
  portBindings: PortBinding[];
  publishAll: boolean;
  dns: string[];
  dnsSearch: string[];
  dnsOptions: string[];
  extraHosts: string[];
  /** Legacy links (--link name:alias): the linked container's id and the alias. */
  links: { id: string; alias: string }[];
  autoRemove: boolean;
  restartPolicy: string;
  /** HostConfig.CapAdd / CapDrop as the CLI sent them (null when not given), HostConfig.Privileged (caps.ts). */
  capAdd: string[] | null;
  capDrop: string[] | null;
  privileged: boolean;
  /** Networks by name (NetworkSettings.Networks). */
  networks: Record<string, EndpointConfig>;
  status: ContainerStatus;
  /** State.Paused: running, with its cgroup frozen (docker pause). Absent: not paused. */
  paused?: boolean;
  exitCode: number;
  pid: number;
  startedUs: number | null;
  finishedUs: number | null;
  restartCount: number;
  sandboxId: string | null;
  /** The namespace its processes live in while running (its sandbox's, or the joined container's). */
  ns: NsId | null;
  /** Listening sockets its main process opened (closed when it stops). */
  sockets: { ns: NsId; id: number }[];
  /** Output of the main process (docker logs). */
  logs: string;
  /** Why the last start failed (State.Error). */
  error: string;
  /** Which userland the image ships (decides the shell, the tools, their output format). */
  userland: string;
}

export interface PortAllocation {
  proto: 'tcp' | 'udp';
  hostIp: Ip4;
  port: number;
  containerId: string;
}

export interface DockerState {
  /** Whether dockerd has started (its networks and iptables chains exist). */
  started: boolean;
  epochMs: number;
  /** The namespace the daemon runs in (the host's). */
  hostNs: NsId;
  hostname: string;
  /** The host's /etc/hosts and /etc/resolv.conf as dockerd read them (copied or transformed per container). */
  hostEtcHosts: string;
  hostResolvConf: string;
  networks: Record<string, DockerNetwork>;
  endpoints: Record<string, DockerEndpoint>;
  sandboxes: Record<string, DockerSandbox>;
  containers: Record<string, DockerContainer>;
  ports: PortAllocation[];
  /** portallocator: the last port handed out per protocol (ephemeral ports go on from there). */
  lastEphemeral: Record<string, number>;
  /** Images present locally, by reference (repository:tag). */
  images: string[];
  nextPid: number;
}

export function emptyDockerState(): DockerState {
  return {
    started: false,
    epochMs: DEFAULT_EPOCH_MS,
    hostNs: '',
    hostname: '',
    hostEtcHosts: '',
    hostResolvConf: '',
    networks: {},
    endpoints: {},
    sandboxes: {},
    containers: {},
    ports: [],
    lastEphemeral: {},
    images: [],
    nextPid: 1000,
  };
}
