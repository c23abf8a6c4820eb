/** Protocol numbers by the names tcpdump and /etc/protocols give them (for the packet detail view). */
export const ETHERTYPE_NAMES: Readonly<Record<number, string>> = {
  0x0800: 'IPv4',
  0x0806: 'ARP',
  0x86dd: 'IPv6',
};

export const IP_PROTO_NAMES: Readonly<Record<number, string>> = { 1: 'icmp', 2: 'igmp', 6: 'tcp', 17: 'udp' };

/** print-icmp.c's names for the types the simulator sends. */
export const ICMP_TYPE_NAMES: Readonly<Record<number, string>> = {
  0: 'echo reply',
  3: 'destination unreachable',
  5: 'redirect',
  8: 'echo request',
  11: 'time exceeded',
  12: 'parameter problem',
};
