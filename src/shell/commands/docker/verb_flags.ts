/**
 * The flags each docker verb accepts (27.5.1: the visible ones of its --help plus the hidden aliases --net,
 * --net-alias, --dns-opt and the Windows-only resource flags), for parsing; the help texts are in help_texts.ts.
 */
import { goParseInt } from '../../../lib';
import type { FlagSpec } from './flags';
import { envFlagError } from './env_opts';
import { labelFlagError } from './label_opts';

/** opts.FilterOpt.Set: a non-empty value needs a '='. */
function filterFlagError(v: string): string | null {
  return v !== '' && !v.includes('=') ? 'bad format of filter (expected name=value)' : null;
}

/** An int flag (pflag intValue.Set: strconv.ParseInt(s, 0, 64)). */
function intFlagError(v: string): string | null {
  const n = goParseInt(v, 0);
  return typeof n === 'number' ? null : n.error;
}

export const RUN_FLAGS: FlagSpec[] = [
  { long: 'add-host', kind: 'value' },
  { long: 'annotation', kind: 'value' },
  { long: 'attach', short: 'a', kind: 'value' },
  { long: 'blkio-weight', kind: 'value' },
  { long: 'blkio-weight-device', kind: 'value' },
  { long: 'cap-add', kind: 'value' },
  { long: 'cap-drop', kind: 'value' },
  { long: 'cgroup-parent', kind: 'value' },
  { long: 'cgroupns', kind: 'value' },
  { long: 'cidfile', kind: 'value' },
  { long: 'cpu-count', kind: 'value' },
  { long: 'cpu-percent', kind: 'value' },
  { long: 'cpu-period', kind: 'value' },
  { long: 'cpu-quota', kind: 'value' },
  { long: 'cpu-rt-period', kind: 'value' },
  { long: 'cpu-rt-runtime', kind: 'value' },
  { long: 'cpu-shares', short: 'c', kind: 'value' },
  { long: 'cpus', kind: 'value' },
  { long: 'cpuset-cpus', kind: 'value' },
  { long: 'cpuset-mems', kind: 'value' },
  { long: 'detach', short: 'd', kind: 'bool' },
  { long: 'detach-keys', kind: 'value' },
  { long: 'device', kind: 'value' },
  { long: 'device-cgroup-rule', kind: 'value' },
  { long: 'device-read-bps', kind: 'value' },
  { long: 'device-read-iops', kind: 'value' },
  { long: 'device-write-bps', kind: 'value' },
  { long: 'device-write-iops', kind: 'value' },
  { long: 'disable-content-trust', kind: 'bool' },
  { long: 'dns', kind: 'value' },
  { long: 'dns-option', kind: 'value' },
  { long: 'dns-search', kind: 'value' },
  { long: 'domainname', kind: 'value' },
  { long: 'entrypoint', kind: 'value' },
  { long: 'env', short: 'e', kind: 'value', check: envFlagError },
  { long: 'env-file', kind: 'value' },
  { long: 'expose', kind: 'value' },
  { long: 'gpus', kind: 'bool' },
  { long: 'group-add', kind: 'value' },
  { long: 'health-cmd', kind: 'value' },
  { long: 'health-interval', kind: 'value' },
  { long: 'health-retries', kind: 'value' },
  { long: 'health-start-interval', kind: 'value' },
  { long: 'health-start-period', kind: 'value' },
  { long: 'health-timeout', kind: 'value' },
  { long: 'help', kind: 'bool' },
  { long: 'hostname', short: 'h', kind: 'value' },
  { long: 'init', kind: 'bool' },
  { long: 'interactive', short: 'i', kind: 'bool' },
  { long: 'io-maxbandwidth', kind: 'value' },
  { long: 'io-maxiops', kind: 'value' },
  { long: 'ip', kind: 'value' },
  { long: 'ip6', kind: 'value' },
  { long: 'ipc', kind: 'value' },
  { long: 'isolation', kind: 'value' },
  { long: 'kernel-memory', kind: 'value' },
  { long: 'label', short: 'l', kind: 'value', check: labelFlagError },
  { long: 'label-file', kind: 'value' },
  { long: 'link', kind: 'value' },
  { long: 'link-local-ip', kind: 'value' },
  { long: 'log-driver', kind: 'value' },
  { long: 'log-opt', kind: 'value' },
  { long: 'mac-address', kind: 'value' },
  { long: 'memory', short: 'm', kind: 'value' },
  { long: 'memory-reservation', kind: 'value' },
  { long: 'memory-swap', kind: 'value' },
  { long: 'memory-swappiness', kind: 'value' },
  { long: 'mount', kind: 'value' },
  { long: 'name', kind: 'value' },
  { long: 'network', kind: 'value' },
  { long: 'network-alias', kind: 'value' },
  { long: 'no-healthcheck', kind: 'bool' },
  { long: 'oom-kill-disable', kind: 'bool' },
  { long: 'oom-score-adj', kind: 'value' },
  { long: 'pid', kind: 'value' },
  { long: 'pids-limit', kind: 'value' },
  { long: 'platform', kind: 'value' },
  { long: 'privileged', kind: 'bool' },
  { long: 'publish', short: 'p', kind: 'value' },
  { long: 'publish-all', short: 'P', kind: 'bool' },
  { long: 'pull', kind: 'value' },
  { long: 'quiet', short: 'q', kind: 'bool' },
  { long: 'read-only', kind: 'bool' },
  { long: 'restart', kind: 'value' },
  { long: 'rm', kind: 'bool' },
  { long: 'runtime', kind: 'value' },
  { long: 'security-opt', kind: 'value' },
  { long: 'shm-size', kind: 'value' },
  { long: 'sig-proxy', kind: 'bool' },
  { long: 'stop-signal', kind: 'value' },
  { long: 'stop-timeout', kind: 'value' },
  { long: 'storage-opt', kind: 'value' },
  { long: 'sysctl', kind: 'value' },
  { long: 'tmpfs', kind: 'value' },
  { long: 'tty', short: 't', kind: 'bool' },
  { long: 'ulimit', kind: 'value' },
  { long: 'user', short: 'u', kind: 'value' },
  { long: 'userns', kind: 'value' },
  { long: 'uts', kind: 'value' },
  { long: 'volume', short: 'v', kind: 'value' },
  { long: 'volume-driver', kind: 'value' },
  { long: 'volumes-from', kind: 'value' },
  { long: 'workdir', short: 'w', kind: 'value' },
  { long: 'net', kind: 'value' },
  { long: 'net-alias', kind: 'value' },
  { long: 'dns-opt', kind: 'value' },
];

