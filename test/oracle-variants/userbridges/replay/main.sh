# Replay of the real-kernel run userbridges (scripts/oracle-variant/run.py); each line is typed at the host's root prompt.
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
ip netns exec vx-host ip a
ip netns exec vx-host ip route
ip netns exec vx-b ip a
ip netns exec vx-b ip route
ip netns exec vx-b ip route get 192.168.100.2
ip netns exec vx-b ip route get 192.168.1.1
ip netns exec vx-b busybox ip a
ip netns exec vx-b route -n
ip netns exec vx-host bridge link
ip netns exec vx-host brctl show
ip netns exec vx-a ping -c 2 -W 1 10.10.0.3
ip netns exec vx-a ping -c 2 -W 1 192.168.100.2
ip netns exec vx-a busybox ping -c 2 -W 1 192.168.100.2
ip netns exec vx-b ping -c 2 -W 1 192.168.100.2
ip netns exec vx-c busybox ping -c 2 -W 1 10.10.0.1
ip netns exec vx-c ping -c 2 -W 1 192.168.1.1
ip netns exec vx-host ping -c 1 10.10.0.2
ip netns exec vx-c busybox traceroute -n -w 1 -q 1 -m 3 10.10.0.2
ip netns exec vx-host ip neigh
ip netns exec vx-b ip neigh
ip netns exec vx-host bridge fdb show br br-aaaa11112222
ip netns exec vx-host brctl showmacs br-bbbb33334444
ip -n vx-host link del veth11aa001
sleep 3
ip netns exec vx-a ip a
ip netns exec vx-a ip route
ip netns exec vx-host ip -br a
ip netns exec vx-host bridge fdb show br br-aaaa11112222
ip netns exec vx-a ping -c 1 -W 1 10.10.0.3
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
ip netns exec vx-a ip a
ip netns exec vx-a ping -c 1 -W 1 192.168.100.2
ip netns exec vx-host ip link
ip netns exec vx-host bridge link
ip -n vx-host link del br-bbbb33334444
sleep 3
ip netns exec vx-host ip a
ip netns exec vx-host ip addr show
ip netns exec vx-host ip -4 addr show
ip netns exec vx-host ip -6 addr show
ip netns exec vx-host ip -br a
ip netns exec vx-host ip -br link
ip netns exec vx-host ip link
ip netns exec vx-host ip -d link
ip netns exec vx-host ip -s link
ip netns exec vx-host ip route
ip netns exec vx-host ip route show table all
ip netns exec vx-host ip neigh
ip netns exec vx-host ip -j a
ip netns exec vx-host ip -j link
ip netns exec vx-host ip -j route
ip netns exec vx-host ip -j neigh
ip netns exec vx-host ifconfig
ip netns exec vx-host ifconfig -a
ip netns exec vx-host route -n
ip netns exec vx-host netstat -rn
ip netns exec vx-host arp -n
ip netns exec vx-host busybox ifconfig
ip netns exec vx-host busybox ifconfig -a
ip netns exec vx-host busybox route -n
ip netns exec vx-host busybox netstat -rn
ip netns exec vx-host busybox ip a
ip netns exec vx-host busybox ip link
ip netns exec vx-host busybox ip route
ip netns exec vx-host busybox ip neigh
ip netns exec vx-host busybox arp -n
ip netns exec vx-host cat /proc/net/dev
ip netns exec vx-host cat /proc/net/route
ip netns exec vx-host cat /proc/net/arp
ip netns exec vx-host cat /proc/net/if_inet6
ip netns exec vx-host sysctl net.ipv4.ip_forward
ip netns exec vx-host bridge link
ip netns exec vx-host bridge -d link
ip netns exec vx-host bridge fdb show
ip netns exec vx-host bridge vlan show
ip netns exec vx-host brctl show
ip netns exec vx-host busybox brctl show
ip netns exec vx-host iptables -S
ip netns exec vx-host iptables -t nat -S
ip netns exec vx-host iptables -L -n
ip netns exec vx-host iptables -t nat -L -n
ip netns exec vx-host iptables -L -n -v
ip netns exec vx-host iptables -t nat -L -n -v
ip netns exec vx-host iptables -L -n --line-numbers
ip netns exec vx-host iptables-save
ip netns exec vx-b ip a
ip netns exec vx-b ip addr show
ip netns exec vx-b ip -4 addr show
ip netns exec vx-b ip -6 addr show
ip netns exec vx-b ip -br a
ip netns exec vx-b ip -br link
ip netns exec vx-b ip link
ip netns exec vx-b ip -d link
ip netns exec vx-b ip -s link
ip netns exec vx-b ip route
ip netns exec vx-b ip route show table all
ip netns exec vx-b ip neigh
ip netns exec vx-b ip -j a
ip netns exec vx-b ip -j link
ip netns exec vx-b ip -j route
ip netns exec vx-b ip -j neigh
ip netns exec vx-b ifconfig
ip netns exec vx-b ifconfig -a
ip netns exec vx-b route -n
ip netns exec vx-b netstat -rn
ip netns exec vx-b arp -n
ip netns exec vx-b busybox ifconfig
ip netns exec vx-b busybox ifconfig -a
ip netns exec vx-b busybox route -n
ip netns exec vx-b busybox netstat -rn
ip netns exec vx-b busybox ip a
ip netns exec vx-b busybox ip link
ip netns exec vx-b busybox ip route
ip netns exec vx-b busybox ip neigh
ip netns exec vx-b busybox arp -n
ip netns exec vx-b cat /proc/net/dev
ip netns exec vx-b cat /proc/net/route
ip netns exec vx-b cat /proc/net/arp
ip netns exec vx-b cat /proc/net/if_inet6
ip netns exec vx-b sysctl net.ipv4.ip_forward
ip netns exec vx-a ip a
ip netns exec vx-a ip addr show
ip netns exec vx-a ip -4 addr show
ip netns exec vx-a ip -6 addr show
ip netns exec vx-a ip -br a
ip netns exec vx-a ip -br link
ip netns exec vx-a ip link
ip netns exec vx-a ip -d link
ip netns exec vx-a ip -s link
ip netns exec vx-a ip route
ip netns exec vx-a ip route show table all
ip netns exec vx-a ip neigh
ip netns exec vx-a ip -j a
ip netns exec vx-a ip -j link
ip netns exec vx-a ip -j route
ip netns exec vx-a ip -j neigh
ip netns exec vx-a ifconfig
ip netns exec vx-a ifconfig -a
ip netns exec vx-a route -n
ip netns exec vx-a netstat -rn
ip netns exec vx-a arp -n
ip netns exec vx-a busybox ifconfig
ip netns exec vx-a busybox ifconfig -a
ip netns exec vx-a busybox route -n
ip netns exec vx-a busybox netstat -rn
ip netns exec vx-a busybox ip a
ip netns exec vx-a busybox ip link
ip netns exec vx-a busybox ip route
ip netns exec vx-a busybox ip neigh
ip netns exec vx-a busybox arp -n
ip netns exec vx-a cat /proc/net/dev
ip netns exec vx-a cat /proc/net/route
ip netns exec vx-a cat /proc/net/arp
ip netns exec vx-a cat /proc/net/if_inet6
ip netns exec vx-a sysctl net.ipv4.ip_forward
ip netns exec vx-c ip a
ip netns exec vx-c ip addr show
ip netns exec vx-c ip -4 addr show
ip netns exec vx-c ip -6 addr show
ip netns exec vx-c ip -br a
ip netns exec vx-c ip -br link
ip netns exec vx-c ip link
ip netns exec vx-c ip -d link
ip netns exec vx-c ip -s link
ip netns exec vx-c ip route
ip netns exec vx-c ip route show table all
ip netns exec vx-c ip neigh
ip netns exec vx-c ip -j a
ip netns exec vx-c ip -j link
ip netns exec vx-c ip -j route
ip netns exec vx-c ip -j neigh
ip netns exec vx-c ifconfig
ip netns exec vx-c ifconfig -a
ip netns exec vx-c route -n
ip netns exec vx-c netstat -rn
ip netns exec vx-c arp -n
ip netns exec vx-c busybox ifconfig
ip netns exec vx-c busybox ifconfig -a
ip netns exec vx-c busybox route -n
ip netns exec vx-c busybox netstat -rn
ip netns exec vx-c busybox ip a
ip netns exec vx-c busybox ip link
ip netns exec vx-c busybox ip route
ip netns exec vx-c busybox ip neigh
ip netns exec vx-c busybox arp -n
ip netns exec vx-c cat /proc/net/dev
ip netns exec vx-c cat /proc/net/route
ip netns exec vx-c cat /proc/net/arp
ip netns exec vx-c cat /proc/net/if_inet6
ip netns exec vx-c sysctl net.ipv4.ip_forward
ip netns exec vx-c ping -c 1 -W 1 192.168.100.254
ip netns exec vx-b ping -c 1 -W 1 192.168.100.2
ip netns exec vx-host ip link show veth44cc004
ip netns exec vx-host ip link show br-bbbb33334444
ip netns exec vx-host brctl show
