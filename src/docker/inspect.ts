/**
 * What the Engine API returns for GET /networks/{id} and GET /containers/{id}/json (api/types: network.Inspect,
 * ContainerJSON), built field by field in the structs' order so that the CLI's JSON shows them as 27.5.1 does
 * (daemon/network.go buildNetworkResource/buildEndpointResource, daemon/inspect.go, getDefaultNetworkSettings).
 */
import { formatIp4 } from '../lib';
import { shortId } from './ids';
import { imageById } from './images';
import { containerStateString } from './pause';
import { activeEndpoints } from './network';
import type { DockerContainer, DockerNetwork, DockerState, EndpointConfig } from './state';
import { ZERO_TIME, stateTime } from './time';

export type JsonValue = null | boolean | number | string | JsonValue[] | { [k: string]: JsonValue };

export function networkInspect(st: DockerState, n: DockerNetwork): JsonValue {
  // buildIPAMResources (daemon/network.go): the user's IPv4 configs, the user's IPv6 configs, then what IPAM
  // allocated for a family the user gave no config for.
  const v4: JsonValue[] = [];
  if (n.pool) {
    const c: { [k: string]: JsonValue } = { Subnet: `${formatIp4(n.pool.subnet)}/${n.pool.prefixLen}` };
    if (n.pool.range) c.IPRange = `${formatIp4(n.pool.range.addr)}/${n.pool.range.prefixLen}`;
    if (n.pool.gateway !== null) c.Gateway = formatIp4(n.pool.gateway);
    if (Object.keys(n.pool.aux).length > 0) {
      const aux: { [k: string]: JsonValue } = {};
      for (const [k, v] of Object.entries(n.pool.aux)) aux[k] = formatIp4(v);
      c.AuxiliaryAddresses = aux;
    }
    v4.push(c);
  }
  const v6: JsonValue[] = [];
  for (const u of n.ipv6Configs) {
    const c: { [k: string]: JsonValue } = { Subnet: u.subnet };
    if (u.ipRange !== '') c.IPRange = u.ipRange;
    if (u.gateway !== '') c.Gateway = u.gateway;
    v6.push(c);
  }
  const auto6: JsonValue[] =
    v6.length === 0 && n.pool6
      ? [{ Subnet: `${n.pool6.subnet}/${n.pool6.prefixLen}`, Gateway: n.pool6.gateway ?? '' }]
      : [];
  const config = n.userSubnet ? [...v4, ...v6, ...auto6] : [...v6, ...v4, ...auto6];
  const containers: { [k: string]: JsonValue } = {};
  for (const ep of activeEndpoints(st, n)) {
    const c = st.containers[ep.containerId];
    if (!c) continue;
    containers[ep.containerId] = {
      Name: ep.name,
      EndpointID: ep.id,
      MacAddress: ep.mac ?? '',
      IPv4Address: ep.ipv4 === null ? '' : `${formatIp4(ep.ipv4)}/${ep.prefixLen}`,
      IPv6Address: ep.ipv6 ? `${ep.ipv6}/${ep.prefixLen6 ?? 0}` : '',
    };
  }
  return {
    Name: n.name,
    Id: n.id,
    Created: stateTime(st, n.createdUs),
    Scope: 'local',
    Driver: n.driver,
    EnableIPv6: n.enableIPv6,
    IPAM: {
      Driver: 'default',
      Options: n.ipamOptions === null ? null : { ...n.ipamOptions },
      Config: n.pool ? config : null,
    },
    Internal: n.internal,
    Attachable: n.attachable,
    Ingress: false,
    ConfigFrom: { Network: '' },
    ConfigOnly: false,
    Containers: containers,
    Options: { ...n.options },
    // encoding/json writes a map by sorted key.
    Labels: Object.fromEntries(Object.entries(n.labels).sort(([a], [b]) => (a < b ? -1 : 1))),
  };
}

