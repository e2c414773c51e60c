# Seed 003_e0e5729804a1f737.txt ("一个主机上两个container互通原理"), whole article: two
# containers on docker0, brctl show, the veth pair seen from both ends (ip link,
# ethtool -i / -S peer_ifindex, the container's eth0@ifN), ifconfig eth0 in the
# container, ping between them, docker network inspect bridge.
# Substitutions: the two unnamed images (/bin/sh, /bin/bash) -> busybox named c1 and c2;
# the veth name is found with ip -o link (it is random); `docker run -it ... /bin/sh`
# then typing inside -> docker exec; `ifconfig eth0` cut to its first 3 lines (the
# RX/TX byte counters differ between runs).
docker run -itd --name c1 busybox
docker run -itd --name c2 busybox
docker ps
brctl show
ip link show
ip link show $(ip -o link show master docker0 | head -1 | cut -d' ' -f2 | cut -d@ -f1)
ethtool -i $(ip -o link show master docker0 | head -1 | cut -d' ' -f2 | cut -d@ -f1)
ethtool -S $(ip -o link show master docker0 | head -1 | cut -d' ' -f2 | cut -d@ -f1)
docker exec c1 ip link show
docker exec c1 cat /sys/class/net/eth0/iflink
docker exec c1 cat /sys/class/net/eth0/ifindex
docker exec c1 ifconfig eth0 | head -3
docker exec c1 ping -c 2 -W 1 172.17.0.3
docker network inspect bridge
