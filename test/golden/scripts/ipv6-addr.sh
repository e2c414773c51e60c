# IPv6 addresses and routes (issue 14): a container on a dual-stack network (busybox ip a,
# ip -6 addr/route, /etc/hosts, inspect's IPv6 fields), --ip6, network inspect's
# IPv6Address, the host's ip -6 view, and a container on the default bridge (no IPv6).
docker network create --ipv6 --subnet 2001:db8:1::/64 v6b
docker run -itd --name a1 --network v6b busybox
docker run -itd --name a2 --network v6b --ip6 2001:db8:1::50 busybox
docker inspect -f '{{json .NetworkSettings}}' a1
docker inspect -f '{{range .NetworkSettings.Networks}}{{.GlobalIPv6Address}}/{{.GlobalIPv6PrefixLen}} gw {{.IPv6Gateway}} {{json .IPAMConfig}}{{end}}' a2
docker network inspect -f '{{json .Containers}}' v6b
docker exec a1 ip a
docker exec a1 ip -6 addr
docker exec a1 ip -6 route
docker exec a1 ip route
docker exec a1 cat /etc/hosts
ip -6 addr
ip -6 route
ip -6 addr show dev docker0
docker run -itd --name b1 busybox
docker exec b1 ip -6 addr
ip -6 addr show dev docker0
docker run -itd --name a3 --network v6b --ip6 2001:db8:1::50 busybox
docker run -itd --name a4 --network v6b --ip6 2001:db8:9::5 busybox
docker run -itd --name b2 --ip6 2001:db8:1::60 busybox
