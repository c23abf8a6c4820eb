# iptables (nf_tables backend) on a firewall namespace between a client and two servers: user chains,
# -I with numbers, -D by spec and number, -R, -C, -Z, -F, -X, -P, listings (-L -n -v --line-numbers, -S,
# -t nat, iptables-save), the errors and their exit codes, and pings whose fate the rules decide.
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
@fresh/iptables_L_n ip netns exec vx-fw iptables -L -n
@fresh/iptables_S ip netns exec vx-fw iptables -S
@fresh/iptables_t_nat_L_n ip netns exec vx-fw iptables -t nat -L -n
@fresh/iptables_save ip netns exec vx-fw iptables-save
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
@err/append_nochain ip netns exec vx-fw iptables -A NOSUCH -j ACCEPT
@err/jump_notarget ip netns exec vx-fw iptables -A INPUT -j NOSUCHTARGET
@err/new_exists ip netns exec vx-fw iptables -N MYCHAIN
@err/delete_index_too_big ip netns exec vx-fw iptables -D INPUT 99
@err/delete_no_match ip netns exec vx-fw iptables -D INPUT -p udp --dport 99 -j ACCEPT
@err/check_missing ip netns exec vx-fw iptables -C FORWARD -d 10.2.0.9 -j DROP
@err/check_present ip netns exec vx-fw iptables -C FORWARD -d 10.2.0.4 -j DROP
@err/policy_user_chain ip netns exec vx-fw iptables -P MYCHAIN DROP
@err/policy_bad_target ip netns exec vx-fw iptables -P INPUT REJECT
@err/delete_builtin ip netns exec vx-fw iptables -X INPUT
@err/delete_in_use ip netns exec vx-fw iptables -X MYCHAIN
@err/unknown_proto ip netns exec vx-fw iptables -A INPUT -p foo -j ACCEPT
@err/dport_without_proto ip netns exec vx-fw iptables -A INPUT --dport 80 -j ACCEPT
@err/bad_table ip netns exec vx-fw iptables -t nosuch -L -n
@err/replace_index_too_big ip netns exec vx-fw iptables -R INPUT 9 -j ACCEPT
@err/insert_index_too_big ip netns exec vx-fw iptables -I INPUT 9 -j ACCEPT
@err/list_nochain ip netns exec vx-fw iptables -L NOSUCH -n
@err/bad_reject_with ip netns exec vx-fw iptables -A INPUT -j REJECT --reject-with icmp-bogus
@err/no_command ip netns exec vx-fw iptables -s 10.0.0.1
@rules/iptables_L_n ip netns exec vx-fw iptables -L -n
@rules/iptables_L_n_line_numbers ip netns exec vx-fw iptables -L -n --line-numbers
@rules/iptables_L_INPUT_n ip netns exec vx-fw iptables -L INPUT -n
@rules/iptables_S ip netns exec vx-fw iptables -S
@rules/iptables_S_FORWARD ip netns exec vx-fw iptables -S FORWARD
@rules/iptables_t_nat_S ip netns exec vx-fw iptables -t nat -S
@rules/iptables_t_nat_L_n ip netns exec vx-fw iptables -t nat -L -n
@rules/iptables_save ip netns exec vx-fw iptables-save
@rules/iptables_save_t_nat ip netns exec vx-fw iptables-save -t nat
@pings/c_to_s_prohibited.iputils ip netns exec vx-c ping -c 1 -W 1 10.2.0.2
@pings/c_to_s_port_unreach.iputils ip netns exec vx-c ping -c 1 -W 1 10.2.0.3
@pings/c_to_s_drop.iputils ip netns exec vx-c ping -c 1 -W 1 10.2.0.4
@pings/c_to_fw.iputils ip netns exec vx-c ping -c 1 -W 1 10.1.0.1
sleep 3
@pings/c_to_s_prohibited.busybox ip netns exec vx-c busybox ping -c 1 -W 1 10.2.0.2
@pings/c_to_s_port_unreach.busybox ip netns exec vx-c busybox ping -c 1 -W 1 10.2.0.3
@pings/s_to_c.iputils ip netns exec vx-s ping -c 1 -W 1 10.1.0.2
@pings/fw_to_s_udp9.traceroute ip netns exec vx-fw traceroute -n -w 1 -q 1 -m 1 -p 9 10.2.0.2
@counters/iptables_L_n_v ip netns exec vx-fw iptables -L -n -v
@counters/iptables_L_FORWARD_n_v ip netns exec vx-fw iptables -L FORWARD -n -v
@counters/iptables_t_nat_L_n_v ip netns exec vx-fw iptables -t nat -L -n -v
@counters/iptables_L_n_x_v ip netns exec vx-fw iptables -L -n -x -v
ip netns exec vx-fw iptables -Z FORWARD
@counters/iptables_L_FORWARD_n_v_after_Z ip netns exec vx-fw iptables -L FORWARD -n -v
ip netns exec vx-fw iptables -Z
ip netns exec vx-fw iptables -P FORWARD DROP
ip netns exec vx-fw iptables -P OUTPUT ACCEPT
@policy/iptables_S ip netns exec vx-fw iptables -S
@policy/iptables_L_n ip netns exec vx-fw iptables -L -n
@pings/c_to_s_policy_drop.iputils ip netns exec vx-c ping -c 1 -W 1 10.2.0.2
ip netns exec vx-fw iptables -F MYCHAIN
@flush/iptables_S_MYCHAIN ip netns exec vx-fw iptables -S MYCHAIN
@flush/delete_in_use_after_F ip netns exec vx-fw iptables -X MYCHAIN
ip netns exec vx-fw iptables -D INPUT -j MYCHAIN
ip netns exec vx-fw iptables -X MYCHAIN
ip netns exec vx-fw iptables -F
ip netns exec vx-fw iptables -t nat -F
@flush/iptables_S ip netns exec vx-fw iptables -S
@flush/iptables_L_n ip netns exec vx-fw iptables -L -n
@flush/iptables_t_nat_S ip netns exec vx-fw iptables -t nat -S
@flush/iptables_save ip netns exec vx-fw iptables-save
@pings/c_to_s_after_flush.iputils ip netns exec vx-c ping -c 1 -W 1 10.2.0.2
ip netns exec vx-fw iptables -P FORWARD ACCEPT
@pings/c_to_s_accept.iputils ip netns exec vx-c ping -c 1 -W 1 10.2.0.2
@c/iptables_L_n ip netns exec vx-c iptables -L -n
