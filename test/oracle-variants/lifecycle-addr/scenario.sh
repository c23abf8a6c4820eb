# Address, route and neighbour forms beyond the other runs, on one veth between two namespaces (IPv6 off):
# addresses across a rename (labels follow the name), replace/change of an existing address (only its
# metric and lifetimes change), wildcard deletion without a prefix length, metric on a prefix route, a link
# taken down and up (routes go and come back), colour; routes by proto name/number, append, change,
# prepend-free replace of defaults, the listing selectors (via, scope, proto, root/match/exact, type),
# `ip route get` forms (from, oif, fibmatch, local, broadcast, multicast), flush by proto/table; neighbour
ip netns add vx-ld
ip netns add vx-le
ip netns exec vx-ld sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip netns exec vx-ld sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip netns exec vx-le sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip netns exec vx-le sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip -n vx-ld link set lo up
ip -n vx-le link set lo up
ip -n vx-ld link add e0 address 02:20:00:00:00:01 type veth peer name e0 address 02:20:00:00:00:02 netns vx-le
ip -n vx-ld link set e0 up
ip -n vx-le link set e0 up
ip -n vx-le addr add 10.10.0.254/24 dev e0
ip -n vx-le addr add 10.10.0.253/24 dev e0
ip -n vx-ld addr add 10.10.0.1/24 brd + dev e0
ip -n vx-ld addr add 10.10.0.2/24 dev e0
ip -n vx-ld addr add 10.10.0.3/24 dev e0 label e0:x
ip -n vx-ld addr add 10.10.1.1/24 dev e0 metric 77
ip -n vx-ld addr add 127.0.0.2/8 dev lo
# addresses: replace/change of existing ones, new ones by replace, wildcard delete, errors
ip -n vx-ld addr replace 10.10.0.2/24 dev e0 scope link
ip -n vx-ld addr change 10.10.1.1/24 dev e0 metric 88
ip -n vx-ld addr replace 10.10.5.1/24 dev e0
@addr-err/add_exists ip -n vx-ld addr add 10.10.0.2/24 dev e0
@addr-err/change_missing ip -n vx-ld addr change 10.10.9.1/24 dev e0
@addr-err/bad_prefix ip -n vx-ld addr add 10.10.8.1/33 dev e0
@addr-err/bad_address ip -n vx-ld addr add 10.10.8/24 dev e0
@addr-err/no_dev ip -n vx-ld addr add 10.10.8.1/24
@addr-err/bad_scope ip -n vx-ld addr add 10.10.8.1/24 dev e0 scope nosuch
@addr-err/bad_keyword ip -n vx-ld addr add 10.10.8.1/24 dev e0 frobnicate
@addr-err/del_wildcard ip -n vx-ld addr del 10.10.5.1 dev e0
@addr-err/del_wrong_prefix ip -n vx-ld addr del 10.10.0.3/16 dev e0
@addr-err/flush_no_args ip -n vx-ld addr flush
@addr/ip_4_a ip netns exec vx-ld ip -4 a
@addr/ip_route ip netns exec vx-ld ip route
@addr/ip_route_table_local ip netns exec vx-ld ip route show table local
@addr/ip_addr_show_up ip netns exec vx-ld ip addr show up
@addr/ip_addr_show_to ip netns exec vx-ld ip addr show to 10.10.0.0/16
@addr/ip_addr_show_scope_link ip netns exec vx-ld ip addr show scope link
@addr/ip_o_addr_show_dev ip netns exec vx-ld ip -o addr show dev e0
@addr/ip_br_4_a ip netns exec vx-ld ip -br -4 a
@addr/ip_c_br_a ip netns exec vx-ld ip -c -br a
@addr/ip_c_a_dev ip netns exec vx-ld ip -c a show dev e0
@addr/ip_c_route ip netns exec vx-ld ip -c route
@addr/ip_c_link ip netns exec vx-ld ip -c link
@addr/ip_c_br_link ip netns exec vx-ld ip -c -br link
@addr/ip_c_o_a ip netns exec vx-ld ip -c -o -4 a
@addr/ip_c_j_a ip netns exec vx-ld ip -c -j a show dev lo
@addr/ip_color_never ip netns exec vx-ld ip -color=never a show dev lo
@addr/ip_color_bad ip netns exec vx-ld ip -color=sometimes a show dev lo
@addr/ip_j_addr_show_dev ip netns exec vx-ld ip -j addr show dev e0
@addr/ifconfig ip netns exec vx-ld ifconfig
# a rename: the first address takes the new name, the others keep their suffix or get ":N"
ip -n vx-ld link set e0 down
ip -n vx-ld link set e0 name lan
@rename/ip_4_a_down ip netns exec vx-ld ip -4 a show dev lan
@rename/ip_c_br_link_down ip netns exec vx-ld ip -c -br link
@rename/ip_route_down ip netns exec vx-ld ip route
@rename/ip_route_table_local_down ip netns exec vx-ld ip route show table local
ip -n vx-ld link set lan up
@rename/ip_4_a ip netns exec vx-ld ip -4 a show dev lan
@rename/ip_route ip netns exec vx-ld ip route
@rename/ifconfig ip netns exec vx-ld ifconfig
ip -n vx-ld link set lan name e0
@rename/ip_4_a_back ip netns exec vx-ld ip -4 a show dev e0
# routes
ip -n vx-ld route add 10.20.0.0/16 via 10.10.0.254 proto 99 metric 10
ip -n vx-ld route append 10.20.0.0/16 via 10.10.0.253 metric 10
ip -n vx-ld route add 10.21.0.0/16 via 10.10.0.254 proto bgp
ip -n vx-ld route add 10.22.0.0/16 via 10.10.0.254 proto dhcp metric 5
ip -n vx-ld route add 10.23.0.0/16 via 10.10.0.253 proto boot
ip -n vx-ld route add 10.24.0.1 dev e0 scope link
ip -n vx-ld route add 10.25.0.0/24 dev e0 src 10.10.0.2
ip -n vx-ld route add default via 10.10.0.254 metric 100
ip -n vx-ld route add default via 10.10.0.253 metric 200
ip -n vx-ld route add 10.26.0.0/16 via 10.10.0.254 table 50
ip -n vx-ld route add local 10.27.0.0/24 dev e0
ip -n vx-ld route add throw 10.28.0.0/16
ip -n vx-ld route change 10.22.0.0/16 via 10.10.0.253 proto dhcp metric 5
ip -n vx-ld route replace 10.23.0.0/16 via 10.10.0.254 proto static
@route-err/add_bad_src ip -n vx-ld route add 10.30.0.0/16 dev e0 src 10.10.9.9
@route-err/add_gw_local ip -n vx-ld route add 10.31.0.0/16 via 10.10.0.1
@route-err/change_missing ip -n vx-ld route change 10.32.0.0/16 via 10.10.0.254
@route-err/append_exists ip -n vx-ld route append 10.20.0.0/16 via 10.10.0.253 metric 10
@route-err/add_exists_append ip -n vx-ld route add 10.20.0.0/16 via 10.10.0.253 metric 10
@route-err/bad_proto ip -n vx-ld route add 10.33.0.0/16 via 10.10.0.254 proto nosuch
@route-err/bad_prefix ip -n vx-ld route add 10.34.0.0/40 via 10.10.0.254
@route-err/bad_keyword ip -n vx-ld route add 10.35.0.0/16 via 10.10.0.254 frobnicate
@route-err/del_wrong_gw ip -n vx-ld route del 10.21.0.0/16 via 10.10.0.253
@route-err/bad_table ip -n vx-ld route add 10.36.0.0/16 via 10.10.0.254 table nosuch
@route-err/get_unreachable_src ip -n vx-ld route get 10.20.1.1 from 10.10.9.9
@route/ip_route ip netns exec vx-ld ip route
@route/ip_route_table_all ip netns exec vx-ld ip route show table all
@route/ip_route_via ip netns exec vx-ld ip route show via 10.10.0.253
@route/ip_route_scope_link ip netns exec vx-ld ip route show scope link
@route/ip_route_proto_kernel ip netns exec vx-ld ip route show proto kernel
@route/ip_route_proto_bgp ip netns exec vx-ld ip route show proto bgp
@route/ip_route_proto_99 ip netns exec vx-ld ip route show proto 99
@route/ip_route_root ip netns exec vx-ld ip route show root 10.20.0.0/14
@route/ip_route_match ip netns exec vx-ld ip route show match 10.20.1.1
@route/ip_route_exact ip netns exec vx-ld ip route show exact 10.20.0.0/16
@route/ip_route_default ip netns exec vx-ld ip route show default
@route/ip_route_type_local ip netns exec vx-ld ip route show table local type local
@route/ip_route_type_throw ip netns exec vx-ld ip route show type throw
@route/ip_route_table_50 ip netns exec vx-ld ip route show table 50
@route/ip_o_route ip netns exec vx-ld ip -o route
@route/ip_d_route ip netns exec vx-ld ip -d route
@route/ip_j_route ip netns exec vx-ld ip -j route
@route/route_n ip netns exec vx-ld route -n
@route/busybox_ip_route ip netns exec vx-ld busybox ip route
@route/proc_net_route ip netns exec vx-ld cat /proc/net/route
@get/route_get ip netns exec vx-ld ip route get 10.20.1.1
@get/route_get_from ip netns exec vx-ld ip route get 10.20.1.1 from 10.10.0.2
@get/route_get_oif ip netns exec vx-ld ip route get 10.99.1.1 oif e0
@get/route_get_default ip netns exec vx-ld ip route get 8.8.8.8
@get/route_get_fibmatch ip netns exec vx-ld ip route get fibmatch 10.20.1.1
@get/route_get_fibmatch_default ip netns exec vx-ld ip route get fibmatch 8.8.8.8
@get/route_get_local ip netns exec vx-ld ip route get 10.10.0.2
@get/route_get_local_range ip netns exec vx-ld ip route get 10.27.0.9
@get/route_get_lo ip netns exec vx-ld ip route get 127.0.0.2
@get/route_get_bcast ip netns exec vx-ld ip route get 10.10.0.255
@get/route_get_limited_bcast ip netns exec vx-ld ip route get 255.255.255.255
@get/route_get_mcast ip netns exec vx-ld ip route get 224.0.0.1
@get/route_get_throw ip netns exec vx-ld ip route get 10.28.1.1
@get/route_get_srcroute ip netns exec vx-ld ip route get 10.25.0.9
@get/route_get_link_scope ip netns exec vx-ld ip route get 10.24.0.1
@get/route_get_o ip netns exec vx-ld ip -o route get 10.20.1.1
@get/route_get_j ip netns exec vx-ld ip -j route get 10.20.1.1
@get/route_get_mark ip netns exec vx-ld ip route get 10.20.1.1 mark 5
@get/route_get_connected ip netns exec vx-ld ip route get 10.20.1.1 connected
@get/route_get_c ip netns exec vx-ld ip -c route get 10.20.1.1
@get/route_c_table_all ip netns exec vx-ld ip -c route show table all
ip -n vx-ld route del default
ip -n vx-ld route del 10.20.0.0/16 via 10.10.0.253
ip -n vx-ld route flush proto bgp
ip -n vx-ld route flush table 50
@flush/ip_route ip netns exec vx-ld ip route
@flush/ip_route_table_50 ip netns exec vx-ld ip route show table 50
@flush/flush_nothing ip -n vx-ld route flush proto 42
ip -n vx-ld route flush 10.22.0.0/16
@flush/ip_route_after_prefix ip netns exec vx-ld ip route
ip -n vx-ld route replace default via 10.10.0.254
ip -n vx-ld route replace default via 10.10.0.253
@flush/ip_route_default_replaced ip netns exec vx-ld ip route show default
# neighbours
ip -n vx-ld neigh add 10.10.0.50 lladdr 02:20:00:00:00:50 dev e0
ip -n vx-ld neigh add 10.10.0.51 lladdr 02:20:00:00:00:51 dev e0 nud noarp
ip -n vx-ld neigh add 10.10.0.52 lladdr 02:20:00:00:00:52 dev e0 nud stale
ip -n vx-ld neigh change 10.10.0.50 lladdr 02:20:00:00:00:5a dev e0
@neigh-err/change_missing ip -n vx-ld neigh change 10.10.0.99 lladdr 02:20:00:00:00:99 dev e0
@neigh-err/add_bad_nud ip -n vx-ld neigh add 10.10.0.60 lladdr 02:20:00:00:00:60 dev e0 nud bogus
@neigh-err/get_missing ip -n vx-ld neigh get 10.10.0.98 dev e0
@neigh-err/get_nodev ip -n vx-ld neigh get 10.10.0.50
@neigh/ip_neigh ip netns exec vx-ld ip neigh
@neigh/ip_neigh_nud_all ip netns exec vx-ld ip neigh show nud all
@neigh/ip_neigh_get ip netns exec vx-ld ip neigh get 10.10.0.50 dev e0
@neigh/ip_neigh_show_addr ip netns exec vx-ld ip neigh show 10.10.0.52
@neigh/ip_neigh_show_to ip netns exec vx-ld ip neigh show to 10.10.0.48/30
@neigh/ip_neigh_4_dev ip netns exec vx-ld ip -4 neigh show dev e0
@neigh/ip_neigh_c ip netns exec vx-ld ip -c neigh
@neigh/arp_n ip netns exec vx-ld arp -n
ip -n vx-ld neigh flush to 10.10.0.50
@neigh/ip_neigh_after ip netns exec vx-ld ip neigh show nud all
# the address flushes that remain
ip -n vx-ld addr flush dev e0 secondary
@addr-flush/ip_4_a ip netns exec vx-ld ip -4 a show dev e0
ip -n vx-ld addr flush dev e0 to 10.10.0.0/24
@addr-flush/ip_4_a_to ip netns exec vx-ld ip -4 a show dev e0
@addr-flush/ip_route ip netns exec vx-ld ip route
@netns/identify ip -n vx-le netns identify
# abbreviations, help texts, a name copied with its @peer, details on addresses, linkdown routes
@abbrev/ip_a_s ip netns exec vx-ld ip a s dev e0
@abbrev/ip_r ip netns exec vx-ld ip r
@abbrev/ip_ro_li ip netns exec vx-ld ip ro li
@abbrev/ip_l ip netns exec vx-ld ip l
@abbrev/ip_neigh_n ip netns exec vx-ld ip n
@abbrev/ip_addr_ls ip netns exec vx-ld ip addr ls lo
@abbrev/ip_d_a ip netns exec vx-ld ip -d a show dev e0
@abbrev/ip_4_o_r ip netns exec vx-ld ip -4 -o r
@abbrev/link_show_at ip netns exec vx-ld ip link show e0@if2
@abbrev/link_set_at ip -n vx-ld link set e0@if2 up
@abbrev/addr_show_at ip netns exec vx-ld ip addr show dev e0@if2
@help/ip_help ip netns exec vx-ld ip help
@help/ip_link_help ip netns exec vx-ld ip link help
@help/ip_addr_help ip netns exec vx-ld ip addr help
@help/ip_route_help ip netns exec vx-ld ip route help
@help/ip_neigh_help ip netns exec vx-ld ip neigh help
@help/ip_netns_help ip netns exec vx-ld ip netns help
@help/ip_V ip netns exec vx-ld ip -V
@help/ip_no_object ip netns exec vx-ld ip
@help/ip_bad_object ip netns exec vx-ld ip frob
@help/ip_link_bad_cmd ip netns exec vx-ld ip link frob
@help/ip_addr_bad_cmd ip netns exec vx-ld ip addr frob
@help/ip_route_bad_cmd ip netns exec vx-ld ip route frob
ip -n vx-le link set e0 down
@linkdown/ip_route ip netns exec vx-ld ip route
@linkdown/ip_route_get ip netns exec vx-ld ip route get 10.20.1.1
@linkdown/ip_br_link ip netns exec vx-ld ip -br link
@linkdown/ip_j_route_dev ip netns exec vx-ld ip -j route show dev e0
ip -n vx-le link set e0 up
