# Replay of the real-kernel run lifecycle (scripts/oracle-variant/run.py); each line is typed at the host's root prompt.
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
ip -n vx-lb netns set vx-lc 7
ip -n vx-lb netns list-id
ip -n vx-la netns identify
ip -n vx-la link add va address 02:10:00:00:00:0a netns vx-lb type veth peer name vb address 02:10:00:00:00:0b netns vx-lc
ip netns exec vx-la ip link
ip netns exec vx-lb ip link
ip netns exec vx-lc ip link
ip netns exec vx-lb ip -d link show va
ip netns exec vx-lb ip -j link show va
ip -n vx-lb netns list-id
ip -n vx-lc netns list-id
ip -n vx-la netns list-id
ip -n vx-la link add vc address 02:10:00:00:00:0c mtu 1400 txqueuelen 300 type veth peer vd address 02:10:00:00:00:0d
ip -n vx-la link add ve address 02:10:00:00:00:0e netns vx-lb type veth peer name vh address 02:10:00:00:00:0f mtu 9000
ip -n vx-la link add address 02:10:00:00:00:10 type veth peer address 02:10:00:00:00:11
ip -n vx-la link add address 02:10:00:00:00:12 type veth peer address 02:10:00:00:00:13
ip -n vx-la link add address 02:10:00:00:00:20 type bridge
ip -n vx-la link add name br%d address 02:10:00:00:00:21 type bridge
ip -n vx-la link add ey%d address 02:10:00:00:00:30 type veth peer name ez%d address 02:10:00:00:00:31
ip netns exec vx-la ip -br a
ip netns exec vx-la ip link show vc
ip netns exec vx-la ip link show vd
ip netns exec vx-la ip link show vh
ip netns exec vx-lb ip link show ve
ip netns exec vx-la ip -o link show type veth
ip netns exec vx-la ip -br link show type bridge
ip -n vx-la link add vc type veth
ip -n vx-la link add vx type veth peer name vc
ip -n vx-la link add vy type veth peer name va netns vx-lb
ip -n vx-la link add foo
ip -n vx-la link add foo type nosuchkind
ip -n vx-la link add foo type veth bogus
ip -n vx-la link add foo type veth peer name bar bogus baz
ip -n vx-la link add name abcdefghijklmnopq type veth
ip -n vx-la link add abcdefghijklmnopq type veth
ip -n vx-la link add foo netns vx-lnosuch type veth
ip -n vx-la link add foo mtu 30 type veth
ip -n vx-la link add foo address 02:zz type veth
ip -n vx-la link add foo address 01:00:00:00:00:01 type veth
ip -n vx-la link add
ip -n vx-la link add name foo dev bar type veth
ip -n vx-la link add foo type
ip -n vx-la link del lo
ip -n vx-la link del
ip -n vx-la link del nosuch0
ip netns exec vx-la ip -br link
ip -n vx-la link add br1 address 02:10:00:00:01:01 type bridge stp_state 1 forward_delay 400 ageing_time 6000 hello_time 300 max_age 1500 priority 4096
ip -n vx-la link add br2 address 02:10:00:00:02:01 type bridge vlan_filtering 1
ip -n vx-la link add br2 address 02:10:00:00:02:01 type bridge vlan_filtering 0
ip netns exec vx-la cat /sys/class/net/br1/bridge/hello_time
ip netns exec vx-la cat /sys/class/net/br1/bridge/max_age
ip netns exec vx-la cat /sys/class/net/br1/bridge/priority
ip netns exec vx-la cat /sys/class/net/br1/bridge/bridge_id
ip netns exec vx-la cat /sys/class/net/br1/bridge/forward_delay
ip netns exec vx-la cat /sys/class/net/br1/bridge/ageing_time
ip netns exec vx-la cat /sys/class/net/br1/bridge/stp_state
ip -n vx-la link set br1 type bridge stp_state 0 ageing_time 1000 forward_delay 200
ip -n vx-la link set br1 type bridge stp_state 1 forward_delay 100
ip -n vx-la link set br1 type bridge nosuchopt 1
ip -n vx-la link set vc type bridge stp_state 1
ip netns exec vx-la cat /sys/class/net/br1/bridge/forward_delay
ip netns exec vx-la cat /sys/class/net/br1/bridge/ageing_time
ip netns exec vx-la cat /sys/class/net/br1/bridge/stp_state
ip -n vx-la link set br1 type bridge stp_state 0
ip netns exec vx-la ip link show br1
ip netns exec vx-la brctl show
ip -n vx-la link set vc name lan0
ip -n vx-la link set dev lan0 alias "to the lan"
ip -n vx-la link set lan0 master br1
ip -n vx-la link set vd master br1
ip -n vx-la link set br1 up
ip -n vx-la link set lan0 up
ip -n vx-la link set vd up
ip -n vx-la link set br1 mtu 1300
ip netns exec vx-la ip link show master br1
ip netns exec vx-la ip link show br1
ip netns exec vx-la ip link show lan0
ip netns exec vx-la bridge link
ip -n vx-la link set lan0 name vd
ip -n vx-la link set vd name vd2
ip -n vx-la link set br1 master br1
ip -n vx-la link set veth0 master lan0
ip -n vx-la link set veth0 master nosuch
ip -n vx-la link set lan0 mtu 1600
ip -n vx-la link set veth0 netns vx-lnosuch
ip -n vx-la link set lo netns vx-lb
ip -n vx-la link set veth0 frobnicate
ip -n vx-la link set nosuch mtu 1400
ip -n vx-la link set mtu 1400
ip -n vx-la link set vd2 nomaster
ip -n vx-la link set lan0 alias ""
ip netns exec vx-la ip link
ip netns exec vx-la ip link show br1
ip -n vx-la link set veth1 netns vx-lc
ip -n vx-la link set ey0 netns vx-lb
ip -n vx-lc link set vb netns vx-la
ip netns exec vx-la ip -br link
ip netns exec vx-lb ip -br link
ip netns exec vx-lc ip -br link
ip netns exec vx-la ip link show vb
ip netns exec vx-lb ip link show va
ip netns exec vx-lc ip -o link
ip -n vx-lb netns list-id
ip -n vx-la netns list-id
ip -n vx-lb link set ve name vh
ip -n vx-la link set vh netns vx-lb
ip -n vx-la link set vh name vi netns vx-lb
ip netns exec vx-lb ip link show vi
ip netns exec vx-lb ip -br link
ip -n vx-la link del veth0
ip -n vx-la link del dev vb
ip -n vx-la link del ez0
ip -n vx-la link del br1
ip netns exec vx-la ip -br link
ip netns exec vx-lb ip -br link
ip netns exec vx-lc ip -br link
ip netns exec vx-la ip link show lan0
ip netns exec vx-la bridge link
ip -n vx-la link add address 02:10:00:00:00:40 type veth peer address 02:10:00:00:00:41
ip -n vx-lc link add w0 address 02:10:00:00:00:42 type veth peer name w1 address 02:10:00:00:00:43
ip netns exec vx-la ip -br link
ip netns exec vx-lc ip -o link show type veth
ip netns exec vx-lnosuch ip link
ip netns exec vx-la ip link show nosuch
ip netns add vx-la
ip netns del vx-lnosuch
ip -n vx-la netns set vx-lb abc
ip -n vx-la netns set vx-lnosuch 3
ip -n vx-la netns set vx-lc auto
ip -n vx-lb netns set vx-la 7
ip -n vx-la netns list-id
ip -n vx-la link add f0 address 02:10:00:00:00:50 type veth peer name f1 address 02:10:00:00:00:51
ip -n vx-la link set f0 promisc on
ip -n vx-la link set f0 allmulticast on
ip -n vx-la link set f1 arp off
ip -n vx-la link set f1 multicast off
ip -n vx-la link set f0 up
ip -n vx-la link set f1 up
ip -n vx-la link set f1 group 5
ip netns exec vx-la ip link show f0
ip netns exec vx-la ip link show f1
ip netns exec vx-la ip -d link show f0
ip netns exec vx-la ip -j link show f1
ip netns exec vx-la ip link show group 5
ip netns exec vx-la ip -br link show type veth
ip netns exec vx-la ifconfig f0
ip netns exec vx-la ifconfig f1
ip netns exec vx-la cat /sys/class/net/f0/flags
ip netns exec vx-la cat /sys/class/net/f1/flags
ip -n vx-la link set f0 promisc maybe
ip -n vx-la link set f0 promisc off
ip -n vx-la link set f1 arp on
ip netns exec vx-la ip link show f0
ip netns exec vx-la ip link show f1
ip -n vx-la link add link f0 name f0.10 type vlan id 10
ip -n vx-la link add d0 type dummy
ip -n vx-la link add d0 type dummy foo
ip -n vx-la link add link f0 name iv0 type ipvlan mode l2
ip -n vx-la link add x0 type nosuchkind foo bar
ip -n vx-la link add g0 address 02:10:00:00:00:60 type veth peer name g1 address 02:10:00:00:00:61
ip -n vx-la addr add 10.60.0.1/24 dev g0
ip -n vx-la route add 10.61.0.0/24 dev g0
ip -n vx-la route add 10.62.0.0/24 via 10.60.0.2
ip netns exec vx-la ip route get 10.60.0.2
ip netns exec vx-la ip route
ip netns exec vx-la ip route show table local dev g0
ip netns add vx-lf
ip -n vx-la link set g1 netns vx-lf
ip -n vx-la netns list-id
ip netns exec vx-la ip link show g0
ip netns del vx-lf
ip netns exec vx-la ip link show g0
ip -n vx-la netns list-id
ip netns exec vx-la ip route
ip -n vx-la link add h0 address 02:10:00:00:00:70 type veth peer name h1 address 02:10:00:00:00:71 netns vx-lb
ip -n vx-la addr add 10.71.0.1/24 dev h0
ip -n vx-lb addr add 10.71.0.2/24 dev h1
ip -n vx-lb link set h1 arp off
ip -n vx-la link set h0 up
ip -n vx-lb link set h1 up
ip netns exec vx-lb ping -c 1 -W 1 10.71.0.1
ip netns exec vx-la ping -c 1 -W 1 10.71.0.2
ip netns exec vx-lb ip neigh show nud all
ip netns exec vx-la ip neigh show dev h0
ip netns exec vx-lb ip link show h1
ip -n vx-la link add br5 address 02:10:00:00:05:01 type bridge
ip -n vx-la link add p5 address 02:10:00:00:05:02 type veth peer name q5 address 02:10:00:00:05:03
ip -n vx-la link set p5 master br5
ip -n vx-la link set p5 type bridge_slave cost 7 priority 9 hairpin on learning off
ip netns exec vx-la bridge link show dev p5
ip netns exec vx-la bridge -d link show dev p5
ip -n vx-la link set q5 type bridge_slave cost 7
ip -n vx-la link set p5 type bridge_slave frob 1
ip netns exec vx-la cat /sys/class/net/p5/brport/path_cost
ip netns exec vx-la cat /sys/class/net/p5/brport/hairpin_mode
ip -n vx-la link set h0 up
ip -n vx-la neigh add 10.71.0.60 dev h0 nud failed
ip -n vx-la neigh add 10.71.0.61 dev h0 nud incomplete
ip -n vx-la neigh add 10.71.0.62 lladdr 02:10:00:00:00:62 dev h0 nud none
ip -n vx-la neigh add 10.71.0.63 lladdr 02:10:00:00:00:63 dev h0 nud probe
ip -n vx-la neigh add 10.71.0.64 lladdr 02:10:00:00:00:64 dev h0 nud delay
ip netns exec vx-la ip neigh show dev h0 nud all
ip -n vx-la neigh add 10.71.0.65 dev h0 nud permanent
ip -n vx-la neigh add 10.71.0.66 lladdr 02:10:00:00:00:66 dev h0 nud bogus
ip -n vx-la link add k0 address 02:10:00:00:00:80 type veth peer name k1 address 02:10:00:00:00:81
ip -n vx-la link set k0 master br5
ip -n vx-la link set br5 up
ip -n vx-la link set k0 up
ip -n vx-la link set k1 up
ip -n vx-la addr add 10.72.0.1/24 dev k1
ip -n vx-la link set k1 netns vx-lc name eth0
ip netns exec vx-la bridge link
ip netns exec vx-la ip link show k0
ip netns exec vx-lc ip a show eth0
ip netns exec vx-la ip route
ip -n vx-la link set k0 netns vx-lc
ip netns exec vx-la bridge link
ip netns exec vx-lc ip -br link
ip netns exec vx-la brctl show br5
