/**
 * validateEndpointSettings (daemon/container_operations.go) and EndpointIPAMConfig.Validate/IsInRange
 * (api/types/network/endpoint.go): the endpoint settings a network accepts. Returns the error text or null.
 */
import { parseIp4 } from '../lib';
import { poolContains } from './ipam';
import { isUserDefinedName } from './network';
import type { DockerNetwork } from './state';

export interface EndpointSettingsLike {
  aliases: string[];
  ipv4Address: string;
  macAddress: string;
}

export function validateEndpointSettings(
  n: DockerNetwork | null,
  name: string,
  s: EndpointSettingsLike,
): string | null {
  const errs: string[] = [];
  if (!isUserDefinedName(name)) {
    if (s.ipv4Address !== '')
      errs.push('user specified IP address is supported on user defined networks only');
    if (s.aliases.length > 0)
      errs.push('network-scoped alias is supported only for containers in user defined networks');
  }
  let ip: number | null = null;
  if (s.ipv4Address !== '') {
    ip = parseIp4(s.ipv4Address);
    if (ip === null || ip === 0) errs.push(`invalid IPv4 address: ${s.ipv4Address}`);
  }
  if (n && ip !== null && ip !== 0) {
    if (n.userSubnet && n.pool) {
      if (!poolContains(n.pool, ip))
        errs.push(`no configured subnet or ip-range contain the IP address ${s.ipv4Address}`);
    } else if (isUserDefinedName(name)) {
      errs.push(
        'user specified IP address is supported only when connecting to networks with user configured subnets',
      );
    }
  }
  if (s.macAddress !== '' && !/^([0-9a-fA-F]{2}[:-]){5}[0-9a-fA-F]{2}$/.test(s.macAddress)) {
    return `invalid MAC address ${s.macAddress}`;
  }
  if (errs.length === 0) return null;
  const body = errs.length === 1 ? (errs[0] as string) : `* ${errs.join('\n* ')}`;
  return `invalid endpoint settings:\n${body}`;
}
