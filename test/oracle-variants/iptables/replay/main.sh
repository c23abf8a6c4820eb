# Replay of the real-kernel run iptables (scripts/oracle-variant/run.py); each line is typed at the host's root prompt.
ip netns add vx-fw
ip netns add vx-c
ip netns add vx-s
ip -n vx-fw link set lo up
ip -n vx-c link set lo up
ip -n vx-s link set lo up
ip -n vx-fw link add eth0 type veth peer name eth0 netns vx-c
ip -n vx-fw link add eth1 type veth peer name eth0 netns vx-s
ip -n vx-fw link set eth0 address 52:54:00:ee:01:01
ip -n vx-fw link set eth1 address 52:54:00:ee:02:01
ip -n vx-c link set eth0 address 52:54:00:ee:01:02
ip -n vx-s link set eth0 address 52:54:00:ee:02:02
ip netns exec vx-fw sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip netns exec vx-c sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip netns exec vx-s sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip -n vx-fw addr add 10.1.0.1/24 brd + dev eth0
ip -n vx-fw addr add 10.2.0.1/24 brd + dev eth1
ip -n vx-c addr add 10.1.0.2/24 brd + dev eth0
ip -n vx-s addr add 10.2.0.2/24 brd + dev eth0
ip -n vx-s addr add 10.2.0.3/24 dev eth0
ip -n vx-s addr add 10.2.0.4/24 dev eth0
ip -n vx-fw link set eth0 up
ip -n vx-fw link set eth1 up
ip -n vx-c link set eth0 up
ip -n vx-s link set eth0 up
ip -n vx-c route add default via 10.1.0.1
ip -n vx-s route add default via 10.2.0.1
ip netns exec vx-fw sysctl -q -w net.ipv4.ip_forward=1
ip netns exec vx-fw iptables -L -n
ip netns exec vx-fw iptables -S
ip netns exec vx-fw iptables -t nat -L -n
ip netns exec vx-fw iptables-save
ip netns exec vx-fw iptables -N MYCHAIN
ip netns exec vx-fw iptables -A MYCHAIN -p icmp -j ACCEPT
ip netns exec vx-fw iptables -A MYCHAIN -j RETURN
ip netns exec vx-fw iptables -A INPUT -j MYCHAIN
ip netns exec vx-fw iptables -I INPUT 1 -s 10.9.0.0/24 -j DROP
ip netns exec vx-fw iptables -I INPUT 2 -p tcp --dport 22 -j ACCEPT
ip netns exec vx-fw iptables -A INPUT -p udp --dport 53 -j ACCEPT
ip netns exec vx-fw iptables -A INPUT -i lo -j ACCEPT
ip netns exec vx-fw iptables -R INPUT 2 -p tcp -m tcp --dport 2222 -j ACCEPT
ip netns exec vx-fw iptables -D INPUT -p udp --dport 53 -j ACCEPT
ip netns exec vx-fw iptables -D INPUT 1
ip netns exec vx-fw iptables -A FORWARD -s 10.1.0.2 -d 10.2.0.2 -p icmp -j REJECT --reject-with icmp-host-prohibited
ip netns exec vx-fw iptables -A FORWARD -d 10.2.0.3 -j REJECT
ip netns exec vx-fw iptables -A FORWARD -d 10.2.0.4 -j DROP
ip netns exec vx-fw iptables -I FORWARD -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
ip netns exec vx-fw iptables -A OUTPUT -o eth1 -p udp --dport 9 -j REJECT --reject-with icmp-net-unreachable
ip netns exec vx-fw iptables -t nat -A POSTROUTING -o eth1 -j MASQUERADE
ip netns exec vx-fw iptables -t nat -A PREROUTING -i eth0 -p tcp --dport 8080 -j DNAT --to-destination 10.2.0.2:80
ip netns exec vx-fw iptables -A NOSUCH -j ACCEPT
ip netns exec vx-fw iptables -A INPUT -j NOSUCHTARGET
ip netns exec vx-fw iptables -N MYCHAIN
ip netns exec vx-fw iptables -D INPUT 99
ip netns exec vx-fw iptables -D INPUT -p udp --dport 99 -j ACCEPT
ip netns exec vx-fw iptables -C FORWARD -d 10.2.0.9 -j DROP
ip netns exec vx-fw iptables -C FORWARD -d 10.2.0.4 -j DROP
ip netns exec vx-fw iptables -P MYCHAIN DROP
ip netns exec vx-fw iptables -P INPUT REJECT
ip netns exec vx-fw iptables -X INPUT
ip netns exec vx-fw iptables -X MYCHAIN
ip netns exec vx-fw iptables -A INPUT -p foo -j ACCEPT
ip netns exec vx-fw iptables -A INPUT --dport 80 -j ACCEPT
ip netns exec vx-fw iptables -t nosuch -L -n
ip netns exec vx-fw iptables -R INPUT 9 -j ACCEPT
ip netns exec vx-fw iptables -I INPUT 9 -j ACCEPT
ip netns exec vx-fw iptables -L NOSUCH -n
ip netns exec vx-fw iptables -A INPUT -j REJECT --reject-with icmp-bogus
ip netns exec vx-fw iptables -s 10.0.0.1
ip netns exec vx-fw iptables -L -n
ip netns exec vx-fw iptables -L -n --line-numbers
ip netns exec vx-fw iptables -L INPUT -n
ip netns exec vx-fw iptables -S
ip netns exec vx-fw iptables -S FORWARD
ip netns exec vx-fw iptables -t nat -S
ip netns exec vx-fw iptables -t nat -L -n
ip netns exec vx-fw iptables-save
ip netns exec vx-fw iptables-save -t nat
ip netns exec vx-c ping -c 1 -W 1 10.2.0.2
ip netns exec vx-c ping -c 1 -W 1 10.2.0.3
ip netns exec vx-c ping -c 1 -W 1 10.2.0.4
ip netns exec vx-c ping -c 1 -W 1 10.1.0.1
sleep 3
ip netns exec vx-c busybox ping -c 1 -W 1 10.2.0.2
ip netns exec vx-c busybox ping -c 1 -W 1 10.2.0.3
ip netns exec vx-s ping -c 1 -W 1 10.1.0.2
ip netns exec vx-fw traceroute -n -w 1 -q 1 -m 1 -p 9 10.2.0.2
ip netns exec vx-fw iptables -L -n -v
ip netns exec vx-fw iptables -L FORWARD -n -v
ip netns exec vx-fw iptables -t nat -L -n -v
ip netns exec vx-fw iptables -L -n -x -v
ip netns exec vx-fw iptables -Z FORWARD
ip netns exec vx-fw iptables -L FORWARD -n -v
ip netns exec vx-fw iptables -Z
ip netns exec vx-fw iptables -P FORWARD DROP
ip netns exec vx-fw iptables -P OUTPUT ACCEPT
ip netns exec vx-fw iptables -S
ip netns exec vx-fw iptables -L -n
ip netns exec vx-c ping -c 1 -W 1 10.2.0.2
ip netns exec vx-fw iptables -F MYCHAIN
ip netns exec vx-fw iptables -S MYCHAIN
ip netns exec vx-fw iptables -X MYCHAIN
ip netns exec vx-fw iptables -D INPUT -j MYCHAIN
ip netns exec vx-fw iptables -X MYCHAIN
ip netns exec vx-fw iptables -F
ip netns exec vx-fw iptables -t nat -F
ip netns exec vx-fw iptables -S
ip netns exec vx-fw iptables -L -n
ip netns exec vx-fw iptables -t nat -S
ip netns exec vx-fw iptables-save
ip netns exec vx-c ping -c 1 -W 1 10.2.0.2
ip netns exec vx-fw iptables -P FORWARD ACCEPT
ip netns exec vx-c ping -c 1 -W 1 10.2.0.2
ip netns exec vx-c iptables -L -n
