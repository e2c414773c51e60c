# Issue 14 (fidelity discipline): the kernel's ICMP error rate limit. With the defaults
# (net.ipv4.icmp_ratelimit = 1000 ms per peer, a burst of 6; icmp_ratemask 6168) a burst of
# 12 UDP datagrams to a closed port gets 6 "port unreachable" answers, which the host's
# DOCKER-CT rule counts as RELATED; echo replies are not limited: ping -i 0.2 gets all 8.
# (DOCKER-FORWARD is not shown: one recording counted 11 of the 12 datagrams, nc -w0 racing.)
docker run -itd --name c1 busybox
docker run -itd --name c2 busybox
docker exec c1 sh -c 'for i in 1 2 3 4 5 6 7 8 9 10 11 12; do echo x | /usr/bin/nc -u -w0 172.17.0.3 9998; done'
iptables -L DOCKER-CT -v -n
docker exec c1 ping -c 8 -i 0.2 172.17.0.3
iptables -L DOCKER-CT -v -n
