# Issue 14: busybox traceroute from containers through the host to the LAN and the internet:
# names (reverse lookups through the embedded DNS and the host's resolver) and -n, -m, -f,
# -q, -w, -p, -I, a packet size, hops that do not answer (`*`) because a rule drops them,
# the end of the route at a router and at the host, and bad input. The `sleep 3` lines
# keep the kernel's ICMP rate limit (per destination: a burst of 6, then 1 a second) from
# turning answers into `*` (a first recording without them had `*` in random places).
docker network create appnet
docker run -d --name web --network appnet httpd
docker run -itd --name c1 --network appnet busybox
docker run -itd --name c0 busybox
sleep 3
docker exec c1 traceroute 203.0.113.10
docker exec c1 traceroute web
docker exec c1 traceroute -n web
sleep 3
docker exec c0 traceroute 192.168.1.20
sleep 3
docker exec c0 traceroute -n 192.168.1.108
sleep 3
docker exec c1 traceroute -n 172.18.0.1
sleep 3
docker exec c1 traceroute -n example.com
sleep 3
docker exec c1 traceroute -n -f 2 203.0.113.10
sleep 3
docker exec c1 traceroute -n -m 1 203.0.113.10
sleep 3
docker exec c1 traceroute -n -q 1 203.0.113.10
sleep 3
docker exec c1 traceroute -n -p 40000 203.0.113.10
sleep 3
docker exec c1 traceroute -n -I 203.0.113.10
sleep 3
docker exec c1 traceroute -n 203.0.113.10 100
sleep 3
docker exec c1 traceroute -n -q 1 -w 1 -m 4 10.9.9.9
iptables -I DOCKER-USER -d 203.0.113.10 -j DROP
sleep 3
docker exec c1 traceroute -n -w 1 -m 3 203.0.113.10
sleep 3
docker exec c1 traceroute -w 1 -m 3 -q 2 203.0.113.10
iptables -D DOCKER-USER -d 203.0.113.10 -j DROP
docker exec c1 traceroute -n nosuchhost
docker exec c1 traceroute -n -m 0 203.0.113.10
docker exec c1 traceroute -x 203.0.113.10
docker exec c1 traceroute