export const CREATE_FLAGS: FlagSpec[] = [
  { long: 'add-host', kind: 'value' },
  { long: 'annotation', kind: 'value' },
  { long: 'attach', short: 'a', kind: 'value' },
  { long: 'blkio-weight', kind: 'value' },
  { long: 'blkio-weight-device', kind: 'value' },
  { long: 'cap-add', kind: 'value' },
  { long: 'cap-drop', kind: 'value' },
  { long: 'cgroup-parent', kind: 'value' },
  { long: 'cgroupns', kind: 'value' },
  { long: 'cidfile', kind: 'value' },
  { long: 'cpu-count', kind: 'value' },
  { long: 'cpu-percent', kind: 'value' },
  { long: 'cpu-period', kind: 'value' },
  { long: 'cpu-quota', kind: 'value' },
  { long: 'cpu-rt-period', kind: 'value' },
  { long: 'cpu-rt-runtime', kind: 'value' },
  { long: 'cpu-shares', short: 'c', kind: 'value' },
  { long: 'cpus', kind: 'value' },
  { long: 'cpuset-cpus', kind: 'value' },
  { long: 'cpuset-mems', kind: 'value' },
  { long: 'device', kind: 'value' },
  { long: 'device-cgroup-rule', kind: 'value' },
  { long: 'device-read-bps', kind: 'value' },
  { long: 'device-read-iops', kind: 'value' },
  { long: 'device-write-bps', kind: 'value' },
  { long: 'device-write-iops', kind: 'value' },
  { long: 'disable-content-trust', kind: 'bool' },
  { long: 'dns', kind: 'value' },
  { long: 'dns-option', kind: 'value' },
  { long: 'dns-search', kind: 'value' },
  { long: 'domainname', kind: 'value' },
  { long: 'entrypoint', kind: 'value' },
  { long: 'env', short: 'e', kind: 'value', check: envFlagError },
  { long: 'env-file', kind: 'value' },
  { long: 'expose', kind: 'value' },
  { long: 'gpus', kind: 'bool' },
  { long: 'group-add', kind: 'value' },
  { long: 'health-cmd', kind: 'value' },
  { long: 'health-interval', kind: 'value' },
  { long: 'health-retries', kind: 'value' },
  { long: 'health-start-interval', kind: 'value' },
  { long: 'health-start-period', kind: 'value' },
  { long: 'health-timeout', kind: 'value' },
  { long: 'help', kind: 'bool' },
  { long: 'hostname', short: 'h', kind: 'value' },
  { long: 'init', kind: 'bool' },
  { long: 'interactive', short: 'i', kind: 'bool' },
  { long: 'io-maxbandwidth', kind: 'value' },
  { long: 'io-maxiops', kind: 'value' },
  { long: 'ip', kind: 'value' },
  { long: 'ip6', kind: 'value' },
  { long: 'ipc', kind: 'value' },
  { long: 'isolation', kind: 'value' },
  { long: 'kernel-memory', kind: 'value' },
  { long: 'label', short: 'l', kind: 'value', check: labelFlagError },
  { long: 'label-file', kind: 'value' },
  { long: 'link', kind: 'value' },
  { long: 'link-local-ip', kind: 'value' },
  { long: 'log-driver', kind: 'value' },
  { long: 'log-opt', kind: 'value' },
  { long: 'mac-address', kind: 'value' },
  { long: 'memory', short: 'm', kind: 'value' },
  { long: 'memory-reservation', kind: 'value' },
  { long: 'memory-swap', kind: 'value' },
  { long: 'memory-swappiness', kind: 'value' },
  { long: 'mount', kind: 'value' },
  { long: 'name', kind: 'value' },
  { long: 'network', kind: 'value' },
  { long: 'network-alias', kind: 'value' },
  { long: 'no-healthcheck', kind: 'bool' },
  { long: 'oom-kill-disable', kind: 'bool' },
  { long: 'oom-score-adj', kind: 'value' },
  { long: 'pid', kind: 'value' },
  { long: 'pids-limit', kind: 'value' },
  { long: 'platform', kind: 'value' },
  { long: 'privileged', kind: 'bool' },
  { long: 'publish', short: 'p', kind: 'value' },
  { long: 'publish-all', short: 'P', kind: 'bool' },
  { long: 'pull', kind: 'value' },
  { long: 'quiet', short: 'q', kind: 'bool' },
  { long: 'read-only', kind: 'bool' },
  { long: 'restart', kind: 'value' },
  { long: 'rm', kind: 'bool' },
  { long: 'runtime', kind: 'value' },
  { long: 'security-opt', kind: 'value' },
  { long: 'shm-size', kind: 'value' },
  { long: 'stop-signal', kind: 'value' },
  { long: 'stop-timeout', kind: 'value' },
  { long: 'storage-opt', kind: 'value' },
  { long: 'sysctl', kind: 'value' },
  { long: 'tmpfs', kind: 'value' },
  { long: 'tty', short: 't', kind: 'bool' },
  { long: 'ulimit', kind: 'value' },
  { long: 'user', short: 'u', kind: 'value' },
  { long: 'userns', kind: 'value' },
  { long: 'uts', kind: 'value' },
  { long: 'volume', short: 'v', kind: 'value' },
  { long: 'volume-driver', kind: 'value' },
  { long: 'volumes-from', kind: 'value' },
  { long: 'workdir', short: 'w', kind: 'value' },
  { long: 'net', kind: 'value' },
  { long: 'net-alias', kind: 'value' },
  { long: 'dns-opt', kind: 'value' },
];

