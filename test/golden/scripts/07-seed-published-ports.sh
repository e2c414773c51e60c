# Seed 001_c10f9174ed9f7c23.txt, sections "容器如何访问到外部世界" and "外部世界如何访问容器":
# containers reach the outside by default (masqueraded); -p 80 maps the container's
# port 80 to a dynamic host port (32768 here; 32773 in the article), -p 8080:80 to a
# fixed one; docker ps / docker port show them; the host's address reaches the web
# server from the LAN; the nat table's DNAT rules.
# Substitutions: `docker run -d -p 80 httpd` (unnamed) -> with --name web (a generated
# name would be random); curl from "outside" -> `lan$ curl` on the LAN client
# 192.168.1.20 to the docker host 192.168.1.108 (the article's 10.0.2.15);
# the docker-proxy `ps` listing is in 08-seed-docker-proxy-ps.sh.
docker run -d --name bbox busybox sleep 300
docker exec bbox ping -c 1 -W 1 203.0.113.10
docker exec bbox wget -qO- -T 2 http://203.0.113.10/cgi-bin/whoami
docker run -d --name web -p 80 httpd
docker ps
docker port web
lan$ curl -s -m 3 http://192.168.1.108:32768
docker run -d --name web8080 -p 8080:80 httpd
docker ps
docker port web8080
lan$ curl -s -m 3 http://192.168.1.108:8080
curl -s -m 3 http://192.168.1.108:8080
iptables -t nat -S
iptables -S DOCKER
iptables -t nat -L DOCKER -n
