# Reaching published ports: from the LAN (DNAT), from the host (127.0.0.1 and the host
# address through docker-proxy, the container IP directly), hairpin from a container on
# the same bridge and from another network (via the proxy), a 127.0.0.1-only binding,
# a LAN host routing straight to a container IP (dropped in raw), outbound masquerade.
docker network create other
docker run -d --name web -p 8080:80 httpd
docker run -d --name local -p 127.0.0.1:8081:80 httpd
docker run -itd --name peer busybox
docker run -itd --name far --network other busybox
lan$ curl -s -m 3 http://192.168.1.108:8080
lan$ wget -qO- -T 2 http://192.168.1.108:8080
lan$ curl -s -m 3 http://192.168.1.108:8081
curl -s -m 3 http://127.0.0.1:8080
curl -s -m 3 http://192.168.1.108:8080
curl -s -m 3 http://172.17.0.1:8080
curl -s -m 3 http://127.0.0.1:8081
curl -s -m 3 http://192.168.1.108:8081
curl -s -m 3 http://172.17.0.2
curl -s -m 3 http://172.17.0.2:8080
docker exec peer wget -qO- -T 2 http://192.168.1.108:8080
docker exec peer wget -qO- -T 2 http://172.17.0.1:8080
docker exec peer wget -qO- -T 2 http://172.17.0.2
docker exec peer wget -qO- -T 2 http://127.0.0.1:8080
docker exec peer wget -qO- -T 2 http://172.17.0.1:8081
docker exec far wget -qO- -T 2 http://192.168.1.108:8080
docker exec far wget -qO- -T 2 http://172.18.0.1:8080
docker exec far wget -qO- -T 2 http://172.17.0.2
docker exec far ping -c 1 -W 1 172.17.0.1
docker exec peer wget -qO- -T 2 http://203.0.113.10/cgi-bin/whoami
docker exec far wget -qO- -T 2 http://203.0.113.10/cgi-bin/whoami
lan$ ip route add 172.17.0.0/16 via 192.168.1.108
lan$ ip route
lan$ ping -c 1 -W 1 172.17.0.2
lan$ curl -s -m 3 http://172.17.0.2
iptables -t raw -L PREROUTING -n -v
iptables -t nat -L -n
