/**
 * Why a packet was discarded, spelled as Linux's enum skb_drop_reason (include/net/dropreason-core.h).
 * Every discard in the simulated kernel goes through one function with one of these; nothing is lost
 * silently.
 */
export const DROP_REASONS = {
  NOT_SPECIFIED: 'dropped for an unspecified reason',
  NO_SOCKET: 'no socket is listening for it',
  PKT_TOO_SMALL: 'packet too small',
  OTHERHOST: 'addressed to another host (MAC not ours)',
  IP_INHDR: 'bad IPv4 header',
  IP_RPFILTER: 'failed the reverse-path filter',
  IP_INVALID_SOURCE: 'its source address is one of ours (a martian)',
  IP_INADDRERRORS: 'bad destination address',
  IP_INNOROUTES: 'no route to forward it',
  IP_OUTNOROUTES: 'no route for the outgoing packet',
  IP_NOPROTO: 'no handler for its IP protocol',
  NETFILTER_DROP: 'dropped by a netfilter (iptables) rule',
  NEIGH_FAILED: 'the next hop did not answer ARP',
  NEIGH_QUEUEFULL: 'too many packets waiting for ARP',
  NEIGH_DEAD: 'the neighbour entry was removed',
  NEIGH_CREATEFAIL: 'could not create a neighbour entry',
  TC_EGRESS: 'dropped at egress',
  DEV_READY: 'the device is down',
  DEV_HDR: 'bad link-layer header',
  UNHANDLED_PROTO: 'no handler for its protocol',
  IP_TTL_EXCEEDED: 'its TTL reached zero',
  BRIDGE_NOT_FORWARDING: 'the bridge port is not forwarding',
  BRIDGE_NO_PORT: 'the bridge has no other port to send it to',
  VETH_PEER_DOWN: 'the other end of the veth pair is down',
  PKT_TOO_BIG: "larger than the receiving device's MTU",
  DUP_FRAG: 'a duplicate or overlapping IP fragment',
  FRAG_REASM_TIMEOUT: 'the rest of its datagram did not come in time (reassembly timeout)',
  CABLE_UNPLUGGED: 'nothing is at the other end of the cable',
  SOCKET_RCVBUFF: 'the socket receive buffer is full',
  TCP_CLOSE: 'the connection is closed',
  ICMP_CSUM: 'bad ICMP checksum',
  ARP_NOT_OURS: 'ARP request for an address that is not ours',
  IPV6DISABLED: 'IPv6 is disabled on the device',
  EVENT_BUDGET: 'the per-command event budget ran out (a loop?)',
} as const;

export type DropReason = keyof typeof DROP_REASONS;

export function describeDropReason(r: DropReason): string {
  return DROP_REASONS[r];
}
