# IPv6 between three namespaces: a router (forwarding=1) with a bridge towards host a and a veth towards
# host b; static routes (via, dev, metric, default, another table, del) and their errors; listings; pings
# on-link, routed, to ::1 and to absent addresses; the neighbour tables the pings leave.
ip netns add vx-6r
ip netns add vx-6a
ip netns add vx-6b
ip -n vx-6r link set lo up
ip -n vx-6a link set lo up
ip -n vx-6b link set lo up
ip -n vx-6r link add br0 type bridge
ip -n vx-6r link set br0 address 52:54:00:66:00:01
ip -n vx-6r link add pa type veth peer name eth0 netns vx-6a
ip -n vx-6r link add eth1 type veth peer name eth0 netns vx-6b
ip -n vx-6r link set pa address 52:54:00:66:01:01
ip -n vx-6r link set eth1 address 52:54:00:66:02:01
ip -n vx-6a link set eth0 address 52:54:00:66:01:02
ip -n vx-6b link set eth0 address 52:54:00:66:02:02
ip -n vx-6r link set pa master br0
ip -n vx-6r addr add fd00:1::1/64 dev br0
ip -n vx-6r addr add fd00:2::1/64 dev eth1
ip -n vx-6a addr add fd00:1::2/64 dev eth0
ip -n vx-6b addr add fd00:2::2/64 dev eth0
ip -n vx-6r link set br0 up
ip -n vx-6r link set pa up
ip -n vx-6r link set eth1 up
ip -n vx-6a link set eth0 up
ip -n vx-6b link set eth0 up
sleep 3
@err/route6_add_nogw_default ip -n vx-6a -6 route add default via fd00:9::1
ip -n vx-6a -6 route add default via fd00:1::1
ip -n vx-6b -6 route add default via fd00:2::1 dev eth0
ip -n vx-6r -6 route add fd00:99::/64 via fd00:2::2 metric 100
ip -n vx-6r -6 route add fd00:98::/64 dev eth1
ip -n vx-6r -6 route add fd00:96::/64 via fd00:2::2 metric 50
ip -n vx-6r -6 route add fd00:96::/64 via fd00:2::2 metric 60
ip -n vx-6r -6 route add fd00:97::/48 via fd00:2::2 table 100
ip -n vx-6r -6 route add fd00:95::/64 via fd00:2::2
ip -n vx-6r -6 route del fd00:95::/64
ip -n vx-6r route add fd00:94::/64 via fd00:2::2
@err/route6_add_exists ip -n vx-6r -6 route add fd00:99::/64 via fd00:2::2 metric 100
@err/route6_add_default_exists ip -n vx-6a -6 route add default via fd00:1::1
@err/route6_add_bad_gw ip -n vx-6r -6 route add fd00:50::/64 via fd00:77::1
@err/route6_add_nodev ip -n vx-6r -6 route add fd00:51::/64 dev nosuch
@err/route6_del_missing ip -n vx-6r -6 route del fd00:52::/64
@err/route6_add_v4_prefix ip -n vx-6r -6 route add 10.1.0.0/16 dev eth1
@err/route6_del_default_missing ip -n vx-6r -6 route del default
ip netns exec vx-6r sysctl -q -w net.ipv6.conf.all.forwarding=1
@r/ip_6_route ip netns exec vx-6r ip -6 route
@r/ip_6_route_table_all ip netns exec vx-6r ip -6 route show table all
@r/ip_6_route_table_100 ip netns exec vx-6r ip -6 route show table 100
@r/ip_6_route_dev_eth1 ip netns exec vx-6r ip -6 route show dev eth1
@r/ip_j_6_route ip netns exec vx-6r ip -j -6 route
@r/ip_route ip netns exec vx-6r ip route
@a/ip_6_route ip netns exec vx-6a ip -6 route
@a/ip_j_6_route ip netns exec vx-6a ip -j -6 route
@b/ip_6_route ip netns exec vx-6b ip -6 route
@a/ip_6_route_get_b ip netns exec vx-6a ip -6 route get fd00:2::2
@a/ip_6_route_get_r ip netns exec vx-6a ip -6 route get fd00:1::1
@pings/a_to_r ip netns exec vx-6a ping -c 2 fd00:1::1
@pings/a_to_b ip netns exec vx-6a ping -c 2 fd00:2::2
@pings/a_to_r_far ip netns exec vx-6a ping -6 -c 1 fd00:2::1
@pings/a_lo ip netns exec vx-6a ping -c 2 ::1
@pings/a_own ip netns exec vx-6a ping -c 1 fd00:1::2
@pings/b_to_a_busybox ip netns exec vx-6b busybox ping -c 2 fd00:1::2
@pings/r_to_b ip netns exec vx-6r ping -c 1 fd00:2::2
@pings/r_no_route ip netns exec vx-6r ping -c 1 fd00:3::1
@pings/a_no_route_at_r ip netns exec vx-6a ping -c 1 fd00:3::1
# Router solicitations (sent from link-local addresses on a timer) leave STALE entries at a router: only the
# global addresses' rows are captured there.
@a/ip_neigh_6_global ip netns exec vx-6a ip -6 neigh show to fd00::/16
@r/ip_neigh_6_global ip netns exec vx-6r ip -6 neigh show to fd00::/16
@b/ip_neigh_6 ip netns exec vx-6b ip -6 neigh
@r/ip_neigh_dev_eth1_global ip netns exec vx-6r ip neigh show dev eth1 to fd00::/16
@a/ip_j_neigh ip netns exec vx-6a ip -j -6 neigh show to fd00::/16
@pings/a_absent ip netns exec vx-6a ping -c 1 -W 5 fd00:1::99
@a/ip_neigh_6_after_absent ip netns exec vx-6a ip -6 neigh show to fd00::/16
ip -n vx-6r -6 route del fd00:99::/64 via fd00:2::2 metric 100
ip -n vx-6a -6 route del default
@r/ip_6_route_after_del ip netns exec vx-6r ip -6 route
@a/ip_6_route_after_del ip netns exec vx-6a ip -6 route
@pings/a_to_b_no_default ip netns exec vx-6a ping -c 1 fd00:2::2
ip netns delete vx-6a
ip netns delete vx-6b
ip netns delete vx-6r
