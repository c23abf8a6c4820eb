# A host with a bridge (two container-like ports) and a direct veth: neighbour entries by hand (permanent,
# stale, noarp, replace, delete, flush, errors), arp -s/-d, a ping to an absent host; link changes (mtu,
# txqueuelen, alias, address, rename, a bridge port down and up), the listing forms (-d, -s, -j, -p, -o, -br,
# filters), bridge fdb add/del, brctl and their errors.
ip netns add vx-h
ip netns add vx-x
ip netns add vx-y
ip netns add vx-z
ip -n vx-h link set lo up
ip -n vx-x link set lo up
ip -n vx-y link set lo up
ip -n vx-z link set lo up
ip -n vx-h link add br0 type bridge
ip -n vx-h link set br0 address 02:aa:00:00:00:01
ip -n vx-h addr add 10.3.0.1/24 brd + dev br0
ip -n vx-h link set br0 up
ip -n vx-h link add vethx0 type veth peer name eth0 netns vx-x
ip -n vx-h link add vethy0 type veth peer name eth0 netns vx-y
ip -n vx-h link set vethx0 address 02:aa:00:00:0a:01
ip -n vx-h link set vethy0 address 02:aa:00:00:0b:01
ip -n vx-x link set eth0 address 02:aa:00:00:0a:02
ip -n vx-y link set eth0 address 02:aa:00:00:0b:02
ip -n vx-h link set vethx0 master br0
ip -n vx-h link set vethy0 master br0
ip -n vx-h link set vethx0 up
ip -n vx-h link set vethy0 up
ip -n vx-x addr add 10.3.0.2/24 brd + dev eth0
ip -n vx-y addr add 10.3.0.3/24 brd + dev eth0
ip -n vx-x link set eth0 up
ip -n vx-y link set eth0 up
ip -n vx-x route add default via 10.3.0.1
ip -n vx-h link add eth0 type veth peer name eth0 netns vx-z
ip -n vx-h link set eth0 address 52:54:00:dd:00:01
ip -n vx-z link set eth0 address 52:54:00:dd:00:02
ip -n vx-h addr add 192.168.50.1/24 brd + dev eth0
ip -n vx-z addr add 192.168.50.2/24 brd + dev eth0
ip -n vx-h link set eth0 up
ip -n vx-z link set eth0 up
sleep 3
# neighbours by hand
ip -n vx-h neigh add 10.3.0.50 lladdr 02:00:00:00:00:50 dev br0
ip -n vx-h neigh add 10.3.0.51 lladdr 02:00:00:00:00:51 dev br0 nud stale
ip -n vx-h neigh add 10.3.0.52 lladdr 02:00:00:00:00:52 dev br0 nud noarp
ip -n vx-h neigh add 10.3.0.53 lladdr 02:00:00:00:00:53 dev br0 nud reachable
ip -n vx-h neigh replace 10.3.0.50 lladdr 02:00:00:00:00:5a dev br0
ip -n vx-h neigh replace 10.3.0.55 lladdr 02:00:00:00:00:55 dev br0
@neigh-err/add_exists ip -n vx-h neigh add 10.3.0.50 lladdr 02:00:00:00:00:50 dev br0
@neigh-err/del_missing ip -n vx-h neigh del 10.3.0.99 dev br0
@neigh-err/add_nodev ip -n vx-h neigh add 10.3.0.60 lladdr 02:00:00:00:00:60 dev nosuch
@neigh-err/add_nolladdr ip -n vx-h neigh add 10.3.0.61 dev br0
@neigh-err/add_nodevarg ip -n vx-h neigh add 10.3.0.62 lladdr 02:00:00:00:00:62
@neigh-err/add_badlladdr ip -n vx-h neigh add 10.3.0.63 lladdr zz:00 dev br0
@neigh-err/del_noaddr ip -n vx-h neigh del dev br0
@neigh/ip_neigh ip netns exec vx-h ip neigh
@neigh/ip_neigh_show_dev_br0 ip netns exec vx-h ip neigh show dev br0
@neigh/ip_neigh_nud_permanent ip netns exec vx-h ip neigh show nud permanent
@neigh/ip_neigh_nud_noarp ip netns exec vx-h ip neigh show nud noarp
@neigh/ip_neigh_s ip netns exec vx-h ip -s neigh
@neigh/ip_j_neigh ip netns exec vx-h ip -j neigh
@neigh/arp_n ip netns exec vx-h arp -n
@neigh/busybox_arp_n ip netns exec vx-h busybox arp -n
@neigh/busybox_ip_neigh ip netns exec vx-h busybox ip neigh
@neigh/proc_net_arp ip netns exec vx-h cat /proc/net/arp
ip netns exec vx-h arp -s 10.3.0.70 02:00:00:00:00:70
ip netns exec vx-h arp -i eth0 -s 192.168.50.70 02:00:00:00:00:71
ip netns exec vx-h arp -d 10.3.0.51
@neigh-arp/arp_n ip netns exec vx-h arp -n
@neigh-arp/an_arp_n ip netns exec vx-h arp -an
@neigh-arp/arp_d_missing ip netns exec vx-h arp -d 10.3.0.98
@neigh-arp/arp_s_nodev ip netns exec vx-h arp -i nosuch -s 10.3.0.71 02:00:00:00:00:72
@neigh-arp/ip_neigh ip netns exec vx-h ip neigh
@pings/h_to_absent.iputils ip netns exec vx-h ping -c 1 -W 1 10.3.0.77
@pings/h_to_x.iputils ip netns exec vx-h ping -c 1 -W 1 10.3.0.2
@pings/x_to_y.busybox ip netns exec vx-x busybox ping -c 1 -W 1 10.3.0.3
@pings/h_to_z.iputils ip netns exec vx-h ping -c 1 -W 1 192.168.50.2
@pings/h_to_permanent_fake.iputils ip netns exec vx-h ping -c 1 -W 1 10.3.0.50
@neigh-after-ping/ip_neigh ip netns exec vx-h ip neigh
@neigh-after-ping/x_ip_neigh ip netns exec vx-x ip neigh
@neigh-after-ping/arp_n ip netns exec vx-h arp -n
ip -n vx-h neigh flush dev br0
@neigh-flush/ip_neigh ip netns exec vx-h ip neigh
ip -n vx-h neigh flush nud permanent dev br0
@neigh-flush/ip_neigh_after_perm ip netns exec vx-h ip neigh
ip -n vx-h neigh flush all
@neigh-flush/ip_neigh_after_all ip netns exec vx-h ip neigh show nud permanent
# link changes
ip -n vx-h link set eth0 mtu 1400
ip -n vx-h link set eth0 txqueuelen 500
ip -n vx-h link set eth0 alias "uplink to z"
ip -n vx-z link set eth0 down
ip -n vx-z link set eth0 address 52:54:00:dd:00:22
ip -n vx-z link set eth0 name lan0
ip -n vx-z link set lan0 up
ip -n vx-h link set vethy0 down
sleep 3
@link-err/set_nodev ip -n vx-h link set nosuch up
@link-err/mtu_too_big ip -n vx-h link set eth0 mtu 70000
@link-err/mtu_too_small ip -n vx-h link set eth0 mtu 60
@link-err/add_exists ip -n vx-h link add br0 type bridge
@link-err/del_nodev ip -n vx-h link del nosuch
@link-err/rename_up ip -n vx-h link set eth0 name uplink0
@link-err/show_nodev ip -n vx-h link show nosuch
@link-err/bad_address ip -n vx-h link set eth0 address 02:zz
@link-err/brctl_addbr_exists ip netns exec vx-h brctl addbr br0
@link-err/brctl_delbr_up ip netns exec vx-h brctl delbr br0
@link-err/brctl_addif_nodev ip netns exec vx-h brctl addif br0 nosuch
@link-err/brctl_delif_notport ip netns exec vx-h brctl delif br0 eth0
@link-err/brctl_showmacs_nobr ip netns exec vx-h brctl showmacs nosuch
@link/ip_link ip netns exec vx-h ip link
@link/ip_d_link ip netns exec vx-h ip -d link
@link/ip_d_link_show_br0 ip netns exec vx-h ip -d link show br0
@link/ip_s_link_show_eth0 ip netns exec vx-h ip -s link show eth0
@link/ip_s_s_link_show_eth0 ip netns exec vx-h ip -s -s link show eth0
@link/ip_j_link ip netns exec vx-h ip -j link
@link/ip_j_p_link_show_eth0 ip netns exec vx-h ip -j -p link show eth0
@link/ip_o_link ip netns exec vx-h ip -o link
@link/ip_o_a ip netns exec vx-h ip -o a
@link/ip_br_link ip netns exec vx-h ip -br link
@link/ip_br_a ip netns exec vx-h ip -br a
@link/ip_link_show_type_bridge ip netns exec vx-h ip link show type bridge
@link/ip_link_show_type_veth ip netns exec vx-h ip link show type veth
@link/ip_link_show_master_br0 ip netns exec vx-h ip link show master br0
@link/ip_link_show_up ip netns exec vx-h ip link show up
@link/ip_a_show_br0 ip netns exec vx-h ip a show br0
@link/y_ip_a ip netns exec vx-y ip a
@link/y_busybox_ip_link ip netns exec vx-y busybox ip link
@link/z_ip_a ip netns exec vx-z ip a
@link/ifconfig_a ip netns exec vx-h ifconfig -a
@link/busybox_ifconfig_a ip netns exec vx-h busybox ifconfig -a
@link/bridge_link ip netns exec vx-h bridge link
@link/bridge_d_link ip netns exec vx-h bridge -d link
@link/brctl_show ip netns exec vx-h brctl show
@pings/x_to_y_port_down.iputils ip netns exec vx-x ping -c 1 -W 1 10.3.0.3
@pings/h_to_z_mtu.iputils ip netns exec vx-h ping -c 1 -W 1 -s 1400 -M do 192.168.50.2
@pings/h_to_z_big.iputils ip netns exec vx-h ping -c 1 -W 1 -s 1400 192.168.50.2
@pings/h_to_z_big.busybox ip netns exec vx-h busybox ping -c 1 -W 1 -s 1400 192.168.50.2
# fdb by hand, the port back up, brctl changes, ifconfig changes
ip -n vx-h link set vethy0 up
ip netns exec vx-h bridge fdb add 02:00:00:00:00:99 dev vethx0 master static
ip netns exec vx-h bridge fdb add 02:00:00:00:00:98 dev vethy0 master
@fdb/add_exists ip netns exec vx-h bridge fdb add 02:00:00:00:00:99 dev vethx0 master static
@fdb/del_missing ip netns exec vx-h bridge fdb del 02:00:00:00:00:97 dev vethx0 master
ip netns exec vx-h brctl addbr br1
ip netns exec vx-h brctl stp br1 on
ip netns exec vx-h brctl setageing br0 120
ip netns exec vx-h ifconfig eth0 mtu 1300
ip netns exec vx-h ifconfig eth0 hw ether 52:54:00:dd:00:11
sleep 3
@fdb/bridge_fdb_show_br_br0 ip netns exec vx-h bridge fdb show br br0
@fdb/bridge_fdb_show_dev_vethx0 ip netns exec vx-h bridge fdb show dev vethx0
@fdb/brctl_showmacs_br0 ip netns exec vx-h brctl showmacs br0
@fdb/brctl_show ip netns exec vx-h brctl show
@fdb/brctl_showstp_br1 ip netns exec vx-h brctl showstp br1
@fdb/ip_d_link_show_br0 ip netns exec vx-h ip -d link show br0
@fdb/ifconfig_eth0 ip netns exec vx-h ifconfig eth0
@fdb/ip_link_show_eth0 ip netns exec vx-h ip link show eth0
@fdb/bridge_link ip netns exec vx-h bridge link
ip netns exec vx-h bridge fdb del 02:00:00:00:00:99 dev vethx0 master
ip -n vx-h link set vethx0 nomaster
ip netns exec vx-h brctl delbr br1
@fdb/bridge_fdb_show_after ip netns exec vx-h bridge fdb show br br0
@fdb/brctl_show_after ip netns exec vx-h brctl show
@fdb/ip_link_show_vethx0 ip netns exec vx-h ip link show vethx0
