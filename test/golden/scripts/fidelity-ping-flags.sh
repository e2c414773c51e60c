# Issue 14 (fidelity discipline): busybox ping's flags in containers, each modelled, and the
# packet and byte counters a ping moves. -t TTL dies at the first router with "Time to live
# exceeded" from the router's address; -s SIZE changes the reply line and the counters;
# -I IFACE, -i INTERVAL, -q, -w DEADLINE; bad values and their messages.
docker network create appnet
docker run -itd --name c1 --network appnet busybox
docker run -itd --name c2 --network appnet busybox
docker exec c1 ping -c 1 -t 1 -W 1 203.0.113.10
docker exec c1 ping -c 2 -t 1 -W 1 192.168.1.20
docker exec c1 ping -c 1 -t 2 -W 1 203.0.113.10
docker exec c1 ping -c 1 -t 1 -W 1 c2
docker exec c1 ping -c 1 -s 100 c2
docker exec c1 ping -c 1 -s 0 c2
docker exec c1 ping -c 1 -s 70000 c2
docker exec c1 ping -c 1 -t 256 c2
docker exec c1 ping -c 1 -I eth0 c2
docker exec c1 ping -c 1 -W 1 -I nosuch c2
docker exec c1 ping -c 1 -I 172.18.0.2 c2
docker exec c1 ping -c 2 -i 0.2 c2
docker exec c1 ping -c 2 -q c2
docker exec c1 ping -c 3 -w 1 c2
docker exec c1 ping -c 1 -W 1 -x c2
iptables -t nat -L POSTROUTING -n -v
iptables -L DOCKER-FORWARD -n -v
docker exec c1 ping -c 2 -s 200 -W 1 203.0.113.10
iptables -t nat -L POSTROUTING -n -v
iptables -L DOCKER-FORWARD -n -v -x
iptables-save -c -t nat
