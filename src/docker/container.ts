/**
 * Containers as the daemon keeps them (daemon/create.go, start.go, container_operations.go, delete.go):
 * create validates the network mode and endpoint settings, start builds (or joins) the sandbox and connects
 * the networks (the default bridge first), stop tears the sandbox down and releases addresses and ports.
 * Failures throw DockerError with the daemon's v27.5.1 message; callers run these inside one immer producer
 * so a failed step leaves nothing half-done.
 */
import { cgroupThaw, type NsId, type KernelCtx } from '../kernel';
import { DockerError, conflict, invalid, notFound } from './errors';
import { generateId, shortId } from './ids';
import { findImage } from './images';
import { randomName, validContainerName } from './names';
import { findNetwork, isUserDefinedName, tryFindNetwork } from './network';
import { createSandbox, destroySandbox, joinNetwork, leaveNetwork } from './sandbox';
import type { DockerContainer, DockerState, EndpointConfig, PortBinding } from './state';
import { validateEndpointSettings } from './validate';
import { findContainer, tryFindContainer } from './lookup';
import { own, withEntry } from '../lib';
import { checkLinks, registerLinks } from './links';
import { closeContainerSockets } from './listeners';
import { validateCapabilities } from './caps';

export interface EndpointRequest {
  aliases: string[];
  ipv4Address: string;
  macAddress: string;
}

export interface ContainerCreateRequest {
  name: string;
  image: string;
  cmd: string[] | null;
  entrypoint: string[] | null;
  hostname: string;
  domainname: string;
  env: string[];
  /** Config.Labels as the CLI sends them (ConvertKVStringsToMap: never nil). */
  labels: Record<string, string>;
  tty: boolean;
  openStdin: boolean;
  exposedPorts: string[];
  /** As the CLI sends it: "default" when --network was not given. */
  networkMode: string;
  portBindings: PortBinding[];
  publishAll: boolean;
  dns: string[];
  dnsSearch: string[];
  dnsOptions: string[];
  extraHosts: string[];
  links: string[];
  autoRemove: boolean;
  restartPolicy: string;
  /** --cap-add / --cap-drop as given (null when absent), --privileged; absent fields mean none. */
  capAdd?: string[] | null;
  capDrop?: string[] | null;
  privileged?: boolean;
  /** NetworkingConfig.EndpointsConfig, keyed by the network as given. */
  endpoints: Record<string, EndpointRequest>;
}

export function isContainerMode(mode: string): boolean {
  return mode.startsWith('container:') || mode === 'container';
}

/** runconfig validateNetMode + validateNetContainerMode. */
function validateNetMode(req: ContainerCreateRequest): void {
  const mode = req.networkMode;
  const parts = mode.split(':');
  if (parts[0] === 'container' && (parts.length < 2 || parts[1] === '')) {
    throw invalid('Invalid network mode: invalid container format container:<name|id>');
  }
  const isContainer = parts[0] === 'container';
  if (isContainer && req.hostname !== '') throw invalid('conflicting options: hostname and the network mode');
  if (isContainer && req.links.length > 0)
    throw invalid(
      "conflicting options: container type network can't be used with links. This would result in undefined behavior",
    );
  if (isContainer && req.dns.length > 0) throw invalid('conflicting options: dns and the network mode');
  if (isContainer && req.extraHosts.length > 0)
    throw invalid('conflicting options: custom host-to-IP mapping and the network mode');
  if (isContainer && (req.portBindings.length > 0 || req.publishAll))
    throw invalid('conflicting options: port publishing and the container type network mode');
  if (isContainer && req.exposedPorts.length > 0)
    throw invalid('conflicting options: port exposing and the container type network mode');
  if (mode === 'host' && req.links.length > 0)
    throw invalid(
      "conflicting options: host type networking can't be used with links. This would result in undefined behavior",
    );
}

