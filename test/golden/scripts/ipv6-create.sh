# IPv6 and dual-stack networks (issue 14): docker network create --ipv6 with and
# without an IPv6 subnet, --ipv4=false, a v6 subnet without --ipv6, IPAM Config order,
# errors, a freed ULA subnet reused. Without --subnet Docker 28 takes a /64 from a ULA
# /48 it derives from its engine ID (fd00::/8 + 40 bits of sha256(/var/lib/docker/engine-id)),
# which differs per machine: sed masks those 40 bits as ULA48.
docker network create --ipv6 v6a
docker network inspect v6a | sed -E 's/fd[0-9a-f]{2}:[0-9a-f]{1,4}:[0-9a-f]{1,4}:/ULA48:/g'
docker network create --ipv6 --ipv4=false v6only
docker network inspect -f '{{.EnableIPv4}} {{.EnableIPv6}} {{json .IPAM.Config}}' v6only | sed -E 's/fd[0-9a-f]{2}:[0-9a-f]{1,4}:[0-9a-f]{1,4}:/ULA48:/g'
docker network create --ipv6 --subnet 2001:db8:1::/64 v6b
docker network inspect -f '{{.EnableIPv4}} {{.EnableIPv6}} {{json .IPAM.Config}}' v6b
docker network create --ipv6 --subnet 172.30.0.0/16 --subnet 2001:db8:2::/64 --gateway 2001:db8:2::1 v6c
docker network inspect -f '{{json .IPAM.Config}}' v6c
docker network create --subnet 2001:db8:3::/64 nov6
docker network inspect -f '{{.EnableIPv4}} {{.EnableIPv6}} {{json .IPAM.Config}}' nov6
docker network inspect -f '{{.EnableIPv6}} {{json .IPAM.Config}}' bridge
docker network create --ipv6 --subnet 2001:db8:1::/64 overlap
docker network create --ipv6 --subnet 2001:db8:4::1/64 notnet
docker network create --ipv6 --subnet 2001:db8:5::/129 badlen
docker network create --ipv6 --subnet 2001:db8:6::/64 --gateway 2001:db8:7::1 badgw
docker network create --ipv4=false nofamily
docker network ls
docker network rm v6a
docker network create --ipv6 v6d
docker network inspect -f '{{json .IPAM.Config}}' v6d | sed -E 's/fd[0-9a-f]{2}:[0-9a-f]{1,4}:[0-9a-f]{1,4}:/ULA48:/g'
ip -6 addr | sed -E 's/fd[0-9a-f]{2}:[0-9a-f]{1,4}:[0-9a-f]{1,4}:/ULA48:/g'
ip -6 route | sed -E 's/fd[0-9a-f]{2}:[0-9a-f]{1,4}:[0-9a-f]{1,4}:/ULA48:/g'
