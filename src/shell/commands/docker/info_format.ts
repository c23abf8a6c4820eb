/**
 * `docker info --format` (cli/command/system/info.go formatInfo): a template on dockerInfo, a struct that
 * embeds *system.Info (its fields read as the top level: .ServerVersion, .ContainersRunning) beside
 * ServerErrors, UserName, ClientInfo and ClientErrors. "json" is {{json .}}; a parse error is "template
 * parsing error: ..." exit 64; the output always ends with a newline, and an execution error follows it
 * as Go words it, exit 1.
 *
 * The values are those `docker info` prints (system.ts); the fields we know nothing more of (plugins,
 * registry config, swarm details) keep Go's zero values.
 */
import { ENGINE_ID, daemonKernelVersion, type DockerState } from '../../../docker';
import type { CommandIO } from '../../types';
import type { GoJson } from './gojson';
import { runTemplate, templateParseStatus } from './template';
import { closedStruct, mapOf, pointer, sliceOf, STRING, struct, type GoType } from './template_values';

const INT: GoType = { kind: 'scalar', name: 'int' };
const BOOL: GoType = { kind: 'scalar', name: 'bool' };
const typed = (t: GoType, names: string[]) => Object.fromEntries(names.map((n) => [n, t]));
const COMMIT = closedStruct('system.Commit', { ID: STRING });

/** system.Info's fields in Go's order (api/types/system/info.go, as vendored by docker/cli v27.5.1). */
const INFO_FIELDS: Record<string, GoType> = {
  ID: STRING,
  ...typed(INT, ['Containers', 'ContainersRunning', 'ContainersPaused', 'ContainersStopped', 'Images']),
  Driver: STRING,
  DriverStatus: sliceOf('[][2]string'),
  SystemStatus: sliceOf('[][2]string'),
  Plugins: struct('system.PluginsInfo'),
  ...typed(BOOL, [
    'MemoryLimit',
    'SwapLimit',
    'KernelMemory',
    'KernelMemoryTCP',
    'CPUCfsPeriod',
    'CPUCfsQuota',
    'CPUShares',
    'CPUSet',
    'PidsLimit',
    'IPv4Forwarding',
    'BridgeNfIptables',
    'BridgeNfIP6tables',
  ]),
  Debug: BOOL,
  NFd: INT,
  OomKillDisable: BOOL,
  NGoroutines: INT,
  ...typed(STRING, ['SystemTime', 'LoggingDriver', 'CgroupDriver', 'CgroupVersion']),
  NEventsListener: INT,
  ...typed(STRING, ['KernelVersion', 'OperatingSystem', 'OSVersion', 'OSType', 'Architecture']),
  IndexServerAddress: STRING,
  RegistryConfig: pointer('*registry.ServiceConfig'),
  NCPU: INT,
  MemTotal: { kind: 'scalar', name: 'int64' },
  GenericResources: sliceOf('[]swarm.GenericResource'),
  ...typed(STRING, ['DockerRootDir', 'HTTPProxy', 'HTTPSProxy', 'NoProxy', 'Name']),
  Labels: sliceOf('[]string', STRING),
  ExperimentalBuild: BOOL,
  ServerVersion: STRING,
  Runtimes: mapOf('map[string]system.RuntimeWithStatus', struct('system.RuntimeWithStatus')),
  DefaultRuntime: STRING,
  Swarm: struct('swarm.Info'),
  LiveRestoreEnabled: BOOL,
  Isolation: { kind: 'scalar', name: 'container.Isolation' },
  InitBinary: STRING,
  ContainerdCommit: COMMIT,
  RuncCommit: COMMIT,
  InitCommit: COMMIT,
  SecurityOptions: sliceOf('[]string', STRING),
  ProductLicense: STRING,
  DefaultAddressPools: sliceOf('[]system.NetworkAddressPool'),
  CDISpecDirs: sliceOf('[]string', STRING),
  Containerd: pointer('*system.ContainerdInfo'),
  Warnings: sliceOf('[]string', STRING),
};

const DOCKER_INFO = closedStruct(
  'system.dockerInfo',
  {
    ...INFO_FIELDS,
    ServerErrors: sliceOf('[]string', STRING),
    UserName: STRING,
    ClientInfo: struct('*system.clientInfo'),
    ClientErrors: sliceOf('[]string', STRING),
  },
  {
    HTTPProxy: 'HttpProxy',
    HTTPSProxy: 'HttpsProxy',
    CPUCfsPeriod: 'CpuCfsPeriod',
    CPUCfsQuota: 'CpuCfsQuota',
  },
);

/** What the daemon's GET /info says (the values `docker info` prints). */
function infoJson(st: DockerState): GoJson {
  const cs = Object.values(st.containers);
  const running = cs.filter((c) => c.status === 'running').length;
  return {
    ID: ENGINE_ID,
    Containers: cs.length,
    ContainersRunning: running,
    ContainersPaused: 0,
    ContainersStopped: cs.length - running,
    Images: st.images.length,
    Driver: 'overlay2',
    DriverStatus: [
      ['Backing Filesystem', 'extfs'],
      ['Supports d_type', 'true'],
      ['Using metacopy', 'false'],
      ['Native Overlay Diff', 'true'],
      ['userxattr', 'false'],
    ],
    Plugins: {
      Volume: ['local'],
      Network: ['bridge', 'host', 'ipvlan', 'macvlan', 'null', 'overlay'],
      Authorization: null,
      Log: ['awslogs', 'fluentd', 'gcplogs', 'gelf', 'journald', 'json-file', 'local', 'splunk', 'syslog'],
    },
    LoggingDriver: 'json-file',
    CgroupDriver: 'systemd',
    CgroupVersion: '2',
    KernelVersion: daemonKernelVersion(),
    OperatingSystem: 'Debian GNU/Linux 12 (bookworm)',
    OSVersion: '12',
    OSType: 'linux',
    Architecture: 'x86_64',
    IndexServerAddress: 'https://index.docker.io/v1/',
    NCPU: 2,
    DockerRootDir: '/var/lib/docker',
    Name: st.hostname,
    ServerVersion: '27.5.1',
    DefaultRuntime: 'runc',
    Swarm: { LocalNodeState: 'inactive' },
    InitBinary: 'docker-init',
    ContainerdCommit: { ID: 'bcc810d6b9066471b0b6fa75f557a15a1cbf31bb' },
    RuncCommit: { ID: 'v1.2.4-0-g6c52b3f' },
    InitCommit: { ID: 'de40ad0' },
    SecurityOptions: ['name=apparmor', 'name=seccomp,profile=builtin', 'name=cgroupns'],
    ClientInfo: { Debug: false, Version: '27.5.1', Context: 'default', Plugins: [], Warnings: null },
  };
}

/** Print `docker info --format FORMAT`; returns the exit code. */
export function printInfoFormat(io: CommandIO, format: string): number {
  const src = format === 'json' ? '{{json .}}' : format;
  const status = templateParseStatus((t) => io.err(t), src);
  if (status !== null) return status;
  const { out, error } = runTemplate(src, infoJson(io.os.state.docker), { type: DOCKER_INFO });
  io.out(`${out}\n`);
  if (!error) return 0;
  io.err(`${error.goText()}\n`);
  return 1;
}
