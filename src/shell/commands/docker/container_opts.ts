/**
 * `docker run`/`docker create` flags into the API's create request (cli/command/container/opts.go parse and
 * parseNetworkOpts): -p specs (go-connections nat.ParsePortSpec), --network/--net with aliases, --ip and
 * --mac-address going to the first network's endpoint settings, -e/--env-file (env_opts.ts), --dns*, --add-host, -l/--label-file
 * (label_opts.ts). Errors are the CLI's
 * own (no "Error response from daemon").
 */
import { parseIp4, withEntry } from '../../../lib';
import type { ContainerCreateRequest, EndpointRequest, PortBinding } from '../../../docker';
import { flagBool, flagList, flagString, type ParsedFlags } from './flags';
import { collectEnv, NO_ENV, type EnvInput } from './env_opts';
import { collectLabels, type LabelFile } from './label_opts';

export class OptsError extends Error {}

function splitProto(s: string): [string, string] {
  const i = s.lastIndexOf('/');
  return i < 0 ? [s, 'tcp'] : [s.slice(0, i), s.slice(i + 1)];
}

function parseRange(s: string, what: string): [number, number] {
  const m = /^(\d+)(?:-(\d+))?$/.exec(s);
  if (!m) throw new OptsError(`Invalid ${what}: ${s}`);
  const a = Number(m[1]);
  const b = m[2] === undefined ? a : Number(m[2]);
  if (a > 65535 || b > 65535 || b < a) throw new OptsError(`Invalid ${what}: ${s}`);
  return [a, b];
}

/** nat.ParsePortSpec */
export function parsePortSpec(spec: string): PortBinding[] {
  const [rest, proto] = splitProto(spec);
  if (proto !== 'tcp' && proto !== 'udp' && proto !== 'sctp') throw new OptsError(`invalid proto: ${proto}`);
  let ip = '';
  let host = '';
  let ctr: string;
  const bracket = /^\[([^\]]*)\]:(.*)$/.exec(rest);
  const parts = bracket ? [bracket[1] as string, ...(bracket[2] as string).split(':')] : rest.split(':');
  if (parts.length === 1) ctr = parts[0] as string;
  else if (parts.length === 2) [host, ctr] = parts as [string, string];
  else if (parts.length === 3) [ip, host, ctr] = parts as [string, string, string];
  else throw new OptsError(`invalid port specification: "${spec}"`);
  if (ip !== '' && parseIp4(ip) === null && !ip.includes(':'))
    throw new OptsError(`invalid IP address: ${ip}`);
  if (ctr === '') throw new OptsError(`no port specified: ${spec}<empty>`);
  const [cs, ce] = parseRange(ctr, 'containerPort');
  let hs = 0;
  let he = 0;
  if (host !== '') [hs, he] = parseRange(host, 'hostPort');
  if (host !== '' && he - hs !== ce - cs && he !== hs)
    throw new OptsError(`invalid ranges specified for container and host Ports: ${ctr} and ${host}`);
  const out: PortBinding[] = [];
  for (let i = 0; i <= ce - cs; i++) {
    const hp = host === '' ? 0 : he === hs ? hs : hs + i;
    out.push({
      proto: proto === 'udp' ? 'udp' : 'tcp',
      containerPort: cs + i,
      hostIp: ip,
      hostPortWanted: hp,
      hostPortEnd: he === hs && ce > cs ? hs : hp,
    });
  }
  return out;
}

/** StringSlice flags accept comma-separated values. */
export function csv(values: string[]): string[] {
  return values.flatMap((v) => v.split(',')).filter((v) => v !== '');
}

export interface RunOptions {
  req: ContainerCreateRequest;
  detach: boolean;
  interactive: boolean;
  tty: boolean;
  warnings: string[];
}

/**
 * --cap-add, --cap-drop (opts.ListOpts without a validator: repeatable, no comma splitting, nil when absent)
 * and --privileged; the daemon validates the names (docker/caps.ts).
 */
function capabilityOpts(p: ParsedFlags): {
  capAdd: string[] | null;
  capDrop: string[] | null;
  privileged: boolean;
} {
  const add = flagList(p, 'cap-add');
  const drop = flagList(p, 'cap-drop');
  return {
    capAdd: add.length > 0 ? add : null,
    capDrop: drop.length > 0 ? drop : null,
    privileged: flagBool(p, 'privileged'),
  };
}

const MAC = /^([0-9a-fA-F]{2}[:-]){5}[0-9a-fA-F]{2}$/;

/**
 * `files`: the --label-file files, read beforehand (readLabelFiles); `envInput`: the --env-file files and the
 * CLI's environment (readEnvInput).
 */
