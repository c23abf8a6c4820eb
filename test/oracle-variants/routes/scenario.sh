# A router namespace between two hosts: metrics, blackhole/unreachable/prohibit, onlink, src, a second table
# with ip rule, net-tools and BusyBox route add/del, route errors, and what pings and traceroute see.
ip netns add vx-r
ip netns add vx-a
ip netns add vx-b
ip -n vx-r link set lo up
ip -n vx-a link set lo up
ip -n vx-b link set lo up
ip -n vx-r link add eth0 type veth peer name eth0 netns vx-a
ip -n vx-r link add eth1 type veth peer name eth0 netns vx-b
ip -n vx-r link set eth0 address 52:54:00:cc:01:01
ip -n vx-r link set eth1 address 52:54:00:cc:02:01
ip -n vx-a link set eth0 address 52:54:00:cc:01:02
ip -n vx-b link set eth0 address 52:54:00:cc:02:02
ip netns exec vx-r sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip netns exec vx-a sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip netns exec vx-b sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip -n vx-r addr add 10.1.0.1/24 brd + dev eth0
ip -n vx-r addr add 10.2.0.1/24 brd + dev eth1
ip -n vx-a addr add 10.1.0.2/24 brd + dev eth0
ip -n vx-b addr add 10.2.0.2/24 brd + dev eth0
ip -n vx-r link set eth0 up
ip -n vx-r link set eth1 up
ip -n vx-a link set eth0 up
ip -n vx-b link set eth0 up
ip -n vx-a route add default via 10.1.0.1
ip -n vx-b route add default via 10.2.0.1 dev eth0
ip netns exec vx-r sysctl -q -w net.ipv4.ip_forward=1
ip -n vx-r route add 172.16.0.0/16 via 10.2.0.2 metric 100
ip -n vx-r route add 172.16.0.0/16 via 10.2.0.2 dev eth1 metric 50
ip -n vx-r route add blackhole 10.99.0.0/16
ip -n vx-r route add unreachable 10.98.0.0/16
ip -n vx-r route add prohibit 10.97.0.0/16
ip -n vx-r route add 10.96.0.0/16 via 192.0.2.1 dev eth1 onlink
ip -n vx-r route add 10.95.0.0/16 dev eth1 src 10.2.0.1
ip -n vx-r route add 10.92.0.0/24 dev eth0 proto static scope link metric 5
ip -n vx-r route add 10.94.0.0/16 via 10.2.0.2 table 100
ip -n vx-r route add default via 10.2.0.2 table 100
ip -n vx-r rule add from 10.1.0.0/24 to 10.94.0.0/16 table 100
ip -n vx-r rule add to 10.93.0.0/16 table 200 priority 500
ip -n vx-r rule add iif eth1 lookup 100 pref 600
ip -n vx-r rule add from 10.1.0.99 prohibit
ip -n vx-r rule add oif nosuch0 table main
ip -n vx-r rule add from 10.1.0.98/32 to 10.2.0.0/24
ip -n vx-r route add default via 10.2.0.2
@err/route_add_exists ip -n vx-r route add 10.1.0.0/24 dev eth0
@err/route_add_default_exists ip -n vx-r route add default via 10.1.0.2
@err/route_add_bad_gw ip -n vx-r route add 10.50.0.0/16 via 10.200.0.1
@err/route_add_nodev ip -n vx-r route add 10.52.0.0/16 dev nosuch
@err/route_del_missing ip -n vx-r route del 10.51.0.0/16
@err/route_add_noargs ip -n vx-r route add
@err/route_get_bad ip -n vx-r route get 300.1.1.1
@err/rule_add_badtable ip -n vx-r rule add from 10.1.0.0/24 table nosuch
@err/route_show_table_unknown ip -n vx-r route show table 999
@err/nettools_add_unreachable_gw ip netns exec vx-r route add -net 10.70.0.0 netmask 255.255.0.0 gw 10.200.0.1
@err/nettools_del_missing ip netns exec vx-r route del -net 10.71.0.0 netmask 255.255.0.0
@err/nettools_add_badmask ip netns exec vx-r route add -net 10.72.0.1 netmask 255.255.0.0 dev eth1
@r/ip_route ip netns exec vx-r ip route
@r/ip_route_table_all ip netns exec vx-r ip route show table all
@r/ip_route_table_100 ip netns exec vx-r ip route show table 100
@r/ip_route_show_dev_eth1 ip netns exec vx-r ip route show dev eth1
@r/ip_route_show_type_blackhole ip netns exec vx-r ip route show type blackhole
@r/ip_route_show_proto_static ip netns exec vx-r ip route show proto static
@r/ip_route_list_172 ip netns exec vx-r ip route list 172.16.0.0/16
@r/ip_rule ip netns exec vx-r ip rule
@r/ip_rule_show ip netns exec vx-r ip rule show
@r/ip_j_rule ip netns exec vx-r ip -j rule
@r/ip_j_route ip netns exec vx-r ip -j route
@r/route_n ip netns exec vx-r route -n
@r/route_ne ip netns exec vx-r route -ne
@r/netstat_rn ip netns exec vx-r netstat -rn
@r/busybox_route_n ip netns exec vx-r busybox route -n
@r/busybox_ip_route ip netns exec vx-r busybox ip route
@r/proc_net_route ip netns exec vx-r cat /proc/net/route
@r/ip_route_get_172.16.1.1 ip netns exec vx-r ip route get 172.16.1.1
@r/ip_route_get_10.99.1.1 ip netns exec vx-r ip route get 10.99.1.1
@r/ip_route_get_10.98.1.1 ip netns exec vx-r ip route get 10.98.1.1
@r/ip_route_get_10.97.1.1 ip netns exec vx-r ip route get 10.97.1.1
@r/ip_route_get_10.96.1.1 ip netns exec vx-r ip route get 10.96.1.1
@r/ip_route_get_10.95.1.1 ip netns exec vx-r ip route get 10.95.1.1
@r/ip_route_get_10.94.1.1 ip netns exec vx-r ip route get 10.94.1.1
@r/ip_route_get_10.94.1.1_from ip netns exec vx-r ip route get 10.94.1.1 from 10.1.0.2 iif eth0
@r/ip_route_get_10.1.0.1 ip netns exec vx-r ip route get 10.1.0.1
@r/ip_route_get_10.2.0.1_iif ip netns exec vx-r ip route get 10.2.0.1 from 10.1.0.2 iif eth0
@r/ip_route_get_10.98.1.1_iif ip netns exec vx-r ip route get 10.98.1.1 from 10.1.0.2 iif eth0
@r/ip_route_get_10.97.1.1_iif ip netns exec vx-r ip route get 10.97.1.1 from 10.1.0.2 iif eth0
@r/ip_route_get_172.16.0.1_iif ip netns exec vx-r ip route get 172.16.0.1 from 10.1.0.2 iif eth0
@r/ip_route_get_10.93.1.1 ip netns exec vx-r ip route get 10.93.1.1
@r/ip_route_get_8.8.8.8 ip netns exec vx-r ip route get 8.8.8.8
@r/ip_route_get_10.2.0.1 ip netns exec vx-r ip route get 10.2.0.1
@r/ip_route_get_10.1.0.255 ip netns exec vx-r ip route get 10.1.0.255
@pings/r_to_unreachable.iputils ip netns exec vx-r ping -c 1 -W 1 10.98.0.1
@pings/r_to_blackhole.iputils ip netns exec vx-r ping -c 1 -W 1 10.99.0.1
@pings/r_to_prohibit.iputils ip netns exec vx-r ping -c 1 -W 1 10.97.0.1
@pings/r_to_prohibit.busybox ip netns exec vx-r busybox ping -c 1 -W 1 10.97.0.1
@pings/a_to_b.iputils ip netns exec vx-a ping -c 2 -W 1 10.2.0.2
@pings/a_to_unreachable.iputils ip netns exec vx-a ping -c 2 -W 1 10.98.0.1
@pings/a_to_unreachable.busybox ip netns exec vx-a busybox ping -c 2 -W 1 10.98.0.1
@pings/a_to_prohibit.iputils ip netns exec vx-a ping -c 2 -W 1 10.97.0.1
@pings/a_to_blackhole.iputils ip netns exec vx-a ping -c 2 -W 1 10.99.0.1
# let the per-peer ICMP error bucket refill (burst 6, 1/s) so hop 1 answers deterministically
sleep 6
@pings/a_traceroute_b.busybox ip netns exec vx-a busybox traceroute -n -w 1 -q 1 -m 3 10.2.0.2
@pings/a_traceroute_unreachable.busybox ip netns exec vx-a busybox traceroute -n -w 1 -q 1 -m 3 10.98.0.1
@pings/a_traceroute_b.traceroute ip netns exec vx-a traceroute -n -w 1 -q 1 -m 3 10.2.0.2
# net-tools and BusyBox route add/del
ip netns exec vx-r route add -net 10.60.0.0 netmask 255.255.0.0 gw 10.2.0.2
ip netns exec vx-r route add -host 10.61.0.5 dev eth1
ip netns exec vx-r route add -net 10.62.0.0/16 reject
ip netns exec vx-r route add -net 10.64.0.0 netmask 255.255.0.0 gw 10.2.0.2 metric 7
ip netns exec vx-r busybox route add -net 10.63.0.0 netmask 255.255.0.0 gw 10.2.0.2
ip netns exec vx-r busybox route add -host 10.65.0.9 gw 10.1.0.2
ip netns exec vx-r route del -net 172.16.0.0 netmask 255.255.0.0
@nettools/ip_route ip netns exec vx-r ip route
@nettools/route_n ip netns exec vx-r route -n
@nettools/busybox_route_n ip netns exec vx-r busybox route -n
@nettools/netstat_rn ip netns exec vx-r netstat -rn
@nettools/route_del_default ip netns exec vx-r route del default
@nettools/ip_route_after ip netns exec vx-r ip route
# replace/change, then flush a table and delete rules
ip -n vx-r route replace 10.95.0.0/16 via 10.1.0.2 metric 3
ip -n vx-r route change 10.92.0.0/24 dev eth0 proto static scope link metric 5 mtu 1400
@change/ip_route ip netns exec vx-r ip route
@change/ip_d_route ip netns exec vx-r ip -d route show 10.92.0.0/24
ip -n vx-r route flush table 100
ip -n vx-r rule del from 10.1.0.0/24 to 10.94.0.0/16 table 100
@change/ip_route_table_all ip netns exec vx-r ip route show table all
@change/ip_rule ip netns exec vx-r ip rule
@change/rule_del_missing ip -n vx-r rule del from 10.1.0.0/24 table 100
@change/rule_del_prio ip -n vx-r rule del pref 600
@change/ip_rule_after_del ip netns exec vx-r ip rule show
ip -n vx-r rule flush
@change/ip_rule_after_flush ip netns exec vx-r ip rule
@change/ip_route_get_10.2.0.1_after_flush ip netns exec vx-r ip route get 10.2.0.1
ip -n vx-r route flush dev eth1
@change/ip_route_after_flush_dev ip netns exec vx-r ip route
@change/route_n_after_flush_dev ip netns exec vx-r route -n
