# The oracle's topology (../shared/oracle/build.sh) rebuilt the way a user would, with docker commands on the
# default World (dockerd already started: docker0 172.17.0.1/16). Same order as build.sh, so ifindexes match:
# docker0 3, mynet's bridge 4, c1 5/6, c2 7/8, c3 9/10.
docker network create mynet
docker run -d -p 8080:80 --name c1 nicolaka/netshoot sleep infinity
docker run -d --name c2 nicolaka/netshoot sleep infinity
docker run -d --network mynet --name c3 nicolaka/netshoot sleep infinity
docker run -d --network none --name none nicolaka/netshoot sleep infinity
docker run -d --network host --name hm nicolaka/netshoot sleep infinity
docker run -d --network container:c1 --name cm nicolaka/netshoot sleep infinity