function portMap(st: DockerState, c: DockerContainer): JsonValue {
  const out: { [k: string]: JsonValue } = {};
  if (c.status !== 'running' || c.networkMode === 'host' || c.networkMode.startsWith('container:'))
    return out;
  const keys = [...c.exposedPorts].sort();
  const mappings = Object.values(st.endpoints)
    .filter((e) => e.containerId === c.id)
    .flatMap((e) => e.portMappings);
  for (const k of keys) {
    const ms = mappings.filter((m) => `${m.containerPort}/${m.proto}` === k);
    if (ms.length === 0) {
      out[k] = null;
      continue;
    }
    const list: JsonValue[] = [];
    for (const m of ms) {
      list.push({ HostIp: formatIp4(m.hostIp), HostPort: String(m.hostPort) });
      if (m.hostIp === 0) list.push({ HostIp: '::', HostPort: String(m.hostPort) });
    }
    out[k] = list;
  }
  return out;
}

function endpointSettings(cfg: EndpointConfig): JsonValue {
  return {
    IPAMConfig: cfg.ipv4Address !== '' ? { IPv4Address: cfg.ipv4Address } : null,
    Links: null,
    Aliases: cfg.aliases.length > 0 ? [...cfg.aliases] : null,
    MacAddress: cfg.mac !== '' ? cfg.mac : cfg.macAddress,
    DriverOpts: null,
    NetworkID: cfg.networkId,
    EndpointID: cfg.endpointId,
    Gateway: cfg.gateway,
    IPAddress: cfg.ipAddress,
    IPPrefixLen: cfg.ipPrefixLen,
    IPv6Gateway: cfg.ipv6Gateway ?? '',
    GlobalIPv6Address: cfg.globalIPv6Address ?? '',
    GlobalIPv6PrefixLen: cfg.globalIPv6PrefixLen ?? 0,
    DNSNames: cfg.dnsNames ? [...cfg.dnsNames] : null,
  };
}

function portBindingsJson(c: DockerContainer): JsonValue {
  const out: { [k: string]: JsonValue } = {};
  for (const b of c.portBindings) {
    const k = `${b.containerPort}/${b.proto}`;
    const list = (out[k] as JsonValue[] | undefined) ?? [];
    list.push({ HostIp: b.hostIp, HostPort: b.hostPortWanted === 0 ? '' : String(b.hostPortWanted) });
    out[k] = list;
  }
  return out;
}

