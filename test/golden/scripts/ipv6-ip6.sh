# --ip6 (issue 14): docker run --ip6 and docker network connect --ip6 on a network with
# an IPv6 subnet of its own, with --ip and --ip6 together, and their errors: outside the
# subnet, an address in use, malformed, a network without IPv6, an IPv6 network whose
# subnet Docker picked, the default bridge; inspect's fields and the container's view.
docker network create --ipv6 --subnet 2001:db8:1::/64 --subnet 172.30.0.0/16 v6b
docker network create --ipv6 v6ula
docker network create --subnet 172.31.0.0/16 plain
docker run -itd --name ca --network v6b --ip6 2001:db8:1::99 busybox
docker run -itd --name cb busybox
docker network connect --ip6 2001:db8:1::10 v6b cb
docker run -itd --name cc busybox
docker network connect --ip 172.30.0.50 --ip6 2001:db8:1::50 v6b cc
docker inspect -f '{{json .NetworkSettings.Networks.v6b.IPAMConfig}} {{.NetworkSettings.Networks.v6b.IPAddress}} {{.NetworkSettings.Networks.v6b.GlobalIPv6Address}}/{{.NetworkSettings.Networks.v6b.GlobalIPv6PrefixLen}} {{.NetworkSettings.Networks.v6b.IPv6Gateway}}' ca cb cc
docker exec cb ip -6 addr show eth1
docker exec cb ip -6 route
docker exec cc cat /etc/hosts
docker network inspect -f '{{range .Containers}}{{.Name}} {{.IPv4Address}} {{.IPv6Address}};{{end}}' v6b | tr ';' '\n' | sort
docker run -itd --name cd busybox
docker network connect --ip6 2001:db8:2::10 v6b cd
docker network connect --ip6 2001:db8:1::10 v6b cd
docker network connect --ip6 2001:db8:1::zz v6b cd
docker network connect --ip6 172.30.0.9 v6b cd
docker network connect --ip6 fd00::5 plain cd
docker network connect --ip6 fd00::5 v6ula cd
docker network connect --ip6 2001:db8:1::11 bridge cd
docker network connect --ip6 2001:db8:1::1 v6b cd
docker exec cd ip -6 addr
docker run -itd --name e1 --network v6b --ip6 2001:db8:2::10 busybox
docker run -itd --name e2 --network v6b --ip6 2001:db8:1::99 busybox
docker run -itd --name e3 --network v6b --ip6 nope busybox
docker run -itd --name e4 --network plain --ip6 fd00::5 busybox
docker run -itd --name e5 --network v6ula --ip6 fd00::5 busybox
docker run -itd --name e6 --ip6 2001:db8:1::11 busybox
docker ps -a --format '{{.Names}} {{.State}}'
docker network disconnect v6b cb
docker network connect --ip6 2001:db8:1::10 v6b cd
docker inspect -f '{{.NetworkSettings.Networks.v6b.GlobalIPv6Address}}' cd
