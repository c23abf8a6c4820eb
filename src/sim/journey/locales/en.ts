/**
 * The packet journey in English: step explanations, drop reasons in plain words, table titles, stage and
 * header field names, and the player's labels. Keys mirror zh_CN.ts (a test checks both have the same keys
 * and placeholders). `{{x}}` is filled by i18next (the UI) or `journeyText` (the transcript runner).
 */
export const journeyEn = {
  explain: {
    xmit_veth:
      '{{where}} sends the frame out of {{dev}}. {{dev}} is one end of a veth pair, so the frame comes out of the other end, {{peer}} in {{peerWhere}}.',
    xmit_port:
      '{{bridge}} sends the frame out of its port {{dev}}. {{dev}} is one end of a veth pair, so the frame comes out of the other end, {{peer}} in {{peerWhere}}.',
    xmit_wire: '{{where}} puts the frame on the cable at {{dev}}; it arrives at {{peer}} in {{peerWhere}}.',
    xmit_lo:
      '{{where}} sends the packet to itself through the loopback device lo: it never leaves this network namespace.',
    xmit_bridge:
      '{{where}} sends the frame out of the bridge {{dev}}. The bridge picks the port it leaves by (br_dev_xmit).',
    xmit: '{{where}} sends the frame out of {{dev}}.',
    rx_port:
      '{{dev}} receives the frame. {{dev}} is a port of the bridge {{bridge}}, so the bridge handles the frame, not the IP stack.',
    rx_bridge:
      'The frame reaches the bridge device {{dev}} itself: from here the IP stack of {{where}} sees it, as on any interface.',
    rx_lo: 'The packet comes back in on {{dev}}, in the same namespace.',
    rx: '{{dev}} in {{where}} receives the frame.',
    fdb_learn:
      '{{bridge}} learns from the frame’s source address that {{mac}} is behind its port {{port}} (a new entry in its forwarding database).',
    fdb_move: '{{mac}} has moved: {{bridge}} now knows it behind {{port}}.',
    fdb_refresh: '{{bridge}} refreshes its forwarding entry: {{mac}} is still behind {{port}}.',
    br_forward:
      '{{bridge}} looks up the destination {{mac}} in its forwarding database: it is behind {{port}}, so the frame goes out of that port only.',
    flood_broadcast: 'The frame is a broadcast, so {{bridge}} floods a copy to every other port: {{ports}}.',
    flood_broadcast_none: 'The frame is a broadcast, but {{bridge}} has no other port to flood it to.',
    flood_multicast: 'The frame is a multicast, so {{bridge}} floods a copy to every other port: {{ports}}.',
    flood_multicast_none: 'The frame is a multicast, but {{bridge}} has no other port to flood it to.',
    flood_unknown:
      '{{bridge}} does not know behind which port {{mac}} is (no forwarding entry), so it floods a copy to every other port: {{ports}}.',
    flood_unknown_none:
      '{{bridge}} does not know where {{mac}} is, and it has no other port to flood the frame to.',
    br_local:
      'The frame is also for the host itself (a broadcast, or addressed to the bridge), so {{bridge}} passes it up to the IP stack of {{where}}.',
    route_out:
      '{{where}} looks up where to send a packet for {{dst}}. The route “{{route}}” (table {{table}}) says: out of {{dev}}, directly to {{dst}} on that link.',
    route_out_gw:
      '{{where}} looks up where to send a packet for {{dst}}. The route “{{route}}” (table {{table}}) says: out of {{dev}}, through the gateway {{gw}}.',
    route_out_local:
      '{{dst}} is an address of {{where}} itself (table local: “{{route}}”), so the packet goes through the loopback device.',
    route_out_none:
      '{{where}} has no route to {{dst}}. Sending fails at once with “Network is unreachable”: no packet is even made.',
    route_in_local:
      '{{dst}} is one of the addresses of {{where}} (table local: “{{route}}”), so the packet is for this namespace: it is delivered locally.',
    route_in_fwd:
      '{{dst}} is not an address of {{where}}. The route “{{route}}” (table {{table}}) sends it on out of {{dev}}: the packet will be forwarded.',
    route_in_fwd_gw:
      '{{dst}} is not an address of {{where}}. The route “{{route}}” (table {{table}}) sends it on out of {{dev}} to the gateway {{gw}}: the packet will be forwarded.',
    route_in_none: '{{where}} has no route to {{dst}}, so it cannot forward the packet.',
    route_broadcast: '{{dst}} is a broadcast address of {{where}} (“{{route}}”).',
    route_reject: 'The route “{{route}}” is of type {{type}}: packets to {{dst}} are refused.',
    neigh_incomplete:
      '{{where}} has no ARP entry for {{ip}} on {{dev}}, so it cannot address the frame yet. The packet waits in a new INCOMPLETE entry while an ARP request asks who has {{ip}}.',
    neigh_resolved:
      'The ARP reply arrived: {{ip}} is at {{mac}}. The entry becomes REACHABLE and the packets that waited for it are sent.',
    neigh_confirmed: '{{ip}} is confirmed at {{mac}}: the ARP entry is REACHABLE again.',
    neigh_learned:
      '{{where}} notes from the ARP request that {{ip}} is at {{mac}}: a STALE entry (learned, not yet confirmed), handy for its answer.',
    neigh_stale: 'The ARP entry for {{ip}} ({{mac}}) has not been confirmed for a while: it becomes STALE.',
    neigh_delay:
      '{{where}} uses its unconfirmed entry for {{ip}} ({{mac}}) and waits a little (DELAY): if nothing confirms it soon, it will probe.',
    neigh_probe: '{{where}} probes {{ip}} again with a unicast ARP request (PROBE).',
    neigh_failed:
      'Nobody answered the ARP requests for {{ip}}: the entry becomes FAILED and the packets that waited for it are dropped.',
    neigh_other: 'The ARP entry for {{ip}} on {{dev}} goes from {{from}} to {{to}}.',
    arp_request:
      '{{where}} broadcasts an ARP request out of {{dev}}: “who has {{target}}? Tell {{sender}}.” Every host on the link gets it.',
    arp_probe: '{{where}} asks {{targetMac}} directly whether it still has {{target}} (a unicast ARP probe).',
    arp_reply:
      '{{where}} answers the ARP request: {{sender}} is at {{mac}}. The reply goes straight back to {{targetMac}}.',
    nf_accept:
      'iptables, table {{table}}, chain {{chain}} (hook {{hook}}): the rule “{{rule}}” matches, and the packet is accepted.',
    nf_policy:
      'iptables, table {{table}} (hook {{hook}}): no rule of chain {{chain}} decides, so its policy applies: {{verdict}}.',
    nf_drop:
      'iptables, table {{table}}, chain {{chain}} (hook {{hook}}): the rule “{{rule}}” matches and DROPS the packet, without telling the sender.',
    nf_policy_drop:
      'iptables, table {{table}} (hook {{hook}}): no rule of chain {{chain}} accepts the packet, so the chain’s policy DROP discards it.',
    nf_dnat:
      'iptables, table {{table}}, chain {{chain}} (hook {{hook}}): the rule “{{rule}}” changes the packet’s destination ({{verdict}}).',
    nf_snat:
      'iptables, table {{table}}, chain {{chain}} (hook {{hook}}): the rule “{{rule}}” changes the packet’s source to an address of the outgoing interface ({{verdict}}).',
    nf_reject:
      'iptables, table {{table}}, chain {{chain}} (hook {{hook}}): the rule “{{rule}}” rejects the packet and sends an error back.',
    nf_verdict:
      'iptables, table {{table}}, chain {{chain}} (hook {{hook}}): the rule “{{rule}}” decides {{verdict}}.',
    nat_snat:
      'Source NAT: the packet now reads “{{after}}” instead of “{{before}}”. Connection tracking entry #{{ct}} remembers the mapping, so the replies are translated back.',
    nat_dnat:
      'Destination NAT: “{{before}}” becomes “{{after}}”. Connection tracking entry #{{ct}} remembers it for the replies.',
    nat_again:
      'The packet belongs to connection #{{ct}}, whose NAT was decided by its first packet: “{{before}}” becomes “{{after}}” without asking iptables again.',
    nat_reverse:
      'This is a reply of connection #{{ct}}: its NAT is undone, “{{before}}” becomes “{{after}}”, so it reaches the one who asked.',
    icmp_error: '{{where}} sends an ICMP error back to {{to}}: {{what}}.',
    icmp_limited:
      '{{where}} would send an ICMP error (type {{type}}) to {{to}}, but its rate limit holds it back.',
    ip_forward:
      '{{where}} forwards the packet from {{in}} to {{out}} (IP forwarding is on). The TTL goes down by one, to {{ttl}}.',
    local_deliver:
      'The packet is for {{where}}: it goes up from the IP layer to the transport layer (ICMP, TCP or UDP).',
    sock_deliver: 'It reaches a program in {{where}}: {{detail}}.',
    drop: 'The packet is dropped in {{where}}: {{reason}}.',
    consume: 'The packet’s journey ends here, in {{where}}, as it should: {{detail}}.',
    budget:
      'The simulator stopped: this command moved too many packets (a loop?). The rest are dropped, so the page cannot hang.',
    link: '{{dev}} in {{where}}: {{detail}}.',
  },
  drop: {
    NOT_SPECIFIED: 'dropped for an unspecified reason',
    NO_SOCKET: 'no program listens on that port',
    PKT_TOO_SMALL: 'the packet is too small',
    OTHERHOST: 'the frame is addressed to another MAC address',
    IP_INHDR: 'its IPv4 header is bad',
    IP_RPFILTER: 'it failed the reverse-path filter',
    IP_INVALID_SOURCE: 'its source address belongs to this namespace, so it cannot have come from outside',
    IP_INADDRERRORS: 'its destination address is not valid here',
    IP_INNOROUTES: 'there is no route to forward it',
    IP_OUTNOROUTES: 'there is no route to send it',
    IP_NOPROTO: 'nothing handles its IP protocol',
    NETFILTER_DROP: 'an iptables rule (or a chain policy) dropped it',
    NEIGH_FAILED: 'the next hop never answered ARP',
    NEIGH_QUEUEFULL: 'too many packets were waiting for ARP',
    NEIGH_DEAD: 'the ARP entry it waited for was removed',
    NEIGH_CREATEFAIL: 'no ARP entry could be made for the next hop',
    TC_EGRESS: 'it was dropped on the way out',
    DEV_READY: 'the interface is down',
    DEV_HDR: 'its link-layer header is bad',
    UNHANDLED_PROTO: 'nothing handles its protocol',
    IP_TTL_EXCEEDED: 'its TTL reached zero',
    BRIDGE_NOT_FORWARDING: 'the bridge port is not forwarding',
    BRIDGE_NO_PORT: 'the bridge has no other port to send it to',
    VETH_PEER_DOWN: 'the other end of the veth pair is down',
    CABLE_UNPLUGGED: 'nothing is plugged in at the other end of the cable',
    SOCKET_RCVBUFF: 'the program’s receive buffer is full',
    TCP_CLOSE: 'the connection is already closed',
    ICMP_CSUM: 'its ICMP checksum is bad',
    ARP_NOT_OURS: 'it asks for an address this namespace does not have',
    IPV6DISABLED: 'IPv6 is disabled on the interface',
    EVENT_BUDGET: 'the command used up its event budget (a loop?)',
  },
  table: {
    route: 'Routing table {{table}}',
    noRoute: 'No route matches {{dst}}.',
    neigh: 'ARP table (ip neigh)',
    fdb: 'Forwarding database of {{bridge}}',
    ports: 'Ports of {{bridge}}',
    flood: 'No forwarding entry decides: every other port gets a copy.',
    iptables: 'iptables -t {{table}}, chain {{chain}}',
    counter: 'packets bytes',
    conntrack: 'Connection tracking entry #{{ct}} (original, reply)',
    nat: '{{type}}: {{before}} → {{after}}',
    drop: 'Dropped',
    reason: 'Why: {{reason}}.',
  },
  stage: {
    net_dev_xmit: 'send',
    netif_receive_skb: 'receive',
    br_fdb_update: 'bridge learns',
    br_forward: 'bridge forwards',
    br_flood: 'bridge floods',
    br_local: 'up to the host',
    fib_table_lookup: 'route lookup',
    neigh_update: 'ARP entry',
    arp_send: 'ARP',
    nf_hook: 'iptables',
    nat: 'NAT',
    icmp_send: 'ICMP error',
    ip_forward: 'forward',
    ip_local_deliver: 'deliver',
    sock_deliver: 'to the program',
    kfree_skb: 'DROP',
    consume_skb: 'done',
    budget_exhausted: 'stopped',
    link_change: 'link',
  },
  fate: {
    delivered: 'delivered in {{where}}',
    consumed: 'ends in {{where}}',
    dropped: 'dropped in {{where}}',
    'in-flight': 'still travelling',
  },
  layer: {
    eth: 'Ethernet',
    arp: 'ARP',
    ip: 'IPv4',
    icmp: 'ICMP',
    tcp: 'TCP',
    udp: 'UDP',
    dns: 'DNS',
    data: 'Data',
  },
  field: {
    src: 'source',
    dst: 'destination',
    ethertype: 'type',
    op: 'operation',
    senderMac: 'sender MAC',
    senderIp: 'sender IP',
    targetMac: 'target MAC',
    targetIp: 'target IP',
    ttl: 'TTL',
    proto: 'protocol',
    id: 'identification',
    len: 'total length',
    tos: 'TOS',
    type: 'type',
    code: 'code',
    echoId: 'identifier',
    seq: 'sequence',
    ack: 'acknowledgment',
    flags: 'flags',
    sport: 'source port',
    dport: 'destination port',
    quoted: 'quoted packet',
    qid: 'query id',
    question: 'question',
    answers: 'answers',
    rcode: 'result',
    size: 'bytes',
    text: 'text',
  },
  player: {
    title: 'Packet journey',
    empty: 'Run a command that sends packets (ping, curl…) and its journey appears here, hop by hop.',
    nothing: 'This command moved no packets.',
    line: 'Journey of',
    play: 'Play',
    pause: 'Pause',
    step: 'Step forward',
    back: 'Step back',
    start: 'Back to the start',
    end: 'Jump to the end',
    speed: 'Speed',
    stepMode: 'Step mode',
    stepModeHint:
      'Run the next command one event at a time: the tables fill as the packet arrives, and Back restores the world as it was.',
    stepping: 'Stepping through “{{line}}”: the world shown is the one after the highlighted event.',
    finish: 'Done',
    filters: 'Filters',
    allProtos: 'all protocols',
    container: 'Container',
    anyContainer: 'any namespace',
    time: 'time',
    where: 'namespace',
    device: 'device',
    stage: 'stage',
    what: 'packet',
    packets: '{{count}} packets',
    packetN: 'packet #{{id}}',
    rowOf: 'event {{n}} of {{total}}',
    explanation: 'What happens',
    decided: 'What decided',
    detail: 'Packet',
    before: 'before NAT',
    after: 'after NAT',
    noHeaders: 'No frame was seen on a device for this step yet.',
    status_idle: 'ready',
    status_playing: 'playing',
    status_paused: 'paused',
    status_stepping: 'stepping',
  },
} as const;

/** The shape every language must have: the same keys, any strings. */
type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type JourneyText = Widen<typeof journeyEn>;