export function containerInspect(st: DockerState, c: DockerContainer): JsonValue {
  const running = c.status === 'running';
  const sb = c.sandboxId ? st.sandboxes[c.sandboxId] : undefined;
  const bridge = c.networks.bridge;
  const img = imageById(c.imageId);
  // Entries, not assignments: a network may be named '__proto__'.
  const networks: { [k: string]: JsonValue } = Object.fromEntries(
    Object.keys(c.networks)
      .sort()
      .map((k) => [k, endpointSettings(c.networks[k] as EndpointConfig)]),
  );
  const exposed: { [k: string]: JsonValue } = {};
  for (const p of c.exposedPorts) exposed[p] = {};
  const config: { [k: string]: JsonValue } = {
    Hostname: c.hostname,
    Domainname: c.domainname,
    User: '',
    AttachStdin: c.openStdin,
    AttachStdout: true,
    AttachStderr: true,
  };
  if (c.exposedPorts.length > 0) config.ExposedPorts = exposed;
  Object.assign(config, {
    Tty: c.tty,
    OpenStdin: c.openStdin,
    StdinOnce: c.openStdin,
    Env: [...c.env],
    Cmd:
      c.args.length > 0 || !img?.entrypoint.length
        ? [c.path, ...c.args].slice(img?.entrypoint.length ?? 0)
        : null,
    Image: c.image,
    Volumes: null,
    WorkingDir: '',
    Entrypoint: img && img.entrypoint.length > 0 ? [...img.entrypoint] : null,
    OnBuild: null,
    Labels: { ...c.labels },
  });
  return {
    Id: c.id,
    Created: stateTime(st, c.createdUs),
    Path: c.path,
    Args: [...c.args],
    State: {
      Status: containerStateString(c),
      Running: running,
      Paused: c.paused === true,
      Restarting: false,
      OOMKilled: false,
      Dead: false,
      Pid: c.pid,
      ExitCode: c.exitCode,
      Error: c.error,
      StartedAt: c.startedUs === null ? ZERO_TIME : stateTime(st, c.startedUs),
      FinishedAt: c.finishedUs === null ? ZERO_TIME : stateTime(st, c.finishedUs),
    },
    Image: `sha256:${c.imageId}`,
    ResolvConfPath: `/var/lib/docker/containers/${c.id}/resolv.conf`,
    HostnamePath: `/var/lib/docker/containers/${c.id}/hostname`,
    HostsPath: `/var/lib/docker/containers/${c.id}/hosts`,
    LogPath: `/var/lib/docker/containers/${c.id}/${c.id}-json.log`,
    Name: `/${c.name}`,
    RestartCount: c.restartCount,
    Driver: 'overlay2',
    Platform: 'linux',
    MountLabel: '',
    ProcessLabel: '',
    // daemon/container_linux.go saveAppArmorConfig: a privileged container runs unconfined.
    AppArmorProfile: c.privileged ? 'unconfined' : 'docker-default',
    ExecIDs: null,
    HostConfig: {
      Binds: null,
      ContainerIDFile: '',
      LogConfig: { Type: 'json-file', Config: {} },
      NetworkMode: c.networkMode,
      PortBindings: portBindingsJson(c),
      RestartPolicy: { Name: c.restartPolicy, MaximumRetryCount: 0 },
      AutoRemove: c.autoRemove,
      VolumeDriver: '',
      VolumesFrom: null,
      ConsoleSize: [0, 0],
      CapAdd: c.capAdd ? [...c.capAdd] : null,
      CapDrop: c.capDrop ? [...c.capDrop] : null,
      CgroupnsMode: 'private',
      Dns: [...c.dns],
      DnsOptions: [...c.dnsOptions],
      DnsSearch: [...c.dnsSearch],
      ExtraHosts: c.extraHosts.length > 0 ? [...c.extraHosts] : null,
      GroupAdd: null,
      IpcMode: 'private',
      Cgroup: '',
      Links: null,
      OomScoreAdj: 0,
      PidMode: '',
      Privileged: c.privileged,
      PublishAllPorts: c.publishAll,
      ReadonlyRootfs: false,
      // daemon/create.go generateSecurityOpt: privileged disables SELinux labelling (label=disable).
      SecurityOpt: c.privileged ? ['label=disable'] : null,
      UTSMode: '',
      UsernsMode: '',
      ShmSize: 67108864,
      Runtime: 'runc',
      Isolation: '',
    },
    GraphDriver: {
      Data: {
        MergedDir: `/var/lib/docker/overlay2/${c.id}/merged`,
        UpperDir: `/var/lib/docker/overlay2/${c.id}/diff`,
        WorkDir: `/var/lib/docker/overlay2/${c.id}/work`,
      },
      Name: 'overlay2',
    },
    Mounts: [],
    Config: config,
    NetworkSettings: {
      Bridge: '',
      SandboxID: running && sb ? sb.id : '',
      SandboxKey: running && sb ? sb.key : '',
      Ports: portMap(st, c),
      HairpinMode: false,
      LinkLocalIPv6Address: '',
      LinkLocalIPv6PrefixLen: 0,
      SecondaryIPAddresses: null,
      SecondaryIPv6Addresses: null,
      EndpointID: bridge?.endpointId ?? '',
      Gateway: bridge?.gateway ?? '',
      GlobalIPv6Address: bridge?.globalIPv6Address ?? '',
      GlobalIPv6PrefixLen: bridge?.globalIPv6PrefixLen ?? 0,
      IPAddress: bridge?.ipAddress ?? '',
      IPPrefixLen: bridge?.ipPrefixLen ?? 0,
      IPv6Gateway: bridge?.ipv6Gateway ?? '',
      MacAddress: bridge?.mac ?? '',
      Networks: networks,
    },
  };
}

export { shortId };
