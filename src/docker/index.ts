/** The simulated Docker Engine 27.5 (daemon + libnetwork) on the simulated kernel. */
export * from './state';
export * from './system';
export { DockerError, NotSimulatedError } from './errors';
export { generateId, shortId, macFromIp } from './ids';
export { rfc3339Nano, stateTime, ZERO_TIME } from './time';
export { IMAGES, findImage, imageById, normalizeRef, type ImageSpec } from './images';
export { startDaemon, resolvNameservers, type DaemonHost } from './daemon';
export {
  findNetwork,
  tryFindNetwork,
  createNetwork,
  removeNetwork,
  activeEndpoints,
  isUserDefinedName,
  PREDEFINED,
  type NetworkCreateRequest,
  type IpamConfigRequest,
} from './network';
export {
  findContainer,
  tryFindContainer,
  createContainer,
  startContainer,
  containerExited,
  removeContainer,
  containerNs,
  type ContainerCreateRequest,
  type EndpointRequest,
} from './container';
export { etcHosts, etcHostname, etcResolvConf, filesOwner, usesInternalResolver } from './etc_files';
export { dockerDnsResolve, resolveContainerName, PUBLIC_DNS } from './dns';
export { endpointOf } from './sandbox';
export { ALL_CAPABILITIES, DEFAULT_CAPABILITIES, containerCapabilities } from './caps';
export { networkInspect, containerInspect, type JsonValue } from './inspect';
export { openNginx, closeContainerSockets, dockerProgramOutput, RESOLVER_IP } from './listeners';
export { connectContainer, disconnectContainer } from './connect';
export { renameContainer } from './rename';
export { dockerInvariantViolations } from './invariants';
export { listContainers, type ListOptions } from './list';
export { listNetworks } from './network_list';
export { listImages, getImage } from './image_list';
export { addFilter, type FilterArgs } from './filters';
export { loadGoRegexp } from './go_regexp';
export { containerPorts, type ApiPort } from './container_ports';
export { daemonKernelVersion } from './kernel_version';
export { pauseContainer, unpauseContainer, execPausedMessage, containerStateString } from './pause';
