/**
 * What the CLI does when the image is not present (cli/command/container/create.go createContainer): it says
 * "Unable to find image '<ref>' locally" and pulls; the simulated host cannot reach a registry, so the pull
 * fails the way dockerd reports a registry whose name does not resolve.
 */
import type { DockerState } from '../../../docker';
import { findImage, normalizeRef, resolvNameservers } from '../../../docker';
import { formatIp4 } from '../../../lib';

export function imagePresent(st: DockerState, ref: string): boolean {
  return findImage(ref) !== null && st.started;
}

export function taggedRef(ref: string): string {
  const n = normalizeRef(ref);
  if (!n) return ref;
  const full = ref.includes(':') && ref.lastIndexOf(':') > ref.lastIndexOf('/') ? ref : `${ref}:latest`;
  return ref.includes('@') ? ref : full;
}

export function pullError(st: DockerState): string {
  const ns = resolvNameservers(st.hostResolvConf)[0];
  const server = ns === undefined ? '127.0.0.53' : formatIp4(ns);
  return `Get "https://registry-1.docker.io/v2/": dial tcp: lookup registry-1.docker.io on ${server}:53: no such host`;
}
