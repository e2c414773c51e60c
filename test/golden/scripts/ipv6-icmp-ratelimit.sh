# Issue 14: ICMPv6's own error rate limit (icmpv6_xrlim_allow). net.ipv6.icmp.ratelimit is
# 1000 ms, shifted right by (128 - the route's prefix length) >> 5: over a /64, one error
# per 250 ms to a peer, with a burst of 6. A burst of 12 UDP datagrams to a closed port
# over IPv6 gets 6 "port unreachable" answers, which the host's ip6tables DOCKER-CT counts
# as RELATED; echo replies are not limited: ping -i 0.2 gets all 8.
docker network create --ipv6 --subnet 2001:db8:1::/64 v6b
docker run -itd --name c1 --network v6b busybox
docker run -itd --name c2 --network v6b busybox
docker exec c1 sh -c 'for i in 1 2 3 4 5 6 7 8 9 10 11 12; do echo x | /usr/bin/nc -u -w0 2001:db8:1::3 9998; done'
ip6tables -L DOCKER-CT -v -n
docker exec c1 ping -c 8 -i 0.2 2001:db8:1::3
ip6tables -L DOCKER-CT -v -n
