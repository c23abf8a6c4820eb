# Two user-defined bridges with custom subnets (10.10.0.0/24 gw .1, 192.168.100.0/24 gw .254), a container on
# both (eth1 without a second default route), a container stopped (veth deleted) and started again (new veth,
# new ifindex numbers), then a bridge deleted while it still has ports. No docker iptables rules: FORWARD accepts.
ip netns add vx-host
ip netns add vx-lan
ip -n vx-host link set lo up
ip -n vx-lan link set lo up
ip -n vx-host link add eth0 type veth peer name eth0 netns vx-lan
ip -n vx-host link set eth0 address 52:54:00:aa:01:32
ip -n vx-lan link set eth0 address 52:54:00:aa:01:01
ip -n vx-host addr add 192.168.1.50/24 brd + dev eth0
ip -n vx-lan addr add 192.168.1.1/24 brd + dev eth0
ip -n vx-host link set eth0 up
ip -n vx-lan link set eth0 up
ip -n vx-host route add default via 192.168.1.1 dev eth0
ip netns exec vx-host sysctl -q -w net.ipv4.ip_forward=1
ip -n vx-host link add br-aaaa11112222 txqueuelen 0 type bridge
ip -n vx-host link set br-aaaa11112222 address 02:42:3a:10:aa:01
ip -n vx-host addr add 10.10.0.1/24 brd + dev br-aaaa11112222
ip -n vx-host link set br-aaaa11112222 up
ip -n vx-host link add br-bbbb33334444 txqueuelen 0 type bridge
ip -n vx-host link set br-bbbb33334444 address 02:42:6b:20:bb:02
ip -n vx-host addr add 192.168.100.254/24 brd + dev br-bbbb33334444
ip -n vx-host link set br-bbbb33334444 up
# container a on bridge 1
ip netns add vx-a
ip -n vx-a link set lo up
ip -n vx-host link add veth11aa001 txqueuelen 0 type veth peer name vx-tmp0 txqueuelen 0
ip -n vx-host link set veth11aa001 address 9a:11:00:00:00:01
ip -n vx-host link set veth11aa001 master br-aaaa11112222
ip -n vx-host link set veth11aa001 up
ip -n vx-host link set vx-tmp0 netns vx-a
ip -n vx-a link set vx-tmp0 name eth0
ip -n vx-a link set eth0 address 02:42:0a:0a:00:02
ip netns exec vx-a sysctl -q -w net.ipv6.conf.eth0.disable_ipv6=1
ip -n vx-a addr add 10.10.0.2/24 brd + dev eth0
ip -n vx-a link set eth0 up
ip -n vx-a route add default via 10.10.0.1 dev eth0
# container b on bridge 1 (gateway) and bridge 2 (eth1, no default route)
ip netns add vx-b
ip -n vx-b link set lo up
ip -n vx-host link add veth22bb002 txqueuelen 0 type veth peer name vx-tmp0 txqueuelen 0
ip -n vx-host link set veth22bb002 address 9a:22:00:00:00:02
ip -n vx-host link set veth22bb002 master br-aaaa11112222
ip -n vx-host link set veth22bb002 up
ip -n vx-host link set vx-tmp0 netns vx-b
ip -n vx-b link set vx-tmp0 name eth0
ip -n vx-b link set eth0 address 02:42:0a:0a:00:03
ip netns exec vx-b sysctl -q -w net.ipv6.conf.eth0.disable_ipv6=1
ip -n vx-b addr add 10.10.0.3/24 brd + dev eth0
ip -n vx-b link set eth0 up
ip -n vx-b route add default via 10.10.0.1 dev eth0
ip -n vx-host link add veth33bb003 txqueuelen 0 type veth peer name vx-tmp0 txqueuelen 0
ip -n vx-host link set veth33bb003 address 9a:33:00:00:00:03
ip -n vx-host link set veth33bb003 master br-bbbb33334444
ip -n vx-host link set veth33bb003 up
ip -n vx-host link set vx-tmp0 netns vx-b
ip -n vx-b link set vx-tmp0 name eth1
ip -n vx-b link set eth1 address 02:42:c0:a8:64:01
ip netns exec vx-b sysctl -q -w net.ipv6.conf.eth1.disable_ipv6=1
ip -n vx-b addr add 192.168.100.1/24 brd + dev eth1
ip -n vx-b link set eth1 up
# container c on bridge 2
ip netns add vx-c
ip -n vx-c link set lo up
ip -n vx-host link add veth44cc004 txqueuelen 0 type veth peer name vx-tmp0 txqueuelen 0
ip -n vx-host link set veth44cc004 address 9a:44:00:00:00:04
ip -n vx-host link set veth44cc004 master br-bbbb33334444
ip -n vx-host link set veth44cc004 up
ip -n vx-host link set vx-tmp0 netns vx-c
ip -n vx-c link set vx-tmp0 name eth0
ip -n vx-c link set eth0 address 02:42:c0:a8:64:02
ip netns exec vx-c sysctl -q -w net.ipv6.conf.eth0.disable_ipv6=1
ip -n vx-c addr add 192.168.100.2/24 brd + dev eth0
ip -n vx-c link set eth0 up
ip -n vx-c route add default via 192.168.100.254 dev eth0
sleep 3
@built/host_ip_a ip netns exec vx-host ip a
@built/host_ip_route ip netns exec vx-host ip route
@built/b_ip_a ip netns exec vx-b ip a
@built/b_ip_route ip netns exec vx-b ip route
@built/b_ip_route_get_192.168.100.2 ip netns exec vx-b ip route get 192.168.100.2
@built/b_ip_route_get_192.168.1.1 ip netns exec vx-b ip route get 192.168.1.1
@built/b_busybox_ip_a ip netns exec vx-b busybox ip a
@built/b_route_n ip netns exec vx-b route -n
@built/host_bridge_link ip netns exec vx-host bridge link
@built/host_brctl_show ip netns exec vx-host brctl show
@pings/a_to_b.iputils ip netns exec vx-a ping -c 2 -W 1 10.10.0.3
@pings/a_to_c_routed.iputils ip netns exec vx-a ping -c 2 -W 1 192.168.100.2
@pings/a_to_c_routed.busybox ip netns exec vx-a busybox ping -c 2 -W 1 192.168.100.2
@pings/b_to_c_eth1.iputils ip netns exec vx-b ping -c 2 -W 1 192.168.100.2
@pings/c_to_bridge1_gw.busybox ip netns exec vx-c busybox ping -c 2 -W 1 10.10.0.1
@pings/c_to_lan.iputils ip netns exec vx-c ping -c 2 -W 1 192.168.1.1
@pings/host_to_a.iputils ip netns exec vx-host ping -c 1 10.10.0.2
@pings/c_traceroute_a.busybox ip netns exec vx-c busybox traceroute -n -w 1 -q 1 -m 3 10.10.0.2
@after-pings/host_ip_neigh ip netns exec vx-host ip neigh
@after-pings/b_ip_neigh ip netns exec vx-b ip neigh
@after-pings/host_bridge_fdb_show_br1 ip netns exec vx-host bridge fdb show br br-aaaa11112222
@after-pings/brctl_showmacs_br2 ip netns exec vx-host brctl showmacs br-bbbb33334444
# docker stop a: the endpoint's veth goes (both ends), the sandbox keeps lo
ip -n vx-host link del veth11aa001
sleep 3
@stopped/a_ip_a ip netns exec vx-a ip a
@stopped/a_ip_route ip netns exec vx-a ip route
@stopped/host_ip_br_a ip netns exec vx-host ip -br a
@stopped/host_bridge_fdb_show_br1 ip netns exec vx-host bridge fdb show br br-aaaa11112222
@stopped/a_ping_b.iputils ip netns exec vx-a ping -c 1 -W 1 10.10.0.3
# docker start a: a new veth pair (new ifindexes from the host's counter)
ip -n vx-host link add veth55aa005 txqueuelen 0 type veth peer name vx-tmp0 txqueuelen 0
ip -n vx-host link set veth55aa005 address 9a:55:00:00:00:05
ip -n vx-host link set veth55aa005 master br-aaaa11112222
ip -n vx-host link set veth55aa005 up
ip -n vx-host link set vx-tmp0 netns vx-a
ip -n vx-a link set vx-tmp0 name eth0
ip -n vx-a link set eth0 address 02:42:0a:0a:00:02
ip netns exec vx-a sysctl -q -w net.ipv6.conf.eth0.disable_ipv6=1
ip -n vx-a addr add 10.10.0.2/24 brd + dev eth0
ip -n vx-a link set eth0 up
ip -n vx-a route add default via 10.10.0.1 dev eth0
sleep 3
@restarted/a_ip_a ip netns exec vx-a ip a
@restarted/a_ping_c.iputils ip netns exec vx-a ping -c 1 -W 1 192.168.100.2
@restarted/host_ip_link ip netns exec vx-host ip link
@restarted/host_bridge_link ip netns exec vx-host bridge link
# docker network rm while ports exist (the kernel releases the ports)
ip -n vx-host link del br-bbbb33334444
sleep 3
@view host vx-host host
@view b vx-b
@view a vx-a
@view c vx-c
@final/c_ping_gw.iputils ip netns exec vx-c ping -c 1 -W 1 192.168.100.254
@final/b_ping_c.iputils ip netns exec vx-b ping -c 1 -W 1 192.168.100.2
@final/host_ip_link_show_veth44cc004 ip netns exec vx-host ip link show veth44cc004
@final/host_ip_link_show_nodev ip netns exec vx-host ip link show br-bbbb33334444
@final/host_brctl_show_after ip netns exec vx-host brctl show
