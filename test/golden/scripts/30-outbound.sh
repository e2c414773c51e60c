# Containers reaching the outside: the "internet" host 203.0.113.10 (on gw) sees the
# docker host's address (MASQUERADE) from the default bridge and from a user network;
# the LAN client, the host's own address, the gateway; names via the host's resolver;
# the LAN client (lan$) and the router (gw$) with ping, ip, nc and curl.
docker network create usernet
docker run -itd --name cb busybox
docker run -itd --name cu --network usernet busybox
docker exec cb ping -c 1 -W 1 203.0.113.10
docker exec cb wget -qO- -T 2 http://203.0.113.10/
docker exec cb wget -qO- -T 2 http://203.0.113.10/cgi-bin/whoami
docker exec cu wget -qO- -T 2 http://example.com/cgi-bin/whoami
docker exec cu wget -qO- -T 2 http://www.example.com/
docker exec cb nslookup -type=a example.com
docker exec cb nslookup -type=a dockerhost.lan
docker exec cb ping -c 1 -W 1 example.com
docker exec cu ping -c 1 -W 1 gw.lan
docker exec cb ping -c 1 -W 1 192.168.1.20
docker exec cb ping -c 1 -W 1 192.168.1.108
docker exec cu ping -c 1 -W 1 172.17.0.1
docker exec cb ping -c 1 -W 1 192.168.1.1
lan$ wget -qO- -T 2 http://203.0.113.10/cgi-bin/whoami
wget -qO- -T 2 http://203.0.113.10/cgi-bin/whoami
gw$ ip route
iptables -t nat -S POSTROUTING
iptables -t nat -L POSTROUTING -n -v
lan$ ping -c 1 -W 1 192.168.1.108
lan$ ip -4 addr show eth0
lan$ ip route
gw$ ping -c 1 -W 1 192.168.1.108
gw$ ip -4 addr
docker run -d --name web -p 8080:80 httpd
lan$ nc -zv -w 2 192.168.1.108 8080
gw$ nc -zv -w 2 192.168.1.108 8080
lan$ nc -zv -w 2 192.168.1.108 8081
lan$ curl -s -m 3 http://192.168.1.108:8080