export function buildCreateRequest(
  p: ParsedFlags,
  files: readonly LabelFile[] = [],
  envInput: EnvInput = NO_ENV,
): RunOptions {
  const image = p.args[0] as string;
  const cmd = p.args.length > 1 ? p.args.slice(1) : null;
  const mac = flagString(p, 'mac-address');
  if (mac !== '' && !MAC.test(mac)) throw new OptsError(`${mac} is not a valid mac address`);
  const networks = flagList(p, 'net', 'network');
  const aliases = flagList(p, 'net-alias', 'network-alias');
  const ip = flagString(p, 'ip');
  const warnings: string[] = [];
  for (const d of flagList(p, 'dns')) {
    if (parseIp4(d) === null && !d.includes(':'))
      throw new OptsError(`invalid argument "${d}" for "--dns" flag: ${d} is not an ip address`);
    if (d.startsWith('127.')) warnings.push(`Localhost DNS setting (--dns=${d}) may fail in containers.`);
  }
  const bindings = flagList(p, 'publish').flatMap(parsePortSpec);
  const exposed: string[] = [];
  for (const e of flagList(p, 'expose')) {
    const [port, proto] = splitProto(e);
    let range: [number, number];
    try {
      range = parseRange(port, 'range format for --expose');
    } catch {
      throw new OptsError(
        `invalid range format for --expose: ${e}, error: strconv.ParseUint: parsing "${port}": invalid syntax`,
      );
    }
    for (let i = range[0]; i <= range[1]; i++) exposed.push(`${i}/${proto}`);
  }
  let env: string[];
  let labels: Record<string, string>;
  try {
    // parse(): the environment (ReadKVEnvStrings), then the labels (ReadKVStrings).
    env = collectEnv(p, envInput);
    labels = collectLabels(p, files);
  } catch (e) {
    throw new OptsError((e as Error).message);
  }
  // parseNetworkOpts: one --network is the mode; user-defined and built-in modes cannot be mixed.
  let mode = 'default';
  let endpoints: Record<string, EndpointRequest> = {};
  if (networks.length > 0) {
    const builtin = (n: string) =>
      ['bridge', 'host', 'none', 'default'].includes(n) || n.startsWith('container:') || n === 'container';
    if (networks.length > 1 && networks.some(builtin) && networks.some((n) => !builtin(n)))
      throw new OptsError(
        'conflicting options: cannot attach both user-defined and non-user-defined network-modes',
      );
    mode = networks[0] as string;
    networks.forEach((n, i) => {
      if (i > 0 && Object.hasOwn(endpoints, n))
        throw new OptsError(`network "${n}" is specified multiple times`);
      // A network may be named '__proto__': a key, not an assignment (which would set the prototype).
      endpoints = withEntry(endpoints, n, {
        aliases: i === 0 ? aliases : [],
        ipv4Address: i === 0 ? ip : '',
        macAddress: i === 0 ? mac : '',
      });
    });
  }
  if (aliases.length > 0 && ['bridge', 'host', 'none', 'default'].includes(mode === '' ? 'default' : mode))
    throw new OptsError('network-scoped aliases are only supported for user-defined networks');
  if (networks.length === 0 && (ip !== '' || mac !== '' || aliases.length > 0)) {
    endpoints.default = { aliases, ipv4Address: ip, macAddress: mac };
  }
  return {
    req: {
      name: flagString(p, 'name'),
      image,
      cmd,
      entrypoint: p.values.has('entrypoint') ? [flagString(p, 'entrypoint')].filter((x) => x !== '') : null,
      hostname: flagString(p, 'hostname'),
      domainname: flagString(p, 'domainname'),
      env,
      labels,
      tty: flagBool(p, 'tty'),
      openStdin: flagBool(p, 'interactive'),
      exposedPorts: exposed,
      networkMode: mode,
      portBindings: bindings,
      publishAll: flagBool(p, 'publish-all'),
      dns: flagList(p, 'dns'),
      dnsSearch: flagList(p, 'dns-search'),
      dnsOptions: flagList(p, 'dns-opt', 'dns-option'),
      extraHosts: flagList(p, 'add-host'),
      links: flagList(p, 'link'),
      autoRemove: flagBool(p, 'rm'),
      restartPolicy: flagString(p, 'restart', 'no'),
      ...capabilityOpts(p),
      endpoints,
    },
    detach: flagBool(p, 'detach'),
    interactive: flagBool(p, 'interactive'),
    tty: flagBool(p, 'tty'),
    warnings,
  };
}
