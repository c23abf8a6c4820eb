# Replay of the real-kernel run routes (scripts/oracle-variant/run.py); each line is typed at the host's root prompt.
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
ip -n vx-r route add 10.1.0.0/24 dev eth0
ip -n vx-r route add default via 10.1.0.2
ip -n vx-r route add 10.50.0.0/16 via 10.200.0.1
ip -n vx-r route add 10.52.0.0/16 dev nosuch
ip -n vx-r route del 10.51.0.0/16
ip -n vx-r route add
ip -n vx-r route get 300.1.1.1
ip -n vx-r rule add from 10.1.0.0/24 table nosuch
ip -n vx-r route show table 999
ip netns exec vx-r route add -net 10.70.0.0 netmask 255.255.0.0 gw 10.200.0.1
ip netns exec vx-r route del -net 10.71.0.0 netmask 255.255.0.0
ip netns exec vx-r route add -net 10.72.0.1 netmask 255.255.0.0 dev eth1
ip netns exec vx-r ip route
ip netns exec vx-r ip route show table all
ip netns exec vx-r ip route show table 100
ip netns exec vx-r ip route show dev eth1
ip netns exec vx-r ip route show type blackhole
ip netns exec vx-r ip route show proto static
ip netns exec vx-r ip route list 172.16.0.0/16
ip netns exec vx-r ip rule
ip netns exec vx-r ip rule show
ip netns exec vx-r ip -j rule
ip netns exec vx-r ip -j route
ip netns exec vx-r route -n
ip netns exec vx-r route -ne
ip netns exec vx-r netstat -rn
ip netns exec vx-r busybox route -n
ip netns exec vx-r busybox ip route
ip netns exec vx-r cat /proc/net/route
ip netns exec vx-r ip route get 172.16.1.1
ip netns exec vx-r ip route get 10.99.1.1
ip netns exec vx-r ip route get 10.98.1.1
ip netns exec vx-r ip route get 10.97.1.1
ip netns exec vx-r ip route get 10.96.1.1
ip netns exec vx-r ip route get 10.95.1.1
ip netns exec vx-r ip route get 10.94.1.1
ip netns exec vx-r ip route get 10.94.1.1 from 10.1.0.2 iif eth0
ip netns exec vx-r ip route get 10.1.0.1
ip netns exec vx-r ip route get 10.2.0.1 from 10.1.0.2 iif eth0
ip netns exec vx-r ip route get 10.98.1.1 from 10.1.0.2 iif eth0
ip netns exec vx-r ip route get 10.97.1.1 from 10.1.0.2 iif eth0
ip netns exec vx-r ip route get 172.16.0.1 from 10.1.0.2 iif eth0
ip netns exec vx-r ip route get 10.93.1.1
ip netns exec vx-r ip route get 8.8.8.8
ip netns exec vx-r ip route get 10.2.0.1
ip netns exec vx-r ip route get 10.1.0.255
ip netns exec vx-r ping -c 1 -W 1 10.98.0.1
ip netns exec vx-r ping -c 1 -W 1 10.99.0.1
ip netns exec vx-r ping -c 1 -W 1 10.97.0.1
ip netns exec vx-r busybox ping -c 1 -W 1 10.97.0.1
ip netns exec vx-a ping -c 2 -W 1 10.2.0.2
ip netns exec vx-a ping -c 2 -W 1 10.98.0.1
ip netns exec vx-a busybox ping -c 2 -W 1 10.98.0.1
ip netns exec vx-a ping -c 2 -W 1 10.97.0.1
ip netns exec vx-a ping -c 2 -W 1 10.99.0.1
sleep 6
ip netns exec vx-a busybox traceroute -n -w 1 -q 1 -m 3 10.2.0.2
ip netns exec vx-a busybox traceroute -n -w 1 -q 1 -m 3 10.98.0.1
ip netns exec vx-a traceroute -n -w 1 -q 1 -m 3 10.2.0.2
ip netns exec vx-r route add -net 10.60.0.0 netmask 255.255.0.0 gw 10.2.0.2
ip netns exec vx-r route add -host 10.61.0.5 dev eth1
ip netns exec vx-r route add -net 10.62.0.0/16 reject
ip netns exec vx-r route add -net 10.64.0.0 netmask 255.255.0.0 gw 10.2.0.2 metric 7
ip netns exec vx-r busybox route add -net 10.63.0.0 netmask 255.255.0.0 gw 10.2.0.2
ip netns exec vx-r busybox route add -host 10.65.0.9 gw 10.1.0.2
ip netns exec vx-r route del -net 172.16.0.0 netmask 255.255.0.0
ip netns exec vx-r ip route
ip netns exec vx-r route -n
ip netns exec vx-r busybox route -n
ip netns exec vx-r netstat -rn
ip netns exec vx-r route del default
ip netns exec vx-r ip route
ip -n vx-r route replace 10.95.0.0/16 via 10.1.0.2 metric 3
ip -n vx-r route change 10.92.0.0/24 dev eth0 proto static scope link metric 5 mtu 1400
ip netns exec vx-r ip route
ip netns exec vx-r ip -d route show 10.92.0.0/24
ip -n vx-r route flush table 100
ip -n vx-r rule del from 10.1.0.0/24 to 10.94.0.0/16 table 100
ip netns exec vx-r ip route show table all
ip netns exec vx-r ip rule
ip -n vx-r rule del from 10.1.0.0/24 table 100
ip -n vx-r rule del pref 600
ip netns exec vx-r ip rule show
ip -n vx-r rule flush
ip netns exec vx-r ip rule
ip netns exec vx-r ip route get 10.2.0.1
ip -n vx-r route flush dev eth1
ip netns exec vx-r ip route
ip netns exec vx-r route -n
