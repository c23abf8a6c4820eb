# Link lifecycle forms beyond the other runs: veth ends created straight into other namespaces (`netns` on
# either end), kernel-chosen names (veth0/veth1, bridge0), creation attributes (address, mtu, txqueuelen,
# numbered names), bridge options at creation and by `set type bridge`, renames, aliases, master/nomaster,
# moving a device between namespaces (its ifindex kept or renumbered), deleting one veth end, `ip netns set`
# ids and `list-id`, and the errors of each with their exit codes.
ip netns add vx-la
ip netns add vx-lb
ip netns add vx-lc
ip netns exec vx-la sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip netns exec vx-la sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip netns exec vx-lb sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip netns exec vx-lb sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip netns exec vx-lc sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip netns exec vx-lc sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip -n vx-la link set lo up
ip -n vx-lb link set lo up
ip -n vx-lc link set lo up
# an id given before any link exists is the one link-netnsid shows
ip -n vx-lb netns set vx-lc 7
@ids/b_list_id ip -n vx-lb netns list-id
@ids/a_identify ip -n vx-la netns identify
# both ends elsewhere: va in vx-lb, vb in vx-lc, nothing in vx-la
ip -n vx-la link add va address 02:10:00:00:00:0a netns vx-lb type veth peer name vb address 02:10:00:00:00:0b netns vx-lc
@both/a_ip_link ip netns exec vx-la ip link
@both/b_ip_link ip netns exec vx-lb ip link
@both/c_ip_link ip netns exec vx-lc ip link
@both/b_ip_d_link ip netns exec vx-lb ip -d link show va
@both/b_ip_j_link ip netns exec vx-lb ip -j link show va
@both/b_list_id ip -n vx-lb netns list-id
@both/c_list_id ip -n vx-lc netns list-id
@both/a_list_id ip -n vx-la netns list-id
# the peer without `name`, the first end only elsewhere, then attributes at creation
ip -n vx-la link add vc address 02:10:00:00:00:0c mtu 1400 txqueuelen 300 type veth peer vd address 02:10:00:00:00:0d
ip -n vx-la link add ve address 02:10:00:00:00:0e netns vx-lb type veth peer name vh address 02:10:00:00:00:0f mtu 9000
ip -n vx-la link add address 02:10:00:00:00:10 type veth peer address 02:10:00:00:00:11
ip -n vx-la link add address 02:10:00:00:00:12 type veth peer address 02:10:00:00:00:13
ip -n vx-la link add address 02:10:00:00:00:20 type bridge
ip -n vx-la link add name br%d address 02:10:00:00:00:21 type bridge
ip -n vx-la link add ey%d address 02:10:00:00:00:30 type veth peer name ez%d address 02:10:00:00:00:31
@created/a_ip_br_a ip netns exec vx-la ip -br a
@created/a_ip_link_vc ip netns exec vx-la ip link show vc
@created/a_ip_link_vd ip netns exec vx-la ip link show vd
@created/a_ip_link_vf ip netns exec vx-la ip link show vh
@created/b_ip_link_ve ip netns exec vx-lb ip link show ve
@created/a_ip_o_link_type_veth ip netns exec vx-la ip -o link show type veth
@created/a_ip_link_show_type_bridge_br ip netns exec vx-la ip -br link show type bridge
# errors of ip link add
@add-err/exists ip -n vx-la link add vc type veth
@add-err/exists_peer ip -n vx-la link add vx type veth peer name vc
@add-err/peer_exists_other_ns ip -n vx-la link add vy type veth peer name va netns vx-lb
@add-err/no_type ip -n vx-la link add foo
@add-err/unknown_kind ip -n vx-la link add foo type nosuchkind
@add-err/bad_keyword ip -n vx-la link add foo type veth bogus
@add-err/peer_bad_keyword ip -n vx-la link add foo type veth peer name bar bogus baz
@add-err/name_too_long ip -n vx-la link add name abcdefghijklmnopq type veth
@add-err/dev_too_long ip -n vx-la link add abcdefghijklmnopq type veth
@add-err/bad_netns ip -n vx-la link add foo netns vx-lnosuch type veth
@add-err/bad_mtu ip -n vx-la link add foo mtu 30 type veth
@add-err/bad_address ip -n vx-la link add foo address 02:zz type veth
@add-err/mcast_address ip -n vx-la link add foo address 01:00:00:00:00:01 type veth
@add-err/no_args ip -n vx-la link add
@add-err/name_and_dev ip -n vx-la link add name foo dev bar type veth
@add-err/type_no_value ip -n vx-la link add foo type
@add-err/del_lo ip -n vx-la link del lo
@add-err/del_none ip -n vx-la link del
@add-err/del_twice ip -n vx-la link del nosuch0
@add-err/after_errors ip netns exec vx-la ip -br link
# bridge options at creation, then changed
ip -n vx-la link add br1 address 02:10:00:00:01:01 type bridge stp_state 1 forward_delay 400 ageing_time 6000 hello_time 300 max_age 1500 priority 4096
@bridge/err_vlan_filtering ip -n vx-la link add br2 address 02:10:00:00:02:01 type bridge vlan_filtering 1
@bridge/err_vlan_filtering_0 ip -n vx-la link add br2 address 02:10:00:00:02:01 type bridge vlan_filtering 0
@bridge/sys_hello_time ip netns exec vx-la cat /sys/class/net/br1/bridge/hello_time
@bridge/sys_max_age ip netns exec vx-la cat /sys/class/net/br1/bridge/max_age
@bridge/sys_priority ip netns exec vx-la cat /sys/class/net/br1/bridge/priority
@bridge/sys_bridge_id ip netns exec vx-la cat /sys/class/net/br1/bridge/bridge_id
@bridge/sys_forward_delay ip netns exec vx-la cat /sys/class/net/br1/bridge/forward_delay
@bridge/sys_ageing_time ip netns exec vx-la cat /sys/class/net/br1/bridge/ageing_time
@bridge/sys_stp_state ip netns exec vx-la cat /sys/class/net/br1/bridge/stp_state
ip -n vx-la link set br1 type bridge stp_state 0 ageing_time 1000 forward_delay 200
@bridge/err_fd_range ip -n vx-la link set br1 type bridge stp_state 1 forward_delay 100
@bridge/err_bad_opt ip -n vx-la link set br1 type bridge nosuchopt 1
@bridge/err_set_type_veth ip -n vx-la link set vc type bridge stp_state 1
@bridge/sys_forward_delay_clamped ip netns exec vx-la cat /sys/class/net/br1/bridge/forward_delay
@bridge/sys_ageing_time_after ip netns exec vx-la cat /sys/class/net/br1/bridge/ageing_time
@bridge/sys_stp_state_after ip netns exec vx-la cat /sys/class/net/br1/bridge/stp_state
ip -n vx-la link set br1 type bridge stp_state 0
@bridge/br1_ip_link ip netns exec vx-la ip link show br1
@bridge/brctl_show ip netns exec vx-la brctl show
# rename, alias, master/nomaster, mtu
ip -n vx-la link set vc name lan0
ip -n vx-la link set dev lan0 alias "to the lan"
ip -n vx-la link set lan0 master br1
ip -n vx-la link set vd master br1
ip -n vx-la link set br1 up
ip -n vx-la link set lan0 up
ip -n vx-la link set vd up
ip -n vx-la link set br1 mtu 1300
@set/a_ip_link ip netns exec vx-la ip link show master br1
@set/a_ip_link_br1 ip netns exec vx-la ip link show br1
@set/a_ip_link_lan0 ip netns exec vx-la ip link show lan0
@set/bridge_link ip netns exec vx-la bridge link
@set/err_rename_exists ip -n vx-la link set lan0 name vd
@set/err_rename_up ip -n vx-la link set vd name vd2
@set/err_master_self ip -n vx-la link set br1 master br1
@set/err_master_notbridge ip -n vx-la link set veth0 master lan0
@set/err_master_nodev ip -n vx-la link set veth0 master nosuch
@set/err_mtu_above_br ip -n vx-la link set lan0 mtu 1600
@set/err_netns_missing ip -n vx-la link set veth0 netns vx-lnosuch
@set/err_netns_lo ip -n vx-la link set lo netns vx-lb
@set/err_bad_keyword ip -n vx-la link set veth0 frobnicate
@set/err_dev_missing ip -n vx-la link set nosuch mtu 1400
@set/err_no_dev ip -n vx-la link set mtu 1400
ip -n vx-la link set vd2 nomaster
ip -n vx-la link set lan0 alias ""
@set/a_ip_link_after ip netns exec vx-la ip link
@set/br1_mtu_after_nomaster ip netns exec vx-la ip link show br1
# moving devices between namespaces: the index is kept when free there, renumbered when taken
ip -n vx-la link set veth1 netns vx-lc
ip -n vx-la link set ey0 netns vx-lb
ip -n vx-lc link set vb netns vx-la
@move/a_ip_br_link ip netns exec vx-la ip -br link
@move/b_ip_br_link ip netns exec vx-lb ip -br link
@move/c_ip_br_link ip netns exec vx-lc ip -br link
@move/a_ip_link_vb ip netns exec vx-la ip link show vb
@move/b_ip_link_va ip netns exec vx-lb ip link show va
@move/c_ip_link ip netns exec vx-lc ip -o link
@move/b_list_id ip -n vx-lb netns list-id
@move/a_list_id ip -n vx-la netns list-id
# a device moved into a namespace where its name is taken
ip -n vx-lb link set ve name vh
@move/err_name_taken ip -n vx-la link set vh netns vx-lb
ip -n vx-la link set vh name vi netns vx-lb
@move/b_ip_link_vg ip netns exec vx-lb ip link show vi
@move/b_ip_br_link_after ip netns exec vx-lb ip -br link
# deleting one veth end takes its peer along, wherever it is
ip -n vx-la link del veth0
ip -n vx-la link del dev vb
ip -n vx-la link del ez0
ip -n vx-la link del br1
@del/a_ip_br_link ip netns exec vx-la ip -br link
@del/b_ip_br_link ip netns exec vx-lb ip -br link
@del/c_ip_br_link ip netns exec vx-lc ip -br link
@del/a_ip_link_lan0 ip netns exec vx-la ip link show lan0
@del/bridge_link ip netns exec vx-la bridge link
# new devices after deletions take the next index, not a freed one
ip -n vx-la link add address 02:10:00:00:00:40 type veth peer address 02:10:00:00:00:41
ip -n vx-lc link add w0 address 02:10:00:00:00:42 type veth peer name w1 address 02:10:00:00:00:43
@del/a_ip_br_link_new ip netns exec vx-la ip -br link
@del/c_ip_o_link_new ip netns exec vx-lc ip -o link show type veth
# netns subcommands and their errors
@netns/exec_missing ip netns exec vx-lnosuch ip link
@netns/exec_exit_code ip netns exec vx-la ip link show nosuch
@netns/add_exists ip netns add vx-la
@netns/del_missing ip netns del vx-lnosuch
@netns/set_bad_id ip -n vx-la netns set vx-lb abc
@netns/set_missing ip -n vx-la netns set vx-lnosuch 3
@netns/set_auto_assigned ip -n vx-la netns set vx-lc auto
@netns/set_taken ip -n vx-lb netns set vx-la 7
@netns/a_list_id ip -n vx-la netns list-id
# link flags (promisc, allmulticast, arp, multicast), groups, an unsupported kind with its own options
ip -n vx-la link add f0 address 02:10:00:00:00:50 type veth peer name f1 address 02:10:00:00:00:51
ip -n vx-la link set f0 promisc on
ip -n vx-la link set f0 allmulticast on
ip -n vx-la link set f1 arp off
ip -n vx-la link set f1 multicast off
ip -n vx-la link set f0 up
ip -n vx-la link set f1 up
ip -n vx-la link set f1 group 5
@flags/ip_link_f0 ip netns exec vx-la ip link show f0
@flags/ip_link_f1 ip netns exec vx-la ip link show f1
@flags/ip_d_link_f0 ip netns exec vx-la ip -d link show f0
@flags/ip_j_link_f1 ip netns exec vx-la ip -j link show f1
@flags/ip_link_group ip netns exec vx-la ip link show group 5
@flags/ip_br_link_f ip netns exec vx-la ip -br link show type veth
@flags/ifconfig_f0 ip netns exec vx-la ifconfig f0
@flags/ifconfig_f1 ip netns exec vx-la ifconfig f1
@flags/sys_flags_f0 ip netns exec vx-la cat /sys/class/net/f0/flags
@flags/sys_flags_f1 ip netns exec vx-la cat /sys/class/net/f1/flags
@flags/err_bad_onoff ip -n vx-la link set f0 promisc maybe
ip -n vx-la link set f0 promisc off
ip -n vx-la link set f1 arp on
@flags/ip_link_f0_off ip netns exec vx-la ip link show f0
@flags/ip_link_f1_arp ip netns exec vx-la ip link show f1
@kinds/vlan ip -n vx-la link add link f0 name f0.10 type vlan id 10
@kinds/dummy ip -n vx-la link add d0 type dummy
@kinds/dummy_opts ip -n vx-la link add d0 type dummy foo
@kinds/ipvlan ip -n vx-la link add link f0 name iv0 type ipvlan mode l2
@kinds/nosuch_opts ip -n vx-la link add x0 type nosuchkind foo bar
# routes through a device that is down, and a namespace deleted with a veth end inside
ip -n vx-la link add g0 address 02:10:00:00:00:60 type veth peer name g1 address 02:10:00:00:00:61
ip -n vx-la addr add 10.60.0.1/24 dev g0
@down/route_add_down_dev ip -n vx-la route add 10.61.0.0/24 dev g0
@down/route_add_via_down ip -n vx-la route add 10.62.0.0/24 via 10.60.0.2
@down/route_get_down ip netns exec vx-la ip route get 10.60.0.2
@down/ip_route ip netns exec vx-la ip route
@down/ip_route_table_local ip netns exec vx-la ip route show table local dev g0
ip netns add vx-lf
ip -n vx-la link set g1 netns vx-lf
@nsdel/a_list_id_before ip -n vx-la netns list-id
@nsdel/a_ip_link_g0_before ip netns exec vx-la ip link show g0
ip netns del vx-lf
@nsdel/a_ip_link_g0_after ip netns exec vx-la ip link show g0
@nsdel/a_list_id_after ip -n vx-la netns list-id
@nsdel/a_ip_route_after ip netns exec vx-la ip route
# ARP off on one end of a link: that end answers no ARP and sends to its own address
ip -n vx-la link add h0 address 02:10:00:00:00:70 type veth peer name h1 address 02:10:00:00:00:71 netns vx-lb
ip -n vx-la addr add 10.71.0.1/24 dev h0
ip -n vx-lb addr add 10.71.0.2/24 dev h1
ip -n vx-lb link set h1 arp off
ip -n vx-la link set h0 up
ip -n vx-lb link set h1 up
@pings/b_to_a_noarp.iputils ip netns exec vx-lb ping -c 1 -W 1 10.71.0.1
@pings/a_to_b_noarp.iputils ip netns exec vx-la ping -c 1 -W 1 10.71.0.2
@noarp/b_ip_neigh_nud_all ip netns exec vx-lb ip neigh show nud all
@noarp/a_ip_neigh ip netns exec vx-la ip neigh show dev h0
@noarp/b_ip_link_h1 ip netns exec vx-lb ip link show h1
# bridge port options by `type bridge_slave`, neighbour states by hand
ip -n vx-la link add br5 address 02:10:00:00:05:01 type bridge
ip -n vx-la link add p5 address 02:10:00:00:05:02 type veth peer name q5 address 02:10:00:00:05:03
ip -n vx-la link set p5 master br5
ip -n vx-la link set p5 type bridge_slave cost 7 priority 9 hairpin on learning off
@slave/bridge_link ip netns exec vx-la bridge link show dev p5
@slave/bridge_d_link ip netns exec vx-la bridge -d link show dev p5
@slave/err_not_port ip -n vx-la link set q5 type bridge_slave cost 7
@slave/err_bad_opt ip -n vx-la link set p5 type bridge_slave frob 1
@slave/sys_cost ip netns exec vx-la cat /sys/class/net/p5/brport/path_cost
@slave/sys_hairpin ip netns exec vx-la cat /sys/class/net/p5/brport/hairpin_mode
ip -n vx-la link set h0 up
ip -n vx-la neigh add 10.71.0.60 dev h0 nud failed
ip -n vx-la neigh add 10.71.0.61 dev h0 nud incomplete
ip -n vx-la neigh add 10.71.0.62 lladdr 02:10:00:00:00:62 dev h0 nud none
ip -n vx-la neigh add 10.71.0.63 lladdr 02:10:00:00:00:63 dev h0 nud probe
ip -n vx-la neigh add 10.71.0.64 lladdr 02:10:00:00:00:64 dev h0 nud delay
@nudstates/ip_neigh_nud_all ip netns exec vx-la ip neigh show dev h0 nud all
@nudstates/err_add_permanent_nolladdr ip -n vx-la neigh add 10.71.0.65 dev h0 nud permanent
@nudstates/err_nud_bogus ip -n vx-la neigh add 10.71.0.66 lladdr 02:10:00:00:00:66 dev h0 nud bogus
# a bridge port that is up with an address moved into another namespace under a new name
ip -n vx-la link add k0 address 02:10:00:00:00:80 type veth peer name k1 address 02:10:00:00:00:81
ip -n vx-la link set k0 master br5
ip -n vx-la link set br5 up
ip -n vx-la link set k0 up
ip -n vx-la link set k1 up
ip -n vx-la addr add 10.72.0.1/24 dev k1
ip -n vx-la link set k1 netns vx-lc name eth0
@moveport/a_bridge_link ip netns exec vx-la bridge link
@moveport/a_ip_link_k0 ip netns exec vx-la ip link show k0
@moveport/c_ip_a_eth0 ip netns exec vx-lc ip a show eth0
@moveport/a_ip_route ip netns exec vx-la ip route
ip -n vx-la link set k0 netns vx-lc
@moveport/a_bridge_link_after ip netns exec vx-la bridge link
@moveport/c_ip_br_link ip netns exec vx-lc ip -br link
@moveport/a_brctl_show ip netns exec vx-la brctl show br5
