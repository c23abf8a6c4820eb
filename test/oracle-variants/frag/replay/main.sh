# Replay of the real-kernel run frag (scripts/oracle-variant/run.py); each line is typed at the host's root prompt.
ip netns add vx-a
ip netns add vx-r
ip netns add vx-c
ip -n vx-a link add eth0 type veth peer name a0 netns vx-r
ip -n vx-c link add eth0 type veth peer name c0 netns vx-r
ip -n vx-a addr add 10.1.0.2/24 dev eth0
ip -n vx-r addr add 10.1.0.1/24 dev a0
ip -n vx-c addr add 10.2.0.2/24 dev eth0
ip -n vx-r addr add 10.2.0.1/24 dev c0
ip -n vx-a link set lo up
ip -n vx-r link set lo up
ip -n vx-c link set lo up
ip -n vx-a link set eth0 up
ip -n vx-c link set eth0 up
ip -n vx-r link set a0 up
ip -n vx-r link set c0 up
ip -n vx-a route add default via 10.1.0.1
ip -n vx-c route add default via 10.2.0.1
ip netns exec vx-r sysctl -qw net.ipv4.ip_forward=1
ip -n vx-r link set c0 mtu 1400
ip -n vx-c link set eth0 mtu 1400
ip netns exec vx-r iptables -A FORWARD -p icmp
ip netns exec vx-r iptables -A FORWARD -p icmp --icmp-type echo-request
sleep 1
ip netns exec vx-a ping -c 1 -W 1 -s 3000 10.2.0.2
ip netns exec vx-a ping -c 1 -W 1 -s 1473 10.2.0.2
ip netns exec vx-r iptables -L FORWARD -v -n -x
ip netns exec vx-a ping -c 1 -W 1 -s 1400 10.2.0.2
ip netns exec vx-a ping -c 1 -W 1 -s 1400 10.2.0.2
ip netns exec vx-a ping -c 1 -W 1 -s 1400 -M do 10.2.0.2
ip netns exec vx-a ping -c 1 -W 1 -s 1372 -M do 10.2.0.2
ip netns exec vx-a ip route flush cache
ip netns exec vx-a ping -c 1 -W 1 -s 1400 -M dont 10.2.0.2
ip netns exec vx-a ping -c 1 -W 1 -s 1400 -M do 10.2.0.2
ip netns exec vx-a ip route flush cache
ip netns exec vx-a busybox ping -c 1 -W 1 -s 3000 10.2.0.2
ip netns exec vx-a busybox ping -c 1 -W 1 -s 1400 10.2.0.2
ip netns exec vx-a busybox ping -c 1 -W 1 -s 1400 10.2.0.2
ip netns exec vx-c ping -c 1 -W 1 -s 3000 10.1.0.2
ip netns exec vx-c ping -c 1 -W 1 -s 1400 -M do 10.1.0.2
ip netns exec vx-r iptables -Z
ip netns exec vx-r iptables -A FORWARD -m conntrack --ctstate NEW,ESTABLISHED
ip netns exec vx-a ping -c 1 -W 1 -s 3000 10.2.0.2
ip netns exec vx-r iptables -L FORWARD -v -n -x
ip netns add vx-br
ip netns add vx-b1
ip netns add vx-b2
ip -n vx-br link add br0 type bridge
ip -n vx-b1 link add eth0 type veth peer name p1 netns vx-br
ip -n vx-b2 link add eth0 type veth peer name p2 netns vx-br
ip -n vx-br link set p1 master br0
ip -n vx-br link set p2 master br0
ip -n vx-b1 addr add 10.3.0.2/24 dev eth0
ip -n vx-b2 addr add 10.3.0.3/24 dev eth0
ip -n vx-br addr add 10.3.0.1/24 dev br0
ip -n vx-b1 link set eth0 up
ip -n vx-b2 link set eth0 up
ip -n vx-br link set p1 up
ip -n vx-br link set p2 up
ip -n vx-br link set br0 up
ip netns exec vx-br sysctl -qw net.bridge.bridge-nf-call-iptables=1
ip netns exec vx-br iptables -A FORWARD -p icmp
ip netns exec vx-br iptables -A FORWARD -p icmp --icmp-type echo-request
sleep 1
ip netns exec vx-b1 ping -c 1 -W 1 -s 3000 10.3.0.3
ip netns exec vx-b1 ping -c 1 -W 1 -s 3000 10.3.0.1
ip netns exec vx-b1 busybox ping -c 1 -W 1 -s 1473 10.3.0.3
ip netns exec vx-br iptables -L FORWARD -v -n -x
ip netns exec vx-br iptables -Z
ip netns exec vx-br iptables -A FORWARD -m conntrack --ctstate NEW,ESTABLISHED
ip netns exec vx-br iptables -A INPUT -m conntrack --ctstate NEW
ip netns exec vx-b1 ping -c 1 -W 1 -s 3000 10.3.0.3
ip netns exec vx-b1 ping -c 1 -W 1 -s 3000 10.3.0.1
ip netns exec vx-br iptables -L -v -n -x