export function emptyEndpointConfig(networkId: string, r?: EndpointRequest): EndpointConfig {
  return {
    networkId,
    aliases: r ? [...r.aliases] : [],
    ipv4Address: r?.ipv4Address ?? '',
    macAddress: r?.macAddress ?? '',
    endpointId: '',
    gateway: '',
    ipAddress: '',
    ipPrefixLen: 0,
    mac: '',
    dnsNames: null,
  };
}

export interface CreateResult {
  container: DockerContainer;
  warnings: string[];
}

/** daemon.ContainerCreate (the image must be present: the CLI pulls first). */
export function createContainer(ctx: KernelCtx, st: DockerState, req: ContainerCreateRequest): CreateResult {
  const warnings: string[] = [];
  let mode = req.networkMode === '' || req.networkMode === 'default' ? 'bridge' : req.networkMode;
  const endpoints = { ...req.endpoints };
  if (req.networkMode === '' || req.networkMode === 'default') {
    const d = endpoints.default;
    if (d) {
      endpoints.bridge = d;
      delete endpoints.default;
    }
  }
  // validateHostConfig (capabilities) runs before verifyPlatformContainerSettings (the network mode).
  validateCapabilities(req.capAdd ?? null, req.capDrop ?? null);
  validateNetMode({ ...req, networkMode: mode });
  if (mode === 'host' && req.portBindings.length > 0)
    warnings.push('Published ports are discarded when using host network mode');
  const image = findImage(req.image);
  if (!image) throw notFound(`No such image: ${req.image}`);
  const errs: string[] = [];
  for (const [k, v] of Object.entries(endpoints)) {
    const e = validateEndpointSettings(tryFindNetwork(st, k), k, v);
    if (e) errs.push(`invalid config for network ${k}: ${e}`);
  }
  if (errs.length === 1) throw invalid(errs[0] as string);
  if (errs.length > 1) throw invalid(`* ${errs.map((e) => e.replace(/\n/g, '\n\t')).join('\n* ')}`);

  let name = req.name.startsWith('/') ? req.name.slice(1) : req.name;
  const id = generateId(ctx.rng);
  if (name !== '') {
    if (!validContainerName(name))
      throw invalid(`Invalid container name (${name}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`);
    const other = Object.values(st.containers).find((c) => c.name === name);
    if (other)
      throw conflict(
        `Conflict. The container name "/${name}" is already in use by container "${other.id}". You have to remove (or rename) that container to be able to reuse that name.`,
      );
  } else {
    for (let retry = 0; ; retry++) {
      name = randomName(ctx.rng, retry);
      if (!Object.values(st.containers).some((c) => c.name === name)) break;
    }
  }
  if (mode.startsWith('container:')) {
    // adaptSharedNamespaceContainer: store the full id of the container joined, when it exists now.
    const target = tryFindContainer(st, mode.slice('container:'.length));
    if (target) mode = `container:${target.id}`;
  }
  let networks: Record<string, EndpointConfig> = {};
  if (!mode.startsWith('container:')) {
    const primary = tryFindNetwork(st, mode);
    const key = primary?.name ?? mode;
    // Network names are keys here: own() and withEntry() keep '__proto__' an ordinary name.
    const cfg = emptyEndpointConfig(primary?.id ?? '', own(endpoints, mode) ?? own(endpoints, key));
    networks = withEntry(networks, key, cfg);
    for (const [k, v] of Object.entries(endpoints)) {
      if (k === mode || k === key) continue;
      const n = tryFindNetwork(st, k);
      networks = withEntry(networks, n?.name ?? k, emptyEndpointConfig(n?.id ?? '', v));
    }
  }
  let hostname = req.hostname;
  if (hostname === '')
    hostname = mode === 'host' ? st.hostname : mode.startsWith('container:') ? '' : shortId(id);
  const cmd = req.cmd ?? (req.entrypoint ? [] : image.cmd);
  const entry = req.entrypoint ?? image.entrypoint;
  const full = [...entry, ...cmd];
  const c: DockerContainer = {
    id,
    name,
    image: req.image,
    imageId: image.id,
    path: full[0] ?? '',
    args: full.slice(1),
    createdUs: ctx.clock.nowUs,
    hostname,
    domainname: req.domainname,
    env: mergeEnv(req.env, image.env),
    labels: mergeLabels(req.labels, image.labels),
    tty: req.tty,
    openStdin: req.openStdin,
    exposedPorts: [
      ...new Set([
        ...image.exposedPorts,
        ...req.exposedPorts,
        ...req.portBindings.map((b) => `${b.containerPort}/${b.proto}`),
      ]),
    ],
    networkMode: mode,
    portBindings: req.portBindings.map((b) => ({ ...b })),
    publishAll: req.publishAll,
    dns: [...req.dns],
    dnsSearch: [...req.dnsSearch],
    dnsOptions: [...req.dnsOptions],
    extraHosts: [...req.extraHosts],
    links: registerLinks(st, req.links),
    autoRemove: req.autoRemove,
    restartPolicy: req.restartPolicy,
    capAdd: req.capAdd ? [...req.capAdd] : null,
    capDrop: req.capDrop ? [...req.capDrop] : null,
    privileged: req.privileged ?? false,
    networks,
    status: 'created',
    exitCode: 0,
    pid: 0,
    startedUs: null,
    finishedUs: null,
    restartCount: 0,
    sandboxId: null,
    ns: null,
    sockets: [],
    logs: '',
    error: '',
    userland: image.userland,
  };
  st.containers[id] = c;
  return { container: c, warnings };
}

