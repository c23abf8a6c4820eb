# The oracle's topology (../shared/oracle/build.sh) rebuilt the way a user would, with docker commands on the
# default World (dockerd already started: docker0 172.17.0.1/16). Same order as build.sh, so ifindexes match:
# docker0 3, mynet's bridge 4, c1 5/6, c2 7/8, c3 9/10. The oracle ran its tools as root in each namespace;
# in a container, changing the network and reading iptables/conntrack take CAP_NET_ADMIN (not in Docker's
# default set), so every container gets it.
docker network create mynet
docker run -d --cap-add NET_ADMIN -p 8080:80 --name c1 nicolaka/netshoot sleep infinity
docker run -d --cap-add NET_ADMIN --name c2 nicolaka/netshoot sleep infinity
docker run -d --cap-add NET_ADMIN --network mynet --name c3 nicolaka/netshoot sleep infinity
docker run -d --cap-add NET_ADMIN --network none --name none nicolaka/netshoot sleep infinity
docker run -d --cap-add NET_ADMIN --network host --name hm nicolaka/netshoot sleep infinity
docker run -d --cap-add NET_ADMIN --network container:c1 --name cm nicolaka/netshoot sleep infinity
