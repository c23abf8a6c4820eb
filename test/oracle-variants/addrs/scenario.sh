# Address variants on one veth: secondaries, labels (eth0:1), scope link/host, /32, /31, peer, noprefixroute,
# deleting the primary with promote_secondaries off and on, ip addr flush, ifconfig aliases, errors.
ip netns add vx-h
ip netns add vx-p
ip -n vx-h link set lo up
ip -n vx-p link set lo up
ip -n vx-h link add eth0 type veth peer name eth0 netns vx-p
ip -n vx-h link set eth0 address 52:54:00:bb:00:01
ip -n vx-p link set eth0 address 52:54:00:bb:00:02
ip -n vx-h link set eth0 up
ip -n vx-p link set eth0 up
ip -n vx-p addr add 10.1.0.1/24 brd + dev eth0
ip -n vx-h addr add 10.1.0.10/24 brd + dev eth0
ip -n vx-h addr add 10.1.0.11/24 dev eth0
ip -n vx-h addr add 10.1.0.12/24 brd + dev eth0 label eth0:1
ip -n vx-h addr add 10.2.0.1/16 dev eth0 scope link
ip -n vx-h addr add 10.3.0.1/32 dev eth0
ip -n vx-h addr add 10.4.0.0/31 dev eth0
ip -n vx-h addr add 10.5.0.1 peer 10.5.0.2 dev eth0
ip -n vx-h addr add 10.6.0.1/24 dev eth0 noprefixroute
ip -n vx-h addr add 10.7.0.1/8 dev eth0 scope host
ip -n vx-h addr add 10.8.0.1/24 broadcast 10.8.0.127 dev eth0 label eth0:web
sleep 3
@err/addr_add_exists ip -n vx-h addr add 10.1.0.10/24 dev eth0
@err/addr_add_nodev ip -n vx-h addr add 10.9.0.1/24 dev nosuch
@err/addr_add_badlabel ip -n vx-h addr add 10.9.0.1/24 dev eth0 label wrong:1
@err/addr_add_noaddr ip -n vx-h addr add dev eth0
@err/addr_del_missing ip -n vx-h addr del 10.9.9.9/24 dev eth0
@err/addr_show_nodev ip -n vx-h addr show dev nosuch
@added/ip_a ip netns exec vx-h ip a
@added/ip_4_addr_show ip netns exec vx-h ip -4 addr show
@added/ip_addr_show_eth0 ip netns exec vx-h ip addr show dev eth0
@added/ip_addr_show_label ip netns exec vx-h ip addr show label eth0:1
@added/ip_addr_show_scope_link ip netns exec vx-h ip -4 addr show scope link
@added/ip_addr_show_secondary ip netns exec vx-h ip addr show secondary
@added/ip_addr_show_primary ip netns exec vx-h ip -4 addr show primary
@added/ip_o_4_a ip netns exec vx-h ip -o -4 a
@added/ip_br_a ip netns exec vx-h ip -br a
@added/ip_j_a ip netns exec vx-h ip -j a
@added/ip_route ip netns exec vx-h ip route
@added/ip_route_table_local ip netns exec vx-h ip route show table local
@added/route_n ip netns exec vx-h route -n
@added/busybox_route_n ip netns exec vx-h busybox route -n
@added/proc_net_route ip netns exec vx-h cat /proc/net/route
@added/ifconfig ip netns exec vx-h ifconfig
@added/ifconfig_eth0_1 ip netns exec vx-h ifconfig eth0:1
@added/busybox_ifconfig ip netns exec vx-h busybox ifconfig
@added/busybox_ip_a ip netns exec vx-h busybox ip a
@added/busybox_ip_addr_show_eth0 ip netns exec vx-h busybox ip addr show eth0
@added/busybox_ip_route ip netns exec vx-h busybox ip route
@added/ip_route_get_10.5.0.2 ip netns exec vx-h ip route get 10.5.0.2
@added/ip_route_get_10.6.0.9 ip netns exec vx-h ip route get 10.6.0.9
@added/ip_route_get_10.4.0.1 ip netns exec vx-h ip route get 10.4.0.1
@added/ip_route_get_10.7.5.5 ip netns exec vx-h ip route get 10.7.5.5
@pings/p_to_secondary.iputils ip netns exec vx-p ping -c 1 -W 1 10.1.0.11
@pings/p_to_label.busybox ip netns exec vx-p busybox ping -c 1 -W 1 10.1.0.12
# deleting the primary with promote_secondaries=0: its secondaries of the same subnet go too
ip -n vx-h addr del 10.1.0.10/24 dev eth0
@del-primary/ip_4_addr_show ip netns exec vx-h ip -4 addr show dev eth0
@del-primary/ip_route ip netns exec vx-h ip route
@del-primary/sysctl_promote ip netns exec vx-h sysctl net.ipv4.conf.eth0.promote_secondaries
ip netns exec vx-h sysctl -q -w net.ipv4.conf.eth0.promote_secondaries=1
ip -n vx-h addr add 10.1.0.10/24 brd + dev eth0
ip -n vx-h addr add 10.1.0.11/24 brd + dev eth0
ip -n vx-h addr add 10.1.0.12/24 dev eth0 label eth0:1
ip -n vx-h addr del 10.1.0.10/24 dev eth0
@promoted/ip_4_addr_show ip netns exec vx-h ip -4 addr show dev eth0
@promoted/ip_route ip netns exec vx-h ip route
@promoted/ip_route_table_local ip netns exec vx-h ip route show table local
@promoted/ip_route_get_10.1.0.1 ip netns exec vx-h ip route get 10.1.0.1
@promoted/ifconfig_a ip netns exec vx-h ifconfig -a
# net-tools: an alias and a change of netmask/broadcast on it, then its removal
@ifconfig-alias/ifconfig_alias_classful_clash ip netns exec vx-h ifconfig eth0:5 10.20.0.1 netmask 255.255.255.0 up
ip netns exec vx-h ifconfig eth0:6 192.168.77.1 netmask 255.255.255.0 up
ip netns exec vx-h ifconfig eth0:6 broadcast 192.168.77.200
@ifconfig-alias/ip_4_addr_show ip netns exec vx-h ip -4 addr show dev eth0
@ifconfig-alias/ifconfig ip netns exec vx-h ifconfig
@ifconfig-alias/ifconfig_eth0_6 ip netns exec vx-h ifconfig eth0:6
@ifconfig-alias/busybox_ifconfig_eth0_6 ip netns exec vx-h busybox ifconfig eth0:6
@ifconfig-alias/route_n ip netns exec vx-h route -n
@ifconfig-alias/ifconfig_alias_down ip netns exec vx-h ifconfig eth0:6 down
@ifconfig-alias/ifconfig_alias_down_again ip netns exec vx-h ifconfig eth0:6 down
@ifconfig-alias/ifconfig_alias_up_missing ip netns exec vx-h ifconfig eth0:7 up
@ifconfig-alias/ip_4_addr_show_after_down ip netns exec vx-h ip -4 addr show dev eth0
@ifconfig-alias/ifconfig_nodev ip netns exec vx-h ifconfig eth9
@ifconfig-alias/busybox_ifconfig_nodev ip netns exec vx-h busybox ifconfig eth9
# flushes
ip -n vx-h addr flush dev eth0 label eth0:web
@flush/ip_4_addr_show_label ip netns exec vx-h ip -4 addr show dev eth0
ip -n vx-h addr flush dev eth0 scope link
@flush/ip_4_addr_show_scope ip netns exec vx-h ip -4 addr show dev eth0
@flush/addr_flush_nodev ip -n vx-h addr flush dev nosuch
ip -n vx-h addr flush dev eth0
@flush/ip_a ip netns exec vx-h ip a
@flush/ip_route ip netns exec vx-h ip route
@flush/ip_route_table_all ip netns exec vx-h ip route show table all
@flush/ifconfig ip netns exec vx-h ifconfig
@flush/busybox_ifconfig ip netns exec vx-h busybox ifconfig
@flush/route_n ip netns exec vx-h route -n
@pings/p_to_flushed.iputils ip netns exec vx-p ping -c 1 -W 1 10.1.0.11
# IPv6 addresses on the same link
ip -n vx-h addr add 2001:db8::10/64 dev eth0
ip -n vx-h addr add 2001:db8:1::10/64 dev eth0 nodad
sleep 3
@v6/ip_6_addr_show ip netns exec vx-h ip -6 addr show
@v6/ip_6_route ip netns exec vx-h ip -6 route
@v6/proc_net_if_inet6 ip netns exec vx-h cat /proc/net/if_inet6
