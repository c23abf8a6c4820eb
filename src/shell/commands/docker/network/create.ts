/**
 * `docker network create` (cli/command/network/create.go): the CLI checks the IPAM flags itself
 * (consolidateIpam: plain messages, exit 1) and sends empty IPAM options and driver options as {}; the daemon
 * does the rest. Prints the new network's id.
 */
import type { IpamConfigRequest } from '../../../../docker';
import { createNetwork, resolvNameservers } from '../../../../docker';
import { formatIp4, parseIp4, parseIp6 } from '../../../../lib';
import type { Verb } from '../cli';
import { OP_US, elapse } from '../timing';
import { csv } from '../container_opts';
import { flagBool, flagList, flagString } from '../flags';
import { NETWORK_CREATE_FLAGS } from '../verb_flags';

class CliError extends Error {}

/** An IPv4 or IPv6 prefix as bits (net.ParseCIDR), or null. */
function bitsOf(text: string): { bits: string; len: number } | null {
  const [a, l] = text.split('/') as [string, string | undefined];
  const v4 = parseIp4(a);
  const v6 = v4 === null ? parseIp6(a) : null;
  if (v4 === null && v6 === null) return null;
  const bits =
    v4 !== null
      ? v4.toString(2).padStart(32, '0')
      : (v6 as number[]).map((g) => g.toString(2).padStart(16, '0')).join('');
  const len = l === undefined ? bits.length : /^\d+$/.test(l) ? Number(l) : -1;
  if (len < 0 || len > bits.length) return null;
  return { bits, len };
}

/** subnetMatches: does `data` (an address or CIDR) fall inside `subnet`? */
function matches(subnet: string, data: string): boolean {
  const s = subnet.includes('/') ? bitsOf(subnet) : null;
  if (!s) throw new CliError(`invalid subnet: invalid CIDR address: ${subnet}`);
  const d = bitsOf(data);
  if (!d || (data.includes('/') && !bitsOf(data))) throw new CliError(`invalid CIDR address: ${data}`);
  return d.bits.length === s.bits.length && d.bits.slice(0, s.len) === s.bits.slice(0, s.len);
}

/** consolidateIpam */
function consolidate(
  subnets: string[],
  ranges: string[],
  gateways: string[],
  aux: Record<string, string>,
): IpamConfigRequest[] {
  if (subnets.length < ranges.length || subnets.length < gateways.length)
    throw new CliError('every ip-range or gateway must have a corresponding subnet');
  const data = new Map<string, IpamConfigRequest>();
  for (const s of subnets) {
    for (const k of data.keys())
      if (matches(s, k) || matches(k, s))
        throw new CliError('multiple overlapping subnet configuration is not supported');
    data.set(s, { subnet: s, ipRange: '', gateway: '', auxAddresses: {} });
  }
  for (const r of ranges) {
    let match = false;
    for (const s of subnets) {
      if (!matches(s, r)) continue;
      const d = data.get(s) as IpamConfigRequest;
      if (d.ipRange !== '')
        throw new CliError(`cannot configure multiple ranges (${r}, ${d.ipRange}) on the same subnet (${s})`);
      d.ipRange = r;
      match = true;
    }
    if (!match) throw new CliError(`no matching subnet for range ${r}`);
  }
  for (const g of gateways) {
    let match = false;
    for (const s of subnets) {
      if (!matches(s, g)) continue;
      const d = data.get(s) as IpamConfigRequest;
      if (d.gateway !== '')
        throw new CliError(
          `cannot configure multiple gateways (${g}, ${d.gateway}) for the same subnet (${s})`,
        );
      d.gateway = g;
      match = true;
    }
    if (!match) throw new CliError(`no matching subnet for gateway ${g}`);
  }
  for (const [k, a] of Object.entries(aux)) {
    let match = false;
    for (const s of subnets) {
      if (!matches(s, a)) continue;
      (data.get(s) as IpamConfigRequest).auxAddresses[k] = a;
      match = true;
    }
    if (!match) throw new CliError(`no matching subnet for aux-address ${a}`);
  }
  return [...data.values()];
}

function kv(list: string[]): Record<string, string> {
  const out = new Map<string, string>();
  for (const s of list) {
    const i = s.indexOf('=');
    if (i < 0) out.set(s, '');
    else out.set(s.slice(0, i), s.slice(i + 1));
  }
  // fromEntries: a label or option named "__proto__" is an ordinary key (an assignment set the prototype).
  return Object.fromEntries(out);
}

export const networkCreateVerb: Verb = {
  path: 'docker network create',
  use: 'docker network create [OPTIONS] NETWORK',
  short: 'Create a network',
  flags: NETWORK_CREATE_FLAGS,
  args: { exact: 1 },
  async run(io, p) {
    let ipam: IpamConfigRequest[];
    try {
      ipam = consolidate(
        csv(flagList(p, 'subnet')),
        csv(flagList(p, 'ip-range')),
        csv(flagList(p, 'gateway')),
        kv(flagList(p, 'aux-address')),
      );
    } catch (e) {
      if (!(e instanceof CliError)) throw e;
      io.err(`${e.message}\n`);
      return 1;
    }
    const name = p.args[0] as string;
    const n = io.os.mutate(
      ({ sys, kctx }) =>
        createNetwork(
          kctx,
          sys.docker,
          {
            name,
            driver: flagString(p, 'driver', 'bridge'),
            internal: flagBool(p, 'internal'),
            attachable: flagBool(p, 'attachable'),
            enableIPv6: flagBool(p, 'ipv6'),
            ipamDriver: flagString(p, 'ipam-driver', 'default'),
            ipamOptions: kv(flagList(p, 'ipam-opt')),
            ipam,
            options: kv(flagList(p, 'opt')),
            labels: kv(flagList(p, 'label')),
          },
          { nameservers: resolvNameservers(sys.docker.hostResolvConf) },
        ).id,
    );
    await elapse(io, OP_US.networkCreate);
    io.out(`${n}\n`);
    return 0;
  },
};

export { formatIp4 };
