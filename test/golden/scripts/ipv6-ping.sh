# Ping over IPv6 (issue 14): busybox ping resolves a name's AAAA record first; ping -6,
# ping -4, ping6, the gateway, an address nobody has, nslookup's AAAA answer, the host's
# iputils ping to a container, and a container without IPv6 (its errors through sh -c
# '... 2>&1': docker exec copies stdout and stderr concurrently).
docker network create --ipv6 --subnet 2001:db8:1::/64 v6b
docker run -itd --name a1 --network v6b busybox
docker run -itd --name a2 --network v6b busybox
docker exec a1 ping -c 2 a2
docker exec a1 ping -6 -c 1 a2
docker exec a1 ping -4 -c 1 a2
docker exec a1 ping6 -c 1 2001:db8:1::3
docker exec a1 ping6 -c 1 a2
docker exec a1 ping -c 1 2001:db8:1::1
docker exec a1 ping -c 1 -W 1 2001:db8:1::99
docker exec a1 nslookup -type=aaaa a2
docker exec a1 nslookup -type=a a2
ping -c 1 2001:db8:1::2
docker run -itd --name c4 busybox
docker exec c4 sh -c 'ping6 -c 1 2001:db8:1::2 2>&1'
docker exec c4 sh -c 'ping -c 1 -W 1 2001:db8:1::2 2>&1'
