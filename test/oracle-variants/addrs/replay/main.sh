# Replay of the real-kernel run addrs (scripts/oracle-variant/run.py); each line is typed at the host's root prompt.
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
ip -n vx-h addr add 10.1.0.10/24 dev eth0
ip -n vx-h addr add 10.9.0.1/24 dev nosuch
ip -n vx-h addr add 10.9.0.1/24 dev eth0 label wrong:1
ip -n vx-h addr add dev eth0
ip -n vx-h addr del 10.9.9.9/24 dev eth0
ip -n vx-h addr show dev nosuch
ip netns exec vx-h ip a
ip netns exec vx-h ip -4 addr show
ip netns exec vx-h ip addr show dev eth0
ip netns exec vx-h ip addr show label eth0:1
ip netns exec vx-h ip -4 addr show scope link
ip netns exec vx-h ip addr show secondary
ip netns exec vx-h ip -4 addr show primary
ip netns exec vx-h ip -o -4 a
ip netns exec vx-h ip -br a
ip netns exec vx-h ip -j a
ip netns exec vx-h ip route
ip netns exec vx-h ip route show table local
ip netns exec vx-h route -n
ip netns exec vx-h busybox route -n
ip netns exec vx-h cat /proc/net/route
ip netns exec vx-h ifconfig
ip netns exec vx-h ifconfig eth0:1
ip netns exec vx-h busybox ifconfig
ip netns exec vx-h busybox ip a
ip netns exec vx-h busybox ip addr show eth0
ip netns exec vx-h busybox ip route
ip netns exec vx-h ip route get 10.5.0.2
ip netns exec vx-h ip route get 10.6.0.9
ip netns exec vx-h ip route get 10.4.0.1
ip netns exec vx-h ip route get 10.7.5.5
ip netns exec vx-p ping -c 1 -W 1 10.1.0.11
ip netns exec vx-p busybox ping -c 1 -W 1 10.1.0.12
ip -n vx-h addr del 10.1.0.10/24 dev eth0
ip netns exec vx-h ip -4 addr show dev eth0
ip netns exec vx-h ip route
ip netns exec vx-h sysctl net.ipv4.conf.eth0.promote_secondaries
ip netns exec vx-h sysctl -q -w net.ipv4.conf.eth0.promote_secondaries=1
ip -n vx-h addr add 10.1.0.10/24 brd + dev eth0
ip -n vx-h addr add 10.1.0.11/24 brd + dev eth0
ip -n vx-h addr add 10.1.0.12/24 dev eth0 label eth0:1
ip -n vx-h addr del 10.1.0.10/24 dev eth0
ip netns exec vx-h ip -4 addr show dev eth0
ip netns exec vx-h ip route
ip netns exec vx-h ip route show table local
ip netns exec vx-h ip route get 10.1.0.1
ip netns exec vx-h ifconfig -a
ip netns exec vx-h ifconfig eth0:5 10.20.0.1 netmask 255.255.255.0 up
ip netns exec vx-h ifconfig eth0:6 192.168.77.1 netmask 255.255.255.0 up
ip netns exec vx-h ifconfig eth0:6 broadcast 192.168.77.200
ip netns exec vx-h ip -4 addr show dev eth0
ip netns exec vx-h ifconfig
ip netns exec vx-h ifconfig eth0:6
ip netns exec vx-h busybox ifconfig eth0:6
ip netns exec vx-h route -n
ip netns exec vx-h ifconfig eth0:6 down
ip netns exec vx-h ifconfig eth0:6 down
ip netns exec vx-h ifconfig eth0:7 up
ip netns exec vx-h ip -4 addr show dev eth0
ip netns exec vx-h ifconfig eth9
ip netns exec vx-h busybox ifconfig eth9
ip -n vx-h addr flush dev eth0 label eth0:web
ip netns exec vx-h ip -4 addr show dev eth0
ip -n vx-h addr flush dev eth0 scope link
ip netns exec vx-h ip -4 addr show dev eth0
ip -n vx-h addr flush dev nosuch
ip -n vx-h addr flush dev eth0
ip netns exec vx-h ip a
ip netns exec vx-h ip route
ip netns exec vx-h ip route show table all
ip netns exec vx-h ifconfig
ip netns exec vx-h busybox ifconfig
ip netns exec vx-h route -n
ip netns exec vx-p ping -c 1 -W 1 10.1.0.11
ip -n vx-h addr add 2001:db8::10/64 dev eth0
ip -n vx-h addr add 2001:db8:1::10/64 dev eth0 nodad
sleep 3
ip netns exec vx-h ip -6 addr show
ip netns exec vx-h ip -6 route
ip netns exec vx-h cat /proc/net/if_inet6
