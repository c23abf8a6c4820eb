# IPv4 fragmentation and reassembly (ip_fragment.c, ip_output.c ip_do_fragment, nf_defrag_ipv4, br_netfilter):
# a router r between a (10.1.0.2) and c (10.2.0.2) whose second hop has MTU 1400, and a bridge in br between
# b1 and b2 (10.3.0.2/.3). Pings over the MTU: fragmented and answered, DF (iputils/BusyBox default want)
# answered with "Frag needed" and then fragmented at the learned path MTU, -M do/dont, flush cache; iptables
# FORWARD counters on fragments without conntrack and on whole datagrams with it, routed and bridged.
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
@pings/a_c_3000.iputils ip netns exec vx-a ping -c 1 -W 1 -s 3000 10.2.0.2
@pings/a_c_1473.iputils ip netns exec vx-a ping -c 1 -W 1 -s 1473 10.2.0.2
@counters/forward_plain ip netns exec vx-r iptables -L FORWARD -v -n -x
@pings/a_c_1400_want.iputils ip netns exec vx-a ping -c 1 -W 1 -s 1400 10.2.0.2
@pings/a_c_1400_learned.iputils ip netns exec vx-a ping -c 1 -W 1 -s 1400 10.2.0.2
@pings/a_c_1400_do.iputils ip netns exec vx-a ping -c 1 -W 1 -s 1400 -M do 10.2.0.2
@pings/a_c_1372_do.iputils ip netns exec vx-a ping -c 1 -W 1 -s 1372 -M do 10.2.0.2
@route/flush_cache ip netns exec vx-a ip route flush cache
@pings/a_c_1400_dont.iputils ip netns exec vx-a ping -c 1 -W 1 -s 1400 -M dont 10.2.0.2
@pings/a_c_1400_do_flushed.iputils ip netns exec vx-a ping -c 1 -W 1 -s 1400 -M do 10.2.0.2
ip netns exec vx-a ip route flush cache
@pings/a_c_3000.busybox ip netns exec vx-a busybox ping -c 1 -W 1 -s 3000 10.2.0.2
@pings/a_c_1400.busybox ip netns exec vx-a busybox ping -c 1 -W 1 -s 1400 10.2.0.2
@pings/a_c_1400_learned.busybox ip netns exec vx-a busybox ping -c 1 -W 1 -s 1400 10.2.0.2
@pings/c_a_3000.iputils ip netns exec vx-c ping -c 1 -W 1 -s 3000 10.1.0.2
@pings/c_a_1400_do.iputils ip netns exec vx-c ping -c 1 -W 1 -s 1400 -M do 10.1.0.2
ip netns exec vx-r iptables -Z
ip netns exec vx-r iptables -A FORWARD -m conntrack --ctstate NEW,ESTABLISHED
@pings/a_c_3000_ct.iputils ip netns exec vx-a ping -c 1 -W 1 -s 3000 10.2.0.2
@counters/forward_ct ip netns exec vx-r iptables -L FORWARD -v -n -x
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
@pings/b1_b2_3000.iputils ip netns exec vx-b1 ping -c 1 -W 1 -s 3000 10.3.0.3
@pings/b1_br_3000.iputils ip netns exec vx-b1 ping -c 1 -W 1 -s 3000 10.3.0.1
@pings/b1_b2_1473.busybox ip netns exec vx-b1 busybox ping -c 1 -W 1 -s 1473 10.3.0.3
@counters/bridge_plain ip netns exec vx-br iptables -L FORWARD -v -n -x
ip netns exec vx-br iptables -Z
ip netns exec vx-br iptables -A FORWARD -m conntrack --ctstate NEW,ESTABLISHED
ip netns exec vx-br iptables -A INPUT -m conntrack --ctstate NEW
@pings/b1_b2_3000_ct.iputils ip netns exec vx-b1 ping -c 1 -W 1 -s 3000 10.3.0.3
@pings/b1_br_3000_ct.iputils ip netns exec vx-b1 ping -c 1 -W 1 -s 3000 10.3.0.1
@counters/bridge_ct ip netns exec vx-br iptables -L -v -n -x
