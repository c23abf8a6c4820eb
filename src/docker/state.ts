/**
 * The Docker Engine's state inside the World (libnetwork's nouns: networks, endpoints, sandboxes; the
 * daemon's containers). Plain data, serializable like the kernel's.
 */
import type { NsId } from '../kernel';

export interface DockerState {
  /** Whether dockerd has started (its networks and iptables chains exist). */
  started: boolean;
  containers: Record<string, unknown>;
  networks: Record<string, unknown>;
  /** Sandboxes by id: a network namespace and the endpoints joined to it. */
  sandboxes: Record<string, { ns: NsId }>;
}

export function emptyDockerState(): DockerState {
  return { started: false, containers: {}, networks: {}, sandboxes: {} };
}
