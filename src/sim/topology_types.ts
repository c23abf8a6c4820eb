/**
 * The shapes of the graph's projection of a World (topology.ts builds them, topology_boxes.ts memoizes
 * their parts): in a module of their own so that both can name them without importing each other.
 */
import type { DevId, NetDevice, NsId } from '../kernel';
import type { DockerContainer } from '../docker';

/** The four Docker network modes (a user-defined network is a bridge-mode network). */
export type ContainerMode = 'bridge' | 'host' | 'none' | 'container';

export type NsRole = 'host' | 'sandbox' | 'netns' | 'external';

export interface TopoDevice {
  id: DevId;
  ns: NsId;
  name: string;
  ifindex: number;
  kind: NetDevice['kind'];
  mac: string;
  mtu: number;
  /** IFF_UP as `ip link set up` left it. */
  adminUp: boolean;
  operstate: NetDevice['operstate'];
  carrier: boolean;
  /** IPv4 addresses as `ip -br a` prints them (172.17.0.2/16). */
  addrs: string[];
  /** The bridge this device is a port of. */
  master: DevId | null;
  /** veth: the other end; ether: the device at the other end of the cable. */
  peer: DevId | null;
  /** `ip link` name: `eth0@if7` for a veth whose peer is in another namespace, `veth0@veth1` in the same. */
  linkName: string;
  /** Bridges only: their ports in the order they were added. */
  ports: DevId[];
}

export interface TopoContainer {
  id: string;
  shortId: string;
  name: string;
  image: string;
  status: DockerContainer['status'];
  mode: ContainerMode;
  /** `container:` mode: the name of the container whose namespace it joined. */
  modeTarget: string | null;
  /** HostConfig.NetworkMode as given (bridge, host, none, container:..., or a network name). */
  networkMode: string;
  /** The namespace it runs in, or null when it is not running. */
  ns: NsId | null;
  networks: string[];
  /** Published ports as `docker ps` shows them (0.0.0.0:8080->80/tcp). */
  ports: string[];
  /** Which userland the image ships (busybox, gnu...): decides the shell a terminal opens. */
  userland: string;
}

export interface TopoNs {
  id: NsId;
  role: NsRole;
  /** What the box is called: container names, the `ip netns` name, the host name, "LAN gateway". */
  title: string;
  /** Secondary line: the sandbox key, `ip netns` name, or the mode. */
  subtitle: string;
  /** The netns name under /run/netns, if it has one. */
  netnsName: string | null;
  /** Devices shown as ports of the box itself (not bridges, not bridge ports), by ifindex. */
  devices: DevId[];
  /** Bridges in this namespace, by ifindex. */
  bridges: DevId[];
  /** Containers running in this namespace (order: the owner of the sandbox first, then by creation). */
  containers: string[];
  /** The sandbox's mode when containers use it ('bridge' when it has a veth, 'none' with only lo). */
  mode: ContainerMode | null;
  /** Creation order (namespace sequence) for stable placement. */
  order: number;
}

export type TopoLink =
  | { id: string; kind: 'veth'; a: DevId; b: DevId; label: string }
  | { id: string; kind: 'wire'; a: DevId; b: DevId; label: string };

export interface TopoNetwork {
  id: string;
  name: string;
  driver: string;
  bridge: DevId | null;
  subnet: string | null;
  gateway: string | null;
}

export interface Topology {
  hostNs: NsId;
  namespaces: Record<NsId, TopoNs>;
  /** Namespaces in drawing order: host, then the others by creation, externals last. */
  order: NsId[];
  devices: Record<DevId, TopoDevice>;
  links: TopoLink[];
  containers: Record<string, TopoContainer>;
  /** Containers that are not running (no namespace to sit in), by creation. */
  stopped: string[];
  networks: TopoNetwork[];
}