export const START_FLAGS: FlagSpec[] = [
  { long: 'attach', short: 'a', kind: 'bool' },
  { long: 'checkpoint', kind: 'value' },
  { long: 'checkpoint-dir', kind: 'value' },
  { long: 'detach-keys', kind: 'value' },
  { long: 'interactive', short: 'i', kind: 'bool' },
];

export const STOP_FLAGS: FlagSpec[] = [
  { long: 'signal', short: 's', kind: 'value' },
  { long: 'time', short: 't', kind: 'value' },
];

export const RESTART_FLAGS: FlagSpec[] = [
  { long: 'signal', short: 's', kind: 'value' },
  { long: 'time', short: 't', kind: 'value' },
];

export const RM_FLAGS: FlagSpec[] = [
  { long: 'force', short: 'f', kind: 'bool' },
  { long: 'link', short: 'l', kind: 'bool' },
  { long: 'volumes', short: 'v', kind: 'bool' },
];

export const PS_FLAGS: FlagSpec[] = [
  { long: 'all', short: 'a', kind: 'bool' },
  { long: 'filter', short: 'f', kind: 'value', check: filterFlagError },
  { long: 'format', kind: 'value' },
  { long: 'last', short: 'n', kind: 'value', check: intFlagError },
  { long: 'latest', short: 'l', kind: 'bool' },
  { long: 'no-trunc', kind: 'bool' },
  { long: 'quiet', short: 'q', kind: 'bool' },
  { long: 'size', short: 's', kind: 'bool' },
];