/**
 * daemon/commit.go merge: the image's labels fill in the keys the user did not set. Kept by sorted key, the
 * order Go's encoding/json writes a map in (inspect), built with fromEntries so that a key such as
 * "__proto__" stays an ordinary key.
 */
/** daemon/commit.go merge: the user's variables as given, then the image's whose name the user did not set. */
function mergeEnv(user: readonly string[], image: readonly string[]): string[] {
  const names = new Set(user.map((kv) => kv.split('=')[0]));
  return [...user, ...image.filter((kv) => !names.has(kv.split('=')[0]))];
}

function mergeLabels(
  user: Readonly<Record<string, string>>,
  image: Readonly<Record<string, string>> | null,
): Record<string, string> {
  const all = new Map(Object.entries(image ?? {}));
  for (const [k, v] of Object.entries(user)) all.set(k, v);
  return Object.fromEntries([...all].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** -P: every exposed port without a binding gets an ephemeral host port. */
export function effectiveBindings(c: DockerContainer): PortBinding[] {
  if (c.networkMode === 'host') return [];
  const out = c.portBindings.map((b) => ({ ...b }));
  if (c.publishAll) {
    for (const p of c.exposedPorts) {
      const [port, proto] = p.split('/');
      if (!out.some((b) => `${b.containerPort}/${b.proto}` === p))
        out.push({
          proto: proto === 'udp' ? 'udp' : 'tcp',
          containerPort: Number(port),
          hostIp: '',
          hostPortWanted: 0,
          hostPortEnd: 0,
        });
    }
  }
  return out;
}

/** The namespace a running container's processes are in. */
export function containerNs(c: DockerContainer): NsId | null {
  return c.status === 'running' ? c.ns : null;
}

/** daemon.containerStart: network first (initializeNetworking), then the process. */
export function startContainer(ctx: KernelCtx, st: DockerState, c: DockerContainer): void {
  if (c.status === 'running') return;
  c.error = '';
  if (c.networkMode.startsWith('container:')) {
    const term = c.networkMode.slice('container:'.length);
    const target = findContainer(st, term);
    if (target.id === c.id) throw new DockerError('system', 'cannot join own network');
    if (target.status !== 'running')
      throw conflict(`cannot join network of a non running container: ${term}`);
    c.ns = target.ns;
    c.hostname = target.hostname;
    c.domainname = target.domainname;
  } else {
    const bindings = effectiveBindings(c);
    const isHost = c.networkMode === 'host';
    // Resolve every network before building anything (a missing one fails the start).
    const names = Object.keys(c.networks);
    const nets = names.map((k) => findNetwork(st, c.networks[k]?.networkId || k));
    // Re-key by the network's name, as updateContainerNetworkSettings does.
    let rekeyed: Record<string, EndpointConfig> = {};
    names.forEach((k, i) => {
      const n = nets[i];
      const cfg = c.networks[k];
      if (n && cfg) rekeyed = withEntry(rekeyed, n.name, { ...cfg, networkId: n.id });
    });
    c.networks = rekeyed;
    checkLinks(st, c);
    const saved = c.portBindings;
    c.portBindings = bindings;
    const sb = createSandbox(ctx, st, c, isHost);
    c.sandboxId = sb.id;
    c.ns = sb.ns;
    // The default bridge is connected first; the others in (sorted) map order.
    const order = [...nets].sort((a, b) =>
      a.defaultBridge ? -1 : b.defaultBridge ? 1 : a.name < b.name ? -1 : 1,
    );
    for (const n of order) {
      const cfg = c.networks[n.name] as EndpointConfig;
      joinNetwork(ctx, st, sb, c, n, cfg);
    }
    c.portBindings = saved;
  }
  c.status = 'running';
  // containerd-shim-runc-v2 starts first; the main process is its child (docker top's PPID).
  st.nextPid++;
  c.pid = st.nextPid++;
  c.startedUs = ctx.clock.nowUs;
  c.exitCode = 0;
}

/** cleanOperationalData: a stopped container keeps its network list, not its addresses. */
function cleanOperationalData(c: DockerContainer): void {
  for (const cfg of Object.values(c.networks)) {
    cfg.endpointId = '';
    cfg.gateway = '';
    cfg.ipAddress = '';
    cfg.ipPrefixLen = 0;
    delete cfg.ipv6Gateway;
    delete cfg.globalIPv6Address;
    delete cfg.globalIPv6PrefixLen;
    cfg.mac = '';
    cfg.dnsNames = null;
  }
}

/** The main process ended (or was killed): the sandbox goes, the container is exited. */
export function containerExited(ctx: KernelCtx, st: DockerState, c: DockerContainer, exitCode: number): void {
  if (c.status !== 'running') return;
  if (c.sandboxId) {
    const sb = st.sandboxes[c.sandboxId];
    // A namespace still used by containers joined to it (--network container:) stays; its endpoints go.
    const users = Object.values(st.containers).filter(
      (o) => o.id !== c.id && o.status === 'running' && o.ns === c.ns,
    );
    if (sb) {
      if (users.length > 0) {
        for (const epId of [...sb.endpoints].reverse()) {
          const ep = st.endpoints[epId];
          if (ep) leaveNetwork(ctx, st, sb, ep, false);
        }
        delete st.sandboxes[sb.id];
      } else {
        destroySandbox(ctx, st, sb);
      }
    }
  }
  // A paused container's processes are thawed to die (killWithSignal unpauses after the signal).
  if (c.paused) {
    cgroupThaw(ctx, c.id);
    delete c.paused;
  }
  closeContainerSockets(ctx, c);
  c.sandboxId = null;
  c.ns = null;
  c.status = 'exited';
  c.exitCode = exitCode;
  c.pid = 0;
  c.finishedUs = ctx.clock.nowUs;
  cleanOperationalData(c);
}

/** daemon.ContainerRm */
export function removeContainer(ctx: KernelCtx, st: DockerState, c: DockerContainer, force: boolean): void {
  if (c.status === 'running') {
    if (!force)
      throw conflict(
        c.paused
          ? `cannot remove container "/${c.name}": container is paused and must be unpaused first`
          : `cannot remove container "/${c.name}": container is running: stop the container before removing or force remove`,
      );
    containerExited(ctx, st, c, 137);
  }
  delete st.containers[c.id];
}

export { isUserDefinedName, findContainer, tryFindContainer };
