# Seeds 001_c10f9174ed9f7c23.txt (section "Docker DNS Server") and
# 002_7659e138a790ad54.txt (section "Docker DNS Server"): bbox1 and bbox2 on the
# user network my_net2 ping each other by name through the embedded DNS; bbox3 and
# bbox4 on the default bridge cannot (no DNS there), only by IP.
# Substitutions: `docker run -it` -> `docker run -itd` (no terminal in the recorder);
# typing inside bbox2 / bbox4 -> docker exec; my_net2 created as in article 002
# (--subnet 172.22.16.0/24).
# nslookup -type=a: without it busybox nslookup queries A and AAAA and prints the two
# answer sections in the order the replies arrive, which changed between recordings.
docker network create --driver bridge --subnet 172.22.16.0/24 my_net2
docker run -itd --network=my_net2 --name=bbox1 busybox
docker run -itd --network=my_net2 --name=bbox2 busybox
docker exec bbox2 ping -c 3 -W 1 bbox1
docker exec bbox1 ping -c 1 -W 1 bbox2
docker exec bbox2 cat /etc/resolv.conf
docker exec bbox2 nslookup -type=a bbox1
docker run -itd --name=bbox3 busybox
docker run -itd --name=bbox4 busybox
docker exec bbox4 ping -c 3 -W 1 bbox3
docker exec bbox4 nslookup -type=a bbox3
docker exec bbox4 cat /etc/resolv.conf
docker exec bbox4 ping -c 1 -W 1 172.17.0.2
docker exec bbox2 ping -c 1 -W 1 bbox3
