# traceroute -6 and ping -I over IPv6 (issue 14): busybox traceroute -6 and traceroute6 to a
# neighbour by name and by address, to the gateway, through the gateway to a second IPv6
# network (the isolation rules drop), and ping -6 -I with an interface and a source address.
# At most two traceroutes per sender to a2: a2's ICMPv6 errors to one peer are rate limited
# (a burst of 6, then 4 a second on a /64 route), which a third one in a row sometimes meets.
docker network create --ipv6 --subnet 2001:db8:1::/64 v6b
docker network create --ipv6 --subnet 2001:db8:2::/64 v6c
docker run -itd --name a1 --network v6b busybox
docker run -itd --name a2 --network v6b busybox
docker run -itd --name a3 --network v6b busybox
docker run -itd --name a4 --network v6b busybox
docker run -itd --name b1 --network v6c busybox
docker exec a1 traceroute -6 a2
docker exec a1 traceroute -6 -n 2001:db8:1::3
docker exec a3 traceroute6 2001:db8:1::3
docker exec a3 traceroute6 a2
docker exec a4 traceroute -n a2
docker exec a1 traceroute -6 2001:db8:1::1
docker exec a1 traceroute -6 -n -q 1 -w 1 -m 3 2001:db8:2::2
docker exec a1 ping -6 -c 1 -I eth0 a2
docker exec a1 ping -c 1 -I eth0 2001:db8:1::3
docker exec a1 ping6 -c 1 -I eth0 a2
docker exec a1 ping6 -c 1 -I 2001:db8:1::2 a2
docker exec a1 sh -c 'ping6 -c 1 -W 1 -I lo 2001:db8:1::3 2>&1'
docker exec a1 sh -c 'ping6 -c 1 -I 2001:db8:1::9 a2 2>&1'
