/**
 * Names shared by the rule matcher and the iptables tools: conntrack states (xt_conntrack/xt_state), address
 * types (RTN_* as libxt_addrtype.c spells them), ICMP types (libipt_icmp.c icmp_codes), TCP flag bits.
 */

/** In the order iptables prints them (libxt_conntrack.c state_print / libxt_state.c). */
export const CT_STATES: readonly string[] = [
  'INVALID',
  'NEW',
  'RELATED',
  'ESTABLISHED',
  'UNTRACKED',
  'SNAT',
  'DNAT',
];

/** RTN_* route types, in bit order (libxt_addrtype.c rtn_names). */
export const ADDR_TYPES: readonly string[] = [
  'UNSPEC',
  'UNICAST',
  'LOCAL',
  'BROADCAST',
  'ANYCAST',
  'MULTICAST',
  'BLACKHOLE',
  'UNREACHABLE',
  'PROHIBIT',
  'THROW',
  'NAT',
  'XRESOLVE',
];

/** Bits as include/uapi/linux/netfilter/xt_tcpudp.h and the TCP header use them. */
export const TCP_FLAG_NAMES: readonly (readonly [string, number])[] = [
  ['FIN', 0x01],
  ['SYN', 0x02],
  ['RST', 0x04],
  ['PSH', 0x08],
  ['ACK', 0x10],
  ['URG', 0x20],
  ['ALL', 0x3f],
  ['NONE', 0],
];

export interface IcmpTypeName {
  name: string;
  type: number;
  /** A specific code, or null for every code of the type. */
  code: number | null;
  aliases: readonly string[];
}

const t = (name: string, type: number, code: number | null = null, aliases: string[] = []): IcmpTypeName => ({
  name,
  type,
  code,
  aliases,
});

/** libipt_icmp.c icmp_codes[] ("any" is type 255). */
export const ICMP_TYPES: readonly IcmpTypeName[] = [
  t('any', 255),
  t('echo-reply', 0, null, ['pong']),
  t('destination-unreachable', 3),
  t('network-unreachable', 3, 0),
  t('host-unreachable', 3, 1),
  t('protocol-unreachable', 3, 2),
  t('port-unreachable', 3, 3),
  t('fragmentation-needed', 3, 4),
  t('source-route-failed', 3, 5),
  t('network-unknown', 3, 6),
  t('host-unknown', 3, 7),
  t('network-prohibited', 3, 9),
  t('host-prohibited', 3, 10),
  t('TOS-network-unreachable', 3, 11),
  t('TOS-host-unreachable', 3, 12),
  t('communication-prohibited', 3, 13),
  t('host-precedence-violation', 3, 14),
  t('precedence-cutoff', 3, 15),
  t('source-quench', 4),
  t('redirect', 5),
  t('network-redirect', 5, 0),
  t('host-redirect', 5, 1),
  t('TOS-network-redirect', 5, 2),
  t('TOS-host-redirect', 5, 3),
  t('echo-request', 8, null, ['ping']),
  t('router-advertisement', 9),
  t('router-solicitation', 10),
  t('time-exceeded', 11, null, ['ttl-exceeded']),
  t('ttl-zero-during-transit', 11, 0),
  t('ttl-zero-during-reassembly', 11, 1),
  t('parameter-problem', 12),
  t('ip-header-bad', 12, 0),
  t('required-option-missing', 12, 1),
  t('timestamp-request', 13),
  t('timestamp-reply', 14),
  t('address-mask-request', 17),
  t('address-mask-reply', 18),
];

/** REJECT --reject-with names (libipt_REJECT.c reject_table), canonical name first. */
export const REJECT_TYPES: readonly (readonly [string, string])[] = [
  ['icmp-net-unreachable', 'net-unreach'],
  ['icmp-host-unreachable', 'host-unreach'],
  ['icmp-proto-unreachable', 'proto-unreach'],
  ['icmp-port-unreachable', 'port-unreach'],
  ['icmp-net-prohibited', 'net-prohib'],
  ['icmp-host-prohibited', 'host-prohib'],
  ['tcp-reset', 'tcp-rst'],
  ['icmp-admin-prohibited', 'admin-prohib'],
];

/** Debian 12's /etc/protocols, number by name (aliases omitted). */
export const PROTOCOLS: Record<string, number> = {
  ip: 0,
  hopopt: 0,
  icmp: 1,
  igmp: 2,
  ggp: 3,
  ipencap: 4,
  st: 5,
  tcp: 6,
  egp: 8,
  igp: 9,
  pup: 12,
  udp: 17,
  hmp: 20,
  'xns-idp': 22,
  rdp: 27,
  'iso-tp4': 29,
  dccp: 33,
  xtp: 36,
  ddp: 37,
  'idpr-cmtp': 38,
  ipv6: 41,
  'ipv6-route': 43,
  'ipv6-frag': 44,
  idrp: 45,
  rsvp: 46,
  gre: 47,
  esp: 50,
  ah: 51,
  skip: 57,
  'ipv6-icmp': 58,
  'ipv6-nonxt': 59,
  'ipv6-opts': 60,
  rspf: 73,
  vmtp: 81,
  eigrp: 88,
  ospf: 89,
  'ax.25': 93,
  ipip: 94,
  etherip: 97,
  encap: 98,
  pim: 103,
  ipcomp: 108,
  vrrp: 112,
  l2tp: 115,
  isis: 124,
  sctp: 132,
  fc: 133,
  'mobility-header': 135,
  udplite: 136,
  'mpls-in-ip': 137,
  manet: 138,
  hip: 139,
  shim6: 140,
  wesp: 141,
  rohc: 142,
  ethernet: 143,
};

/** xtables_chain_protos: the names iptables prints before it asks /etc/protocols. */
export const CHAIN_PROTOS: readonly [string, number][] = [
  ['tcp', 6],
  ['sctp', 132],
  ['udp', 17],
  ['udplite', 136],
  ['icmp', 1],
  ['icmpv6', 58],
  ['esp', 50],
  ['ah', 51],
  ['mh', 135],
  ['all', 0],
];

/** proto_to_name(): the name iptables prints for -p (save form, and `-L` without -n). */
export function protoName(proto: number): string {
  const c = CHAIN_PROTOS.find(([, n]) => n === proto);
  if (c) return c[0];
  const e = Object.entries(PROTOCOLS).find(([, n]) => n === proto);
  return e ? e[0] : String(proto);
}