export const EXEC_FLAGS: FlagSpec[] = [
  { long: 'detach', short: 'd', kind: 'bool' },
  { long: 'detach-keys', kind: 'value' },
  { long: 'env', short: 'e', kind: 'value', check: envFlagError },
  { long: 'env-file', kind: 'value' },
  { long: 'interactive', short: 'i', kind: 'bool' },
  { long: 'privileged', kind: 'bool' },
  { long: 'tty', short: 't', kind: 'bool' },
  { long: 'user', short: 'u', kind: 'value' },
  { long: 'workdir', short: 'w', kind: 'value' },
];

export const INSPECT_FLAGS: FlagSpec[] = [
  { long: 'format', short: 'f', kind: 'value' },
  { long: 'size', short: 's', kind: 'bool' },
  { long: 'type', kind: 'value' },
];

export const LOGS_FLAGS: FlagSpec[] = [
  { long: 'details', kind: 'bool' },
  { long: 'follow', short: 'f', kind: 'bool' },
  { long: 'since', kind: 'value' },
  { long: 'tail', short: 'n', kind: 'value' },
  { long: 'timestamps', short: 't', kind: 'bool' },
  { long: 'until', kind: 'value' },
];

export const PORT_FLAGS: FlagSpec[] = [];

export const IMAGES_FLAGS: FlagSpec[] = [
  { long: 'all', short: 'a', kind: 'bool' },
  { long: 'digests', kind: 'bool' },
  { long: 'filter', short: 'f', kind: 'value', check: filterFlagError },
  { long: 'format', kind: 'value' },
  { long: 'no-trunc', kind: 'bool' },
  { long: 'quiet', short: 'q', kind: 'bool' },
  { long: 'tree', kind: 'bool' },
];

export const VERSION_FLAGS: FlagSpec[] = [{ long: 'format', short: 'f', kind: 'value' }];

export const INFO_FLAGS: FlagSpec[] = [{ long: 'format', short: 'f', kind: 'value' }];

export const NETWORK_CREATE_FLAGS: FlagSpec[] = [
  { long: 'attachable', kind: 'bool' },
  { long: 'aux-address', kind: 'value' },
  { long: 'config-from', kind: 'value' },
  { long: 'config-only', kind: 'bool' },
  { long: 'driver', short: 'd', kind: 'value' },
  { long: 'gateway', kind: 'value' },
  { long: 'ingress', kind: 'bool' },
  { long: 'internal', kind: 'bool' },
  { long: 'ip-range', kind: 'value' },
  { long: 'ipam-driver', kind: 'value' },
  { long: 'ipam-opt', kind: 'value' },
  { long: 'ipv6', kind: 'bool' },
  { long: 'label', kind: 'value', check: labelFlagError },
  { long: 'opt', short: 'o', kind: 'value' },
  { long: 'scope', kind: 'value' },
  { long: 'subnet', kind: 'value' },
];

export const NETWORK_LS_FLAGS: FlagSpec[] = [
  { long: 'filter', short: 'f', kind: 'value', check: filterFlagError },
  { long: 'format', kind: 'value' },
  { long: 'no-trunc', kind: 'bool' },
  { long: 'quiet', short: 'q', kind: 'bool' },
];

export const NETWORK_INSPECT_FLAGS: FlagSpec[] = [
  { long: 'format', short: 'f', kind: 'value' },
  { long: 'verbose', short: 'v', kind: 'bool' },
];

export const NETWORK_RM_FLAGS: FlagSpec[] = [{ long: 'force', short: 'f', kind: 'bool' }];

export const NETWORK_CONNECT_FLAGS: FlagSpec[] = [
  { long: 'alias', kind: 'value' },
  { long: 'driver-opt', kind: 'value' },
  { long: 'ip', kind: 'value' },
  { long: 'ip6', kind: 'value' },
  { long: 'link', kind: 'value' },
  { long: 'link-local-ip', kind: 'value' },
];

export const NETWORK_DISCONNECT_FLAGS: FlagSpec[] = [{ long: 'force', short: 'f', kind: 'bool' }];

export const NETWORK_PRUNE_FLAGS: FlagSpec[] = [
  { long: 'filter', kind: 'value' },
  { long: 'force', short: 'f', kind: 'bool' },
];

export const ROOT_FLAGS: FlagSpec[] = [
  { long: 'config', kind: 'value' },
  { long: 'context', short: 'c', kind: 'value' },
  { long: 'debug', short: 'D', kind: 'bool' },
  { long: 'host', short: 'H', kind: 'value' },
  { long: 'log-level', short: 'l', kind: 'value' },
  { long: 'tls', kind: 'bool' },
  { long: 'tlscacert', kind: 'value' },
  { long: 'tlscert', kind: 'value' },
  { long: 'tlskey', kind: 'value' },
  { long: 'tlsverify', kind: 'bool' },
  { long: 'version', short: 'v', kind: 'bool' },
];
