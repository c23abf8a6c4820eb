# Replay of the real-kernel run ipv6 (scripts/oracle-variant/run.py); each line is typed at the host's root prompt.
ip netns add vx-6r
ip netns add vx-6a
ip netns add vx-6b
ip -n vx-6r link set lo up
ip -n vx-6a link set lo up
ip -n vx-6b link set lo up
ip -n vx-6r link add br0 type bridge
ip -n vx-6r link set br0 address 52:54:00:66:00:01
ip -n vx-6r link add pa type veth peer name eth0 netns vx-6a
ip -n vx-6r link add eth1 type veth peer name eth0 netns vx-6b
ip -n vx-6r link set pa address 52:54:00:66:01:01
ip -n vx-6r link set eth1 address 52:54:00:66:02:01
ip -n vx-6a link set eth0 address 52:54:00:66:01:02
ip -n vx-6b link set eth0 address 52:54:00:66:02:02
ip -n vx-6r link set pa master br0
ip -n vx-6r addr add fd00:1::1/64 dev br0
ip -n vx-6r addr add fd00:2::1/64 dev eth1
ip -n vx-6a addr add fd00:1::2/64 dev eth0
ip -n vx-6b addr add fd00:2::2/64 dev eth0
ip -n vx-6r link set br0 up
ip -n vx-6r link set pa up
ip -n vx-6r link set eth1 up
ip -n vx-6a link set eth0 up
ip -n vx-6b link set eth0 up
sleep 3
ip -n vx-6a -6 route add default via fd00:9::1
ip -n vx-6a -6 route add default via fd00:1::1
ip -n vx-6b -6 route add default via fd00:2::1 dev eth0
ip -n vx-6r -6 route add fd00:99::/64 via fd00:2::2 metric 100
ip -n vx-6r -6 route add fd00:98::/64 dev eth1
ip -n vx-6r -6 route add fd00:96::/64 via fd00:2::2 metric 50
ip -n vx-6r -6 route add fd00:96::/64 via fd00:2::2 metric 60
ip -n vx-6r -6 route add fd00:97::/48 via fd00:2::2 table 100
ip -n vx-6r -6 route add fd00:95::/64 via fd00:2::2
ip -n vx-6r -6 route del fd00:95::/64
ip -n vx-6r route add fd00:94::/64 via fd00:2::2
ip -n vx-6r -6 route add fd00:99::/64 via fd00:2::2 metric 100
ip -n vx-6a -6 route add default via fd00:1::1
ip -n vx-6r -6 route add fd00:50::/64 via fd00:77::1
ip -n vx-6r -6 route add fd00:51::/64 dev nosuch
ip -n vx-6r -6 route del fd00:52::/64
ip -n vx-6r -6 route add 10.1.0.0/16 dev eth1
ip -n vx-6r -6 route del default
ip netns exec vx-6r sysctl -q -w net.ipv6.conf.all.forwarding=1
ip netns exec vx-6r ip -6 route
ip netns exec vx-6r ip -6 route show table all
ip netns exec vx-6r ip -6 route show table 100
ip netns exec vx-6r ip -6 route show dev eth1
ip netns exec vx-6r ip -j -6 route
ip netns exec vx-6r ip route
ip netns exec vx-6a ip -6 route
ip netns exec vx-6a ip -j -6 route
ip netns exec vx-6b ip -6 route
ip netns exec vx-6a ip -6 route get fd00:2::2
ip netns exec vx-6a ip -6 route get fd00:1::1
ip netns exec vx-6a ping -c 2 fd00:1::1
ip netns exec vx-6a ping -c 2 fd00:2::2
ip netns exec vx-6a ping -6 -c 1 fd00:2::1
ip netns exec vx-6a ping -c 2 ::1
ip netns exec vx-6a ping -c 1 fd00:1::2
ip netns exec vx-6b busybox ping -c 2 fd00:1::2
ip netns exec vx-6r ping -c 1 fd00:2::2
ip netns exec vx-6r ping -c 1 fd00:3::1
ip netns exec vx-6a ping -c 1 fd00:3::1
ip netns exec vx-6a ip -6 neigh show to fd00::/16
ip netns exec vx-6r ip -6 neigh show to fd00::/16
ip netns exec vx-6b ip -6 neigh
ip netns exec vx-6r ip neigh show dev eth1 to fd00::/16
ip netns exec vx-6a ip -j -6 neigh show to fd00::/16
ip netns exec vx-6a ping -c 1 -W 5 fd00:1::99
ip netns exec vx-6a ip -6 neigh show to fd00::/16
ip -n vx-6r -6 route del fd00:99::/64 via fd00:2::2 metric 100
ip -n vx-6a -6 route del default
ip netns exec vx-6r ip -6 route
ip netns exec vx-6a ip -6 route
ip netns exec vx-6a ping -c 1 fd00:2::2
ip netns delete vx-6a
ip netns delete vx-6b
ip netns delete vx-6r
