/**
 * The little network the ping and traceroute tests run on (test-only): a bridge 10.1.0.1/24 in namespace h
 * with containers a (.2) and b (.3) behind veths, and an empty namespace n; and the oracle's normalisation
 * of timings (normalize.py norm_ping).
 */
/** A bridge 10.1.0.1/24 in namespace h with containers a (.2) and b (.3), and an empty namespace n. */
export const TOPO: readonly string[] = [
  'ip netns add h',
  'ip netns add a',
  'ip netns add b',
  'ip netns add n',
  'ip -n h link set lo up',
  'ip -n a link set lo up',
  'ip -n b link set lo up',
  'ip -n n link set lo up',
  'ip -n h link add br0 type bridge',
  'ip -n h addr add 10.1.0.1/24 brd + dev br0',
  'ip -n h link set br0 up',
  'ip -n h link add va type veth peer name eth0 netns a',
  'ip -n h link add vb type veth peer name eth0 netns b',
  'ip -n h link set va master br0',
  'ip -n h link set vb master br0',
  'ip -n h link set va up',
  'ip -n h link set vb up',
  'ip -n a addr add 10.1.0.2/24 brd + dev eth0',
  'ip -n b addr add 10.1.0.3/24 brd + dev eth0',
  'ip -n a link set eth0 up',
  'ip -n b link set eth0 up',
  'ip -n a route add default via 10.1.0.1',
  'ip -n b route add default via 10.1.0.1',
];

/** Namespaces h and z joined by a veth pair, 192.168.50.1 and .2, both ends up (MTU 1500). */
export const VETH_PAIR: readonly string[] = [
  'ip netns add h',
  'ip netns add z',
  'ip -n h link add eth0 type veth peer name eth0 netns z',
  'ip -n h addr add 192.168.50.1/24 dev eth0',
  'ip -n z addr add 192.168.50.2/24 dev eth0',
  'ip -n h link set eth0 up',
  'ip -n z link set eth0 up',
];

/** a -- r -- c with ip_forward on r and MTU 1400 on the r--c link. */
export const TWO_HOPS: readonly string[] = [
  'ip netns add a',
  'ip netns add r',
  'ip netns add c',
  'ip -n a link add eth0 type veth peer name a0 netns r',
  'ip -n c link add eth0 type veth peer name c0 netns r',
  'ip -n a addr add 10.1.0.2/24 dev eth0',
  'ip -n r addr add 10.1.0.1/24 dev a0',
  'ip -n c addr add 10.2.0.2/24 dev eth0',
  'ip -n r addr add 10.2.0.1/24 dev c0',
  'ip -n a link set eth0 up',
  'ip -n c link set eth0 up',
  'ip -n r link set a0 up',
  'ip -n r link set c0 up',
  'ip -n a route add default via 10.1.0.1',
  'ip -n c route add default via 10.2.0.1',
  'ip netns exec r sysctl -qw net.ipv4.ip_forward=1',
  'ip -n r link set c0 mtu 1400',
  'ip -n c link set eth0 mtu 1400',
];

/** The oracle's normalisation of timings. */
export function norm(s: string): string {
  return s
    .replace(/time=[\d.]+ ms/g, 'time=<RTT> ms')
    .replace(/time \d+ms/g, 'time <T>ms')
    .replace(/= [\d.]+\/[\d.]+\/[\d.]+\/[\d.]+ ms/g, '= <RTT>/<RTT>/<RTT>/<RTT> ms')
    .replace(/= [\d.]+\/[\d.]+\/[\d.]+ ms/g, '= <RTT>/<RTT>/<RTT> ms')
    .replace(/\b\d+\.\d+ ms/g, '<RTT> ms');
}
