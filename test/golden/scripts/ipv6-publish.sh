# Published ports on a dual-stack network (issue 14): docker port and ps' PORTS list the
# [::] binding, inspect's Ports, the ip6tables DNAT, the host reaching [::1]:PORT through
# docker-proxy and the container's address directly, containers by IPv6 address and name.
docker network create --ipv6 --subnet 2001:db8:1::/64 v6b
docker run -d --name web --network v6b -p 8080:80 httpd
docker run -d --name web4 -p 8081:80 httpd
docker run -d --name web6 --network v6b -p [::1]:8082:80 httpd
docker port web
docker port web6
docker ps --format '{{.Names}} {{.Ports}}'
docker inspect -f '{{json .NetworkSettings.Ports}}' web6
ip6tables-save -t nat
ip6tables -S DOCKER
curl -s -m 2 http://[::1]:8080/
curl -s -m 2 http://[::1]:8081/
curl -s -m 2 http://[::1]:8082/
curl -s -m 2 http://[2001:db8:1::2]/
docker run -itd --name cli --network v6b busybox
docker exec cli wget -qO- http://[2001:db8:1::2]/
docker exec cli wget -qO- http://web/
docker exec cli wget -qO- http://[2001:db8:1::1]:8080/
