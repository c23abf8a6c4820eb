/**
 * The preset dictionary of link encoding 1 (RFC 1951 allows one, fflate supports it): text that most
 * scenarios contain, so even a short journal compresses (a 12-line scenario is ~40% smaller with it).
 * Deflate reaches back into it like into earlier input; what is most common goes last (shorter distances).
 *
 * FROZEN: links made with encoding 1 need exactly these bytes to decode. A better dictionary is a new
 * encoding byte in codec.ts, with this one kept for old links.
 */
const PARTS = [
  'nicolaka/netshoot ubuntu alpine traceroute nslookup example.com 8.8.8.8 tcpdump -i eth0 conntrack -L ',
  'sysctl net.ipv4.ip_forward ss -tlnp netstat -rn arp -n cat /etc/hosts cat /etc/resolv.conf hostname ',
  'iptables -t nat -L -n -v iptables -L -n -v iptables-save bridge link bridge fdb show brctl show ',
  'ip netns add ip netns exec ip link add veth0 type veth peer name veth1 ip link set up ip addr add dev ',
  'ip -d link show ip route show ip neigh ip -br a route -n ifconfig ping -c 1 ping -c 3 curl http://localhost ',
  'docker network inspect docker network connect docker network disconnect docker network rm docker rm -f ',
  'docker inspect docker stop docker start docker ps -a docker images docker exec -it sh ',
  'docker network create --driver bridge --subnet 172.18.0.0/16 mynet -p 8080:80 docker network ls ',
  'docker run --net=none -it busybox docker run -it --net=host busybox ',
  'docker run -d --name my-nginx2 --network container:my-nginx1 nginx docker run -d --name my-nginx1 nginx ',
  'docker run -it --rm busybox docker run -d --name web nginx docker ps ip a ip r exit ',
  '"histories":{"t1":["active":"t1"}"layout":{"pos":{"ns:ns',
  '"x":,"y":}"pinned":{"slots":{"col":0,"sub":0,"row":0,"span":1}"bridgeCol":{"',
  '{"close":"t2"}{"open":"t2","machine":"host","parent":"t1","title":"docker-host"}',
  '"opened":["t2"]"interrupt":1},{"terminal":"t2","line":"',
  '{"v":2,"seed":1,"journal":["docker run -d --name ","docker network ","docker exec -it ","ip a","',
];

export const DICTIONARY_1: Uint8Array = new TextEncoder().encode(PARTS.join(''));
