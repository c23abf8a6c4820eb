# Replay of the real-kernel run lifecycle-addr (scripts/oracle-variant/run.py); each line is typed at the host's root prompt.
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
ip -n vx-ld addr replace 10.10.0.2/24 dev e0 scope link
ip -n vx-ld addr change 10.10.1.1/24 dev e0 metric 88
ip -n vx-ld addr replace 10.10.5.1/24 dev e0
ip -n vx-ld addr add 10.10.0.2/24 dev e0
ip -n vx-ld addr change 10.10.9.1/24 dev e0
ip -n vx-ld addr add 10.10.8.1/33 dev e0
ip -n vx-ld addr add 10.10.8/24 dev e0
ip -n vx-ld addr add 10.10.8.1/24
ip -n vx-ld addr add 10.10.8.1/24 dev e0 scope nosuch
ip -n vx-ld addr add 10.10.8.1/24 dev e0 frobnicate
ip -n vx-ld addr del 10.10.5.1 dev e0
ip -n vx-ld addr del 10.10.0.3/16 dev e0
ip -n vx-ld addr flush
ip netns exec vx-ld ip -4 a
ip netns exec vx-ld ip route
ip netns exec vx-ld ip route show table local
ip netns exec vx-ld ip addr show up
ip netns exec vx-ld ip addr show to 10.10.0.0/16
ip netns exec vx-ld ip addr show scope link
ip netns exec vx-ld ip -o addr show dev e0
ip netns exec vx-ld ip -br -4 a
ip netns exec vx-ld ip -c -br a
ip netns exec vx-ld ip -c a show dev e0
ip netns exec vx-ld ip -c route
ip netns exec vx-ld ip -c link
ip netns exec vx-ld ip -c -br link
ip netns exec vx-ld ip -c -o -4 a
ip netns exec vx-ld ip -c -j a show dev lo
ip netns exec vx-ld ip -color=never a show dev lo
ip netns exec vx-ld ip -color=sometimes a show dev lo
ip netns exec vx-ld ip -j addr show dev e0
ip netns exec vx-ld ifconfig
ip -n vx-ld link set e0 down
ip -n vx-ld link set e0 name lan
ip netns exec vx-ld ip -4 a show dev lan
ip netns exec vx-ld ip -c -br link
ip netns exec vx-ld ip route
ip netns exec vx-ld ip route show table local
ip -n vx-ld link set lan up
ip netns exec vx-ld ip -4 a show dev lan
ip netns exec vx-ld ip route
ip netns exec vx-ld ifconfig
ip -n vx-ld link set lan name e0
ip netns exec vx-ld ip -4 a show dev e0
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
ip -n vx-ld route add 10.30.0.0/16 dev e0 src 10.10.9.9
ip -n vx-ld route add 10.31.0.0/16 via 10.10.0.1
ip -n vx-ld route change 10.32.0.0/16 via 10.10.0.254
ip -n vx-ld route append 10.20.0.0/16 via 10.10.0.253 metric 10
ip -n vx-ld route add 10.20.0.0/16 via 10.10.0.253 metric 10
ip -n vx-ld route add 10.33.0.0/16 via 10.10.0.254 proto nosuch
ip -n vx-ld route add 10.34.0.0/40 via 10.10.0.254
ip -n vx-ld route add 10.35.0.0/16 via 10.10.0.254 frobnicate
ip -n vx-ld route del 10.21.0.0/16 via 10.10.0.253
ip -n vx-ld route add 10.36.0.0/16 via 10.10.0.254 table nosuch
ip -n vx-ld route get 10.20.1.1 from 10.10.9.9
ip netns exec vx-ld ip route
ip netns exec vx-ld ip route show table all
ip netns exec vx-ld ip route show via 10.10.0.253
ip netns exec vx-ld ip route show scope link
ip netns exec vx-ld ip route show proto kernel
ip netns exec vx-ld ip route show proto bgp
ip netns exec vx-ld ip route show proto 99
ip netns exec vx-ld ip route show root 10.20.0.0/14
ip netns exec vx-ld ip route show match 10.20.1.1
ip netns exec vx-ld ip route show exact 10.20.0.0/16
ip netns exec vx-ld ip route show default
ip netns exec vx-ld ip route show table local type local
ip netns exec vx-ld ip route show type throw
ip netns exec vx-ld ip route show table 50
ip netns exec vx-ld ip -o route
ip netns exec vx-ld ip -d route
ip netns exec vx-ld ip -j route
ip netns exec vx-ld route -n
ip netns exec vx-ld busybox ip route
ip netns exec vx-ld cat /proc/net/route
ip netns exec vx-ld ip route get 10.20.1.1
ip netns exec vx-ld ip route get 10.20.1.1 from 10.10.0.2
ip netns exec vx-ld ip route get 10.99.1.1 oif e0
ip netns exec vx-ld ip route get 8.8.8.8
ip netns exec vx-ld ip route get fibmatch 10.20.1.1
ip netns exec vx-ld ip route get fibmatch 8.8.8.8
ip netns exec vx-ld ip route get 10.10.0.2
ip netns exec vx-ld ip route get 10.27.0.9
ip netns exec vx-ld ip route get 127.0.0.2
ip netns exec vx-ld ip route get 10.10.0.255
ip netns exec vx-ld ip route get 255.255.255.255
ip netns exec vx-ld ip route get 224.0.0.1
ip netns exec vx-ld ip route get 10.28.1.1
ip netns exec vx-ld ip route get 10.25.0.9
ip netns exec vx-ld ip route get 10.24.0.1
ip netns exec vx-ld ip -o route get 10.20.1.1
ip netns exec vx-ld ip -j route get 10.20.1.1
ip netns exec vx-ld ip route get 10.20.1.1 mark 5
ip netns exec vx-ld ip route get 10.20.1.1 connected
ip netns exec vx-ld ip -c route get 10.20.1.1
ip netns exec vx-ld ip -c route show table all
ip -n vx-ld route del default
ip -n vx-ld route del 10.20.0.0/16 via 10.10.0.253
ip -n vx-ld route flush proto bgp
ip -n vx-ld route flush table 50
ip netns exec vx-ld ip route
ip netns exec vx-ld ip route show table 50
ip -n vx-ld route flush proto 42
ip -n vx-ld route flush 10.22.0.0/16
ip netns exec vx-ld ip route
ip -n vx-ld route replace default via 10.10.0.254
ip -n vx-ld route replace default via 10.10.0.253
ip netns exec vx-ld ip route show default
ip -n vx-ld neigh add 10.10.0.50 lladdr 02:20:00:00:00:50 dev e0
ip -n vx-ld neigh add 10.10.0.51 lladdr 02:20:00:00:00:51 dev e0 nud noarp
ip -n vx-ld neigh add 10.10.0.52 lladdr 02:20:00:00:00:52 dev e0 nud stale
ip -n vx-ld neigh change 10.10.0.50 lladdr 02:20:00:00:00:5a dev e0
ip -n vx-ld neigh change 10.10.0.99 lladdr 02:20:00:00:00:99 dev e0
ip -n vx-ld neigh add 10.10.0.60 lladdr 02:20:00:00:00:60 dev e0 nud bogus
ip -n vx-ld neigh get 10.10.0.98 dev e0
ip -n vx-ld neigh get 10.10.0.50
ip netns exec vx-ld ip neigh
ip netns exec vx-ld ip neigh show nud all
ip netns exec vx-ld ip neigh get 10.10.0.50 dev e0
ip netns exec vx-ld ip neigh show 10.10.0.52
ip netns exec vx-ld ip neigh show to 10.10.0.48/30
ip netns exec vx-ld ip -4 neigh show dev e0
ip netns exec vx-ld ip -c neigh
ip netns exec vx-ld arp -n
ip -n vx-ld neigh flush to 10.10.0.50
ip netns exec vx-ld ip neigh show nud all
ip -n vx-ld addr flush dev e0 secondary
ip netns exec vx-ld ip -4 a show dev e0
ip -n vx-ld addr flush dev e0 to 10.10.0.0/24
ip netns exec vx-ld ip -4 a show dev e0
ip netns exec vx-ld ip route
ip -n vx-le netns identify
ip netns exec vx-ld ip a s dev e0
ip netns exec vx-ld ip r
ip netns exec vx-ld ip ro li
ip netns exec vx-ld ip l
ip netns exec vx-ld ip n
ip netns exec vx-ld ip addr ls lo
ip netns exec vx-ld ip -d a show dev e0
ip netns exec vx-ld ip -4 -o r
ip netns exec vx-ld ip link show e0@if2
ip -n vx-ld link set e0@if2 up
ip netns exec vx-ld ip addr show dev e0@if2
ip netns exec vx-ld ip help
ip netns exec vx-ld ip link help
ip netns exec vx-ld ip addr help
ip netns exec vx-ld ip route help
ip netns exec vx-ld ip neigh help
ip netns exec vx-ld ip netns help
ip netns exec vx-ld ip -V
ip netns exec vx-ld ip
ip netns exec vx-ld ip frob
ip netns exec vx-ld ip link frob
ip netns exec vx-ld ip addr frob
ip netns exec vx-ld ip route frob
ip -n vx-le link set e0 down
ip netns exec vx-ld ip route
ip netns exec vx-ld ip route get 10.20.1.1
ip netns exec vx-ld ip -br link
ip netns exec vx-ld ip -j route show dev e0
ip -n vx-le link set e0 up
