# Replay of the real-kernel run neighlink (scripts/oracle-variant/run.py); each line is typed at the host's root prompt.
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
ip -n vx-h neigh add 10.3.0.50 lladdr 02:00:00:00:00:50 dev br0
ip -n vx-h neigh add 10.3.0.51 lladdr 02:00:00:00:00:51 dev br0 nud stale
ip -n vx-h neigh add 10.3.0.52 lladdr 02:00:00:00:00:52 dev br0 nud noarp
ip -n vx-h neigh add 10.3.0.53 lladdr 02:00:00:00:00:53 dev br0 nud reachable
ip -n vx-h neigh replace 10.3.0.50 lladdr 02:00:00:00:00:5a dev br0
ip -n vx-h neigh replace 10.3.0.55 lladdr 02:00:00:00:00:55 dev br0
ip -n vx-h neigh add 10.3.0.50 lladdr 02:00:00:00:00:50 dev br0
ip -n vx-h neigh del 10.3.0.99 dev br0
ip -n vx-h neigh add 10.3.0.60 lladdr 02:00:00:00:00:60 dev nosuch
ip -n vx-h neigh add 10.3.0.61 dev br0
ip -n vx-h neigh add 10.3.0.62 lladdr 02:00:00:00:00:62
ip -n vx-h neigh add 10.3.0.63 lladdr zz:00 dev br0
ip -n vx-h neigh del dev br0
ip netns exec vx-h ip neigh
ip netns exec vx-h ip neigh show dev br0
ip netns exec vx-h ip neigh show nud permanent
ip netns exec vx-h ip neigh show nud noarp
ip netns exec vx-h ip -s neigh
ip netns exec vx-h ip -j neigh
ip netns exec vx-h arp -n
ip netns exec vx-h busybox arp -n
ip netns exec vx-h busybox ip neigh
ip netns exec vx-h cat /proc/net/arp
ip netns exec vx-h arp -s 10.3.0.70 02:00:00:00:00:70
ip netns exec vx-h arp -i eth0 -s 192.168.50.70 02:00:00:00:00:71
ip netns exec vx-h arp -d 10.3.0.51
ip netns exec vx-h arp -n
ip netns exec vx-h arp -an
ip netns exec vx-h arp -d 10.3.0.98
ip netns exec vx-h arp -i nosuch -s 10.3.0.71 02:00:00:00:00:72
ip netns exec vx-h ip neigh
ip netns exec vx-h ping -c 1 -W 1 10.3.0.77
ip netns exec vx-h ping -c 1 -W 1 10.3.0.2
ip netns exec vx-x busybox ping -c 1 -W 1 10.3.0.3
ip netns exec vx-h ping -c 1 -W 1 192.168.50.2
ip netns exec vx-h ping -c 1 -W 1 10.3.0.50
ip netns exec vx-h ip neigh
ip netns exec vx-x ip neigh
ip netns exec vx-h arp -n
ip -n vx-h neigh flush dev br0
ip netns exec vx-h ip neigh
ip -n vx-h neigh flush nud permanent dev br0
ip netns exec vx-h ip neigh
ip -n vx-h neigh flush all
ip netns exec vx-h ip neigh show nud permanent
ip -n vx-h link set eth0 mtu 1400
ip -n vx-h link set eth0 txqueuelen 500
ip -n vx-h link set eth0 alias "uplink to z"
ip -n vx-z link set eth0 down
ip -n vx-z link set eth0 address 52:54:00:dd:00:22
ip -n vx-z link set eth0 name lan0
ip -n vx-z link set lan0 up
ip -n vx-h link set vethy0 down
sleep 3
ip -n vx-h link set nosuch up
ip -n vx-h link set eth0 mtu 70000
ip -n vx-h link set eth0 mtu 60
ip -n vx-h link add br0 type bridge
ip -n vx-h link del nosuch
ip -n vx-h link set eth0 name uplink0
ip -n vx-h link show nosuch
ip -n vx-h link set eth0 address 02:zz
ip netns exec vx-h brctl addbr br0
ip netns exec vx-h brctl delbr br0
ip netns exec vx-h brctl addif br0 nosuch
ip netns exec vx-h brctl delif br0 eth0
ip netns exec vx-h brctl showmacs nosuch
ip netns exec vx-h ip link
ip netns exec vx-h ip -d link
ip netns exec vx-h ip -d link show br0
ip netns exec vx-h ip -s link show eth0
ip netns exec vx-h ip -s -s link show eth0
ip netns exec vx-h ip -j link
ip netns exec vx-h ip -j -p link show eth0
ip netns exec vx-h ip -o link
ip netns exec vx-h ip -o a
ip netns exec vx-h ip -br link
ip netns exec vx-h ip -br a
ip netns exec vx-h ip link show type bridge
ip netns exec vx-h ip link show type veth
ip netns exec vx-h ip link show master br0
ip netns exec vx-h ip link show up
ip netns exec vx-h ip a show br0
ip netns exec vx-y ip a
ip netns exec vx-y busybox ip link
ip netns exec vx-z ip a
ip netns exec vx-h ifconfig -a
ip netns exec vx-h busybox ifconfig -a
ip netns exec vx-h bridge link
ip netns exec vx-h bridge -d link
ip netns exec vx-h brctl show
ip netns exec vx-x ping -c 1 -W 1 10.3.0.3
ip netns exec vx-h ping -c 1 -W 1 -s 1400 -M do 192.168.50.2
ip netns exec vx-h ping -c 1 -W 1 -s 1400 192.168.50.2
ip netns exec vx-h busybox ping -c 1 -W 1 -s 1400 192.168.50.2
ip -n vx-h link set vethy0 up
ip netns exec vx-h bridge fdb add 02:00:00:00:00:99 dev vethx0 master static
ip netns exec vx-h bridge fdb add 02:00:00:00:00:98 dev vethy0 master
ip netns exec vx-h bridge fdb add 02:00:00:00:00:99 dev vethx0 master static
ip netns exec vx-h bridge fdb del 02:00:00:00:00:97 dev vethx0 master
ip netns exec vx-h brctl addbr br1
ip netns exec vx-h brctl stp br1 on
ip netns exec vx-h brctl setageing br0 120
ip netns exec vx-h ifconfig eth0 mtu 1300
ip netns exec vx-h ifconfig eth0 hw ether 52:54:00:dd:00:11
sleep 3
ip netns exec vx-h bridge fdb show br br0
ip netns exec vx-h bridge fdb show dev vethx0
ip netns exec vx-h brctl showmacs br0
ip netns exec vx-h brctl show
ip netns exec vx-h brctl showstp br1
ip netns exec vx-h ip -d link show br0
ip netns exec vx-h ifconfig eth0
ip netns exec vx-h ip link show eth0
ip netns exec vx-h bridge link
ip netns exec vx-h bridge fdb del 02:00:00:00:00:99 dev vethx0 master
ip -n vx-h link set vethx0 nomaster
ip netns exec vx-h brctl delbr br1
ip netns exec vx-h bridge fdb show br br0
ip netns exec vx-h brctl show
ip netns exec vx-h ip link show vethx0
