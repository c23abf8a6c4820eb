# A Docker-style host rebuilt the way test/oracle/lib.sh does it, on another topology: the default bridge plus
# two user networks ("abc" sorts before "bridge", so it takes the default gateway of a container on both),
# published ports, then the lifecycle: a container removed (its veth and rules go), a network removed,
# a new container reusing the lowest free address. Generated once by hand from lib.sh's primitives.
ip netns add vx-host
ip netns add vx-lan
ip -n vx-host link set lo up
ip -n vx-lan link set lo up
ip -n vx-host link add eth0 type veth peer name eth0 netns vx-lan
ip -n vx-host link set eth0 address 52:54:00:77:00:0d
ip -n vx-lan link set eth0 address 52:54:00:77:00:01
ip -n vx-host addr add 192.168.7.13/24 brd + dev eth0
ip -n vx-lan addr add 192.168.7.1/24 brd + dev eth0
ip -n vx-host link set eth0 up
ip -n vx-lan link set eth0 up
ip -n vx-host route add default via 192.168.7.1 dev eth0
ip netns exec vx-host sysctl -q -w net.ipv4.ip_forward=1
ip netns exec vx-host iptables -t nat -N DOCKER
ip netns exec vx-host iptables -N DOCKER
ip netns exec vx-host iptables -N DOCKER-ISOLATION-STAGE-1
ip netns exec vx-host iptables -N DOCKER-ISOLATION-STAGE-2
ip netns exec vx-host iptables -A DOCKER-ISOLATION-STAGE-1 -j RETURN
ip netns exec vx-host iptables -A DOCKER-ISOLATION-STAGE-2 -j RETURN
ip netns exec vx-host iptables -P FORWARD DROP
ip -n vx-host link add docker0 txqueuelen 0 type bridge
ip -n vx-host link set docker0 address 02:42:11:22:33:44
ip -n vx-host addr add 172.17.0.1/16 brd + dev docker0
ip -n vx-host link set docker0 up
ip netns exec vx-host iptables -t nat -I POSTROUTING -s 172.17.0.0/16 \! -o docker0 -j MASQUERADE
ip netns exec vx-host iptables -t nat -I DOCKER -i docker0 -j RETURN
ip netns exec vx-host iptables -I FORWARD -i docker0 -o docker0 -j ACCEPT
ip netns exec vx-host iptables -I FORWARD -i docker0 \! -o docker0 -j ACCEPT
ip netns exec vx-host iptables -t nat -A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER
ip netns exec vx-host iptables -t nat -A OUTPUT -m addrtype --dst-type LOCAL \! -d 127.0.0.0/8 -j DOCKER
ip netns exec vx-host iptables -I FORWARD -o docker0 -j DOCKER
ip netns exec vx-host iptables -I FORWARD -o docker0 -m conntrack --ctstate RELATED\,ESTABLISHED -j ACCEPT
ip netns exec vx-host iptables -I FORWARD -j DOCKER-ISOLATION-STAGE-1
ip netns exec vx-host iptables -I DOCKER-ISOLATION-STAGE-1 -i docker0 \! -o docker0 -j DOCKER-ISOLATION-STAGE-2
ip netns exec vx-host iptables -I DOCKER-ISOLATION-STAGE-2 -o docker0 -j DROP
ip netns exec vx-host iptables -N DOCKER-USER
ip netns exec vx-host iptables -A DOCKER-USER -j RETURN
ip netns exec vx-host iptables -I FORWARD -j DOCKER-USER
ip -n vx-host link add br-0a1b2c3d4e5f txqueuelen 0 type bridge
ip -n vx-host link set br-0a1b2c3d4e5f address 02:42:aa:bb:cc:01
ip -n vx-host addr add 10.50.0.1/24 brd + dev br-0a1b2c3d4e5f
ip -n vx-host link set br-0a1b2c3d4e5f up
ip netns exec vx-host iptables -t nat -I POSTROUTING -s 10.50.0.0/24 \! -o br-0a1b2c3d4e5f -j MASQUERADE
ip netns exec vx-host iptables -t nat -I DOCKER -i br-0a1b2c3d4e5f -j RETURN
ip netns exec vx-host iptables -I FORWARD -i br-0a1b2c3d4e5f -o br-0a1b2c3d4e5f -j ACCEPT
ip netns exec vx-host iptables -I FORWARD -i br-0a1b2c3d4e5f \! -o br-0a1b2c3d4e5f -j ACCEPT
ip netns exec vx-host iptables -I FORWARD -o br-0a1b2c3d4e5f -j DOCKER
ip netns exec vx-host iptables -I FORWARD -o br-0a1b2c3d4e5f -m conntrack --ctstate RELATED\,ESTABLISHED -j ACCEPT
ip netns exec vx-host iptables -D FORWARD -j DOCKER-ISOLATION-STAGE-1
ip netns exec vx-host iptables -I FORWARD -j DOCKER-ISOLATION-STAGE-1
ip netns exec vx-host iptables -I DOCKER-ISOLATION-STAGE-1 -i br-0a1b2c3d4e5f \! -o br-0a1b2c3d4e5f -j DOCKER-ISOLATION-STAGE-2
ip netns exec vx-host iptables -I DOCKER-ISOLATION-STAGE-2 -o br-0a1b2c3d4e5f -j DROP
ip netns exec vx-host iptables -D FORWARD -j DOCKER-USER
ip netns exec vx-host iptables -I FORWARD -j DOCKER-USER
ip -n vx-host link add br-9f8e7d6c5b4a txqueuelen 0 type bridge
ip -n vx-host link set br-9f8e7d6c5b4a address 02:42:aa:bb:cc:02
ip -n vx-host addr add 172.30.0.1/16 brd + dev br-9f8e7d6c5b4a
ip -n vx-host link set br-9f8e7d6c5b4a up
ip netns exec vx-host iptables -t nat -I POSTROUTING -s 172.30.0.0/16 \! -o br-9f8e7d6c5b4a -j MASQUERADE
ip netns exec vx-host iptables -t nat -I DOCKER -i br-9f8e7d6c5b4a -j RETURN
ip netns exec vx-host iptables -I FORWARD -i br-9f8e7d6c5b4a -o br-9f8e7d6c5b4a -j ACCEPT
ip netns exec vx-host iptables -I FORWARD -i br-9f8e7d6c5b4a \! -o br-9f8e7d6c5b4a -j ACCEPT
ip netns exec vx-host iptables -I FORWARD -o br-9f8e7d6c5b4a -j DOCKER
ip netns exec vx-host iptables -I FORWARD -o br-9f8e7d6c5b4a -m conntrack --ctstate RELATED\,ESTABLISHED -j ACCEPT
ip netns exec vx-host iptables -D FORWARD -j DOCKER-ISOLATION-STAGE-1
ip netns exec vx-host iptables -I FORWARD -j DOCKER-ISOLATION-STAGE-1
ip netns exec vx-host iptables -I DOCKER-ISOLATION-STAGE-1 -i br-9f8e7d6c5b4a \! -o br-9f8e7d6c5b4a -j DOCKER-ISOLATION-STAGE-2
ip netns exec vx-host iptables -I DOCKER-ISOLATION-STAGE-2 -o br-9f8e7d6c5b4a -j DROP
ip netns exec vx-host iptables -D FORWARD -j DOCKER-USER
ip netns exec vx-host iptables -I FORWARD -j DOCKER-USER
ip netns add vx-w1
ip -n vx-w1 link set lo up
ip -n vx-host link add vethaa00001 txqueuelen 0 type veth peer name vx-tmp0 txqueuelen 0
ip -n vx-host link set vethaa00001 address 86:11:00:00:00:01
ip -n vx-host link set vethaa00001 master docker0
ip -n vx-host link set vethaa00001 up
ip -n vx-host link set vx-tmp0 netns vx-w1
ip -n vx-w1 link set vx-tmp0 name eth0
ip -n vx-w1 link set eth0 address 02:42:ac:11:00:02
ip netns exec vx-w1 sysctl -q -w net.ipv6.conf.eth0.disable_ipv6=1
ip -n vx-w1 addr add 172.17.0.2/16 brd + dev eth0
ip -n vx-w1 link set eth0 up
ip -n vx-w1 route add default via 172.17.0.1 dev eth0
ip netns exec vx-host iptables -t nat -A DOCKER \! -i docker0 -p tcp -m tcp --dport 8081 -j DNAT --to-destination 172.17.0.2:80
ip netns exec vx-host iptables -t nat -A POSTROUTING -s 172.17.0.2/32 -d 172.17.0.2/32 -p tcp -m tcp --dport 80 -j MASQUERADE
ip netns exec vx-host iptables -A DOCKER -d 172.17.0.2/32 \! -i docker0 -o docker0 -p tcp -m tcp --dport 80 -j ACCEPT
ip netns exec vx-host iptables -t nat -A DOCKER \! -i docker0 -p tcp -m tcp --dport 8443 -j DNAT --to-destination 172.17.0.2:443
ip netns exec vx-host iptables -t nat -A POSTROUTING -s 172.17.0.2/32 -d 172.17.0.2/32 -p tcp -m tcp --dport 443 -j MASQUERADE
ip netns exec vx-host iptables -A DOCKER -d 172.17.0.2/32 \! -i docker0 -o docker0 -p tcp -m tcp --dport 443 -j ACCEPT
ip netns add vx-w2
ip -n vx-w2 link set lo up
ip -n vx-host link add vethaa00002 txqueuelen 0 type veth peer name vx-tmp0 txqueuelen 0
ip -n vx-host link set vethaa00002 address 86:11:00:00:00:02
ip -n vx-host link set vethaa00002 master br-0a1b2c3d4e5f
ip -n vx-host link set vethaa00002 up
ip -n vx-host link set vx-tmp0 netns vx-w2
ip -n vx-w2 link set vx-tmp0 name eth0
ip -n vx-w2 link set eth0 address 02:42:0a:32:00:02
ip netns exec vx-w2 sysctl -q -w net.ipv6.conf.eth0.disable_ipv6=1
ip -n vx-w2 addr add 10.50.0.2/24 brd + dev eth0
ip -n vx-w2 link set eth0 up
ip -n vx-w2 route add default via 10.50.0.1 dev eth0
ip netns add vx-w3
ip -n vx-w3 link set lo up
ip -n vx-host link add vethaa00003 txqueuelen 0 type veth peer name vx-tmp0 txqueuelen 0
ip -n vx-host link set vethaa00003 address 86:11:00:00:00:03
ip -n vx-host link set vethaa00003 master br-0a1b2c3d4e5f
ip -n vx-host link set vethaa00003 up
ip -n vx-host link set vx-tmp0 netns vx-w3
ip -n vx-w3 link set vx-tmp0 name eth0
ip -n vx-w3 link set eth0 address 02:42:0a:32:00:03
ip netns exec vx-w3 sysctl -q -w net.ipv6.conf.eth0.disable_ipv6=1
ip -n vx-w3 addr add 10.50.0.3/24 brd + dev eth0
ip -n vx-w3 link set eth0 up
ip -n vx-w3 route add default via 10.50.0.1 dev eth0
ip -n vx-host link add vethaa00004 txqueuelen 0 type veth peer name vx-tmp0 txqueuelen 0
ip -n vx-host link set vethaa00004 address 86:11:00:00:00:04
ip -n vx-host link set vethaa00004 master br-9f8e7d6c5b4a
ip -n vx-host link set vethaa00004 up
ip -n vx-host link set vx-tmp0 netns vx-w3
ip -n vx-w3 link set vx-tmp0 name eth1
ip -n vx-w3 link set eth1 address 02:42:ac:1e:00:02
ip netns exec vx-w3 sysctl -q -w net.ipv6.conf.eth1.disable_ipv6=1
ip -n vx-w3 addr add 172.30.0.2/16 brd + dev eth1
ip -n vx-w3 link set eth1 up
sleep 3
@view host vx-host host
@view w3 vx-w3
@w1/ip_a ip netns exec vx-w1 ip a
@w1/ip_route ip netns exec vx-w1 ip route
@w1/busybox_ip_a ip netns exec vx-w1 busybox ip a
@pings/w2_to_w3.iputils ip netns exec vx-w2 ping -c 2 -W 1 10.50.0.3
@pings/w2_to_w1_isolated.iputils ip netns exec vx-w2 ping -c 2 -W 1 172.17.0.2
@pings/w3_to_docker0_gw.busybox ip netns exec vx-w3 busybox ping -c 2 -W 1 172.17.0.1
@pings/w1_to_lan_nat.iputils ip netns exec vx-w1 ping -c 2 -W 1 192.168.7.1
@pings/w3_to_lan_nat.busybox ip netns exec vx-w3 busybox ping -c 2 -W 1 192.168.7.1
@pings/host_to_w3_zed.iputils ip netns exec vx-host ping -c 1 -W 1 172.30.0.2
@pings/lan_to_w1_no_route.iputils ip netns exec vx-lan ping -c 1 -W 1 172.17.0.2
@pings/w1_traceroute_w2.busybox ip netns exec vx-w1 busybox traceroute -n -w 1 -q 1 -m 2 10.50.0.2
@after-pings/host_ip_neigh ip netns exec vx-host ip neigh
@after-pings/lan_ip_neigh ip netns exec vx-lan ip neigh
@after-pings/host_iptables_L_n_v ip netns exec vx-host iptables -L -n -v
@after-pings/host_iptables_t_nat_L_n_v ip netns exec vx-host iptables -t nat -L -n -v
ip netns exec vx-host iptables -t nat -D DOCKER \! -i docker0 -p tcp -m tcp --dport 8081 -j DNAT --to-destination 172.17.0.2:80
ip netns exec vx-host iptables -t nat -D POSTROUTING -s 172.17.0.2/32 -d 172.17.0.2/32 -p tcp -m tcp --dport 80 -j MASQUERADE
ip netns exec vx-host iptables -D DOCKER -d 172.17.0.2/32 \! -i docker0 -o docker0 -p tcp -m tcp --dport 80 -j ACCEPT
ip netns exec vx-host iptables -t nat -D DOCKER \! -i docker0 -p tcp -m tcp --dport 8443 -j DNAT --to-destination 172.17.0.2:443
ip netns exec vx-host iptables -t nat -D POSTROUTING -s 172.17.0.2/32 -d 172.17.0.2/32 -p tcp -m tcp --dport 443 -j MASQUERADE
ip netns exec vx-host iptables -D DOCKER -d 172.17.0.2/32 \! -i docker0 -o docker0 -p tcp -m tcp --dport 443 -j ACCEPT
ip -n vx-host link del vethaa00001
ip netns delete vx-w1
ip -n vx-host link del vethaa00004
ip netns exec vx-host iptables -t nat -D POSTROUTING -s 172.30.0.0/16 \! -o br-9f8e7d6c5b4a -j MASQUERADE
ip netns exec vx-host iptables -t nat -D DOCKER -i br-9f8e7d6c5b4a -j RETURN
ip netns exec vx-host iptables -D FORWARD -i br-9f8e7d6c5b4a -o br-9f8e7d6c5b4a -j ACCEPT
ip netns exec vx-host iptables -D FORWARD -i br-9f8e7d6c5b4a \! -o br-9f8e7d6c5b4a -j ACCEPT
ip netns exec vx-host iptables -D FORWARD -o br-9f8e7d6c5b4a -j DOCKER
ip netns exec vx-host iptables -D FORWARD -o br-9f8e7d6c5b4a -m conntrack --ctstate RELATED\,ESTABLISHED -j ACCEPT
ip netns exec vx-host iptables -D DOCKER-ISOLATION-STAGE-1 -i br-9f8e7d6c5b4a \! -o br-9f8e7d6c5b4a -j DOCKER-ISOLATION-STAGE-2
ip netns exec vx-host iptables -D DOCKER-ISOLATION-STAGE-2 -o br-9f8e7d6c5b4a -j DROP
ip -n vx-host link del br-9f8e7d6c5b4a
ip netns add vx-w4
ip -n vx-w4 link set lo up
ip -n vx-host link add vethaa00005 txqueuelen 0 type veth peer name vx-tmp0 txqueuelen 0
ip -n vx-host link set vethaa00005 address 86:11:00:00:00:05
ip -n vx-host link set vethaa00005 master docker0
ip -n vx-host link set vethaa00005 up
ip -n vx-host link set vx-tmp0 netns vx-w4
ip -n vx-w4 link set vx-tmp0 name eth0
ip -n vx-w4 link set eth0 address 02:42:ac:11:00:02
ip netns exec vx-w4 sysctl -q -w net.ipv6.conf.eth0.disable_ipv6=1
ip -n vx-w4 addr add 172.17.0.2/16 brd + dev eth0
ip -n vx-w4 link set eth0 up
ip -n vx-w4 route add default via 172.17.0.1 dev eth0
sleep 3
@lifecycle/host_ip_a ip netns exec vx-host ip a
@lifecycle/host_ip_br_link ip netns exec vx-host ip -br link
@lifecycle/host_ip_route ip netns exec vx-host ip route
@lifecycle/host_iptables_S ip netns exec vx-host iptables -S
@lifecycle/host_iptables_t_nat_S ip netns exec vx-host iptables -t nat -S
@lifecycle/host_iptables_save ip netns exec vx-host iptables-save
@lifecycle/host_bridge_fdb_show_br_abc ip netns exec vx-host bridge fdb show br br-0a1b2c3d4e5f
@lifecycle/host_brctl_show ip netns exec vx-host brctl show
@lifecycle/w3_ip_a ip netns exec vx-w3 ip a
@lifecycle/w3_ip_route ip netns exec vx-w3 ip route
@lifecycle/w4_ip_a ip netns exec vx-w4 ip a
@lifecycle-w4/busybox_ifconfig ip netns exec vx-w4 busybox ifconfig
@pings/w4_to_w2_isolated.iputils ip netns exec vx-w4 ping -c 1 -W 1 10.50.0.2
@pings/w4_to_lan.iputils ip netns exec vx-w4 ping -c 1 -W 1 192.168.7.1
@pings/host_to_w4.busybox ip netns exec vx-host busybox ping -c 1 -W 1 172.17.0.2
@lifecycle/host_ip_neigh ip netns exec vx-host ip neigh
