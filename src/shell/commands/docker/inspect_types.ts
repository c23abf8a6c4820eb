/**
 * The Go types `docker inspect -f` first executes its template on (docker/docker api/types as vendored by
 * docker/cli v27.5.1: types.ContainerJSON, container.Config and HostConfig, network.Inspect and
 * EndpointSettings, image inspect). Our inspect JSON is built field by field in those structs' order, so a
 * struct's fields are its JSON keys; declared here is what the JSON cannot say:
 * - which objects are Go maps (Labels, Options, Networks, Ports...): a missing key there is "<no value>",
 *   where a struct's unknown field is an error that sends the CLI to its raw-JSON retry;
 * - the omitempty fields our JSON leaves out, which still exist (and print their zero value);
 * - how a nil prints: a nil map "map[]", a nil slice "[]", a nil pointer "<nil>".
 */
import { closedStruct, mapOf, pointer, sliceOf, STRING, struct, type GoType } from './template_values';

const strMap = () => mapOf('map[string]string');
const strings = () => sliceOf('[]string', STRING);
const BOOL: GoType = { kind: 'scalar', name: 'bool' };
const INT: GoType = { kind: 'scalar', name: 'int64' };
const EMPTY = closedStruct('struct {}', {});
/** nat.PortBinding: HostIP is JSON "HostIp" (a template must say .HostIP, or reach HostIp in the raw retry). */
const PORT_BINDING = closedStruct(
  'nat.PortBinding',
  { HostIP: STRING, HostPort: STRING },
  { HostIP: 'HostIp' },
);
const PORT_MAP = mapOf('nat.PortMap', sliceOf('[]nat.PortBinding', PORT_BINDING));

/** container.Config (api/types/container/config.go); ExposedPorts, Healthcheck... are omitempty. */
const CONFIG = struct('*container.Config', {
  ExposedPorts: mapOf('nat.PortSet', EMPTY),
  Env: strings(),
  Cmd: sliceOf('strslice.StrSlice', STRING),
  Healthcheck: pointer('*container.HealthConfig'),
  ArgsEscaped: BOOL,
  Volumes: mapOf('map[string]struct {}', EMPTY),
  Entrypoint: sliceOf('strslice.StrSlice', STRING),
  NetworkDisabled: BOOL,
  OnBuild: strings(),
  Labels: strMap(),
  StopSignal: STRING,
  StopTimeout: pointer('*int'),
  Shell: sliceOf('strslice.StrSlice', STRING),
});

/** network.EndpointSettings, the values of NetworkSettings.Networks. */
const ENDPOINT = struct('*network.EndpointSettings', {
  IPAMConfig: pointer('*network.EndpointIPAMConfig'),
  Links: strings(),
  Aliases: strings(),
  DriverOpts: strMap(),
  DNSNames: strings(),
});

export const CONTAINER_JSON: GoType = struct('types.ContainerJSON', {
  Args: strings(),
  State: closedStruct('*types.ContainerState', {
    ...{ Status: STRING, Running: BOOL, Paused: BOOL, Restarting: BOOL, OOMKilled: BOOL, Dead: BOOL },
    ...{ Pid: INT, ExitCode: INT, Error: STRING, StartedAt: STRING, FinishedAt: STRING },
    Health: pointer('*types.Health'),
  }),
  Node: pointer('*types.ContainerNode'),
  ExecIDs: strings(),
  HostConfig: struct('*container.HostConfig', {
    Binds: strings(),
    LogConfig: struct('container.LogConfig', { Config: strMap() }),
    PortBindings: PORT_MAP,
    VolumesFrom: strings(),
    CapAdd: sliceOf('strslice.StrSlice', STRING),
    CapDrop: sliceOf('strslice.StrSlice', STRING),
    Dns: strings(),
    DnsOptions: strings(),
    DnsSearch: strings(),
    ExtraHosts: strings(),
    GroupAdd: strings(),
    Links: strings(),
    SecurityOpt: strings(),
    StorageOpt: strMap(),
    Tmpfs: strMap(),
    Sysctls: strMap(),
    Annotations: strMap(),
  }),
  SizeRw: pointer('*int64'),
  SizeRootFs: pointer('*int64'),
  GraphDriver: struct('types.GraphDriverData', { Data: strMap() }),
  Config: CONFIG,
  NetworkSettings: struct('*types.NetworkSettings', {
    Ports: PORT_MAP,
    SecondaryIPAddresses: sliceOf('[]network.Address'),
    SecondaryIPv6Addresses: sliceOf('[]network.Address'),
    Networks: mapOf('map[string]*network.EndpointSettings', ENDPOINT),
  }),
});

/** The image inspect response (types.ImageInspect); Container, ContainerConfig, VirtualSize are omitempty. */
export const IMAGE_INSPECT: GoType = struct('types.ImageInspect', {
  RepoTags: strings(),
  RepoDigests: strings(),
  Container: STRING,
  ContainerConfig: pointer('*container.Config'),
  Config: CONFIG,
  Variant: STRING,
  OsVersion: STRING,
  VirtualSize: INT,
  GraphDriver: struct('types.GraphDriverData', { Data: strMap() }),
});

/** network.Inspect (api/types/network/network.go); Peers and Services are omitempty. */
export const NETWORK_INSPECT: GoType = struct('network.Inspect', {
  IPAM: struct('network.IPAM', {
    Options: strMap(),
    // AuxAddress is JSON "AuxiliaryAddresses": by that name only the raw retry finds it.
    Config: sliceOf(
      '[]network.IPAMConfig',
      closedStruct(
        'network.IPAMConfig',
        { Subnet: STRING, IPRange: STRING, Gateway: STRING, AuxAddress: strMap() },
        { AuxAddress: 'AuxiliaryAddresses' },
      ),
    ),
  }),
  Containers: mapOf(
    'map[string]network.EndpointResource',
    closedStruct('network.EndpointResource', {
      ...{ Name: STRING, EndpointID: STRING, MacAddress: STRING, IPv4Address: STRING, IPv6Address: STRING },
    }),
  ),
  Options: strMap(),
  Labels: strMap(),
  Peers: sliceOf('[]network.PeerInfo'),
  Services: mapOf('map[string]network.ServiceInfo', struct('network.ServiceInfo')),
});
