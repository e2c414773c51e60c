# The DOCKER-USER chain belongs to the user: a rule inserted there runs before Docker's
# own (FORWARD -j DOCKER-USER comes first). Drop the LAN client's traffic to a
# published port, see its counters, delete it; a rule on the post-DNAT port; a REJECT
# of a container's outbound traffic.
docker run -d --name web -p 8080:80 httpd
docker run -itd --name bbox busybox
iptables -S DOCKER-USER
iptables -S FORWARD
lan$ curl -s -m 3 http://192.168.1.108:8080
iptables -I DOCKER-USER -s 192.168.1.20 -j DROP
iptables -S DOCKER-USER
iptables -L DOCKER-USER -n --line-numbers
lan$ curl -s -m 3 http://192.168.1.108:8080
lan$ ping -c 1 -W 1 192.168.1.108
gw$ curl -s -m 3 http://192.168.1.108:8080
curl -s -m 3 http://127.0.0.1:8080
docker exec bbox wget -qO- -T 2 http://192.168.1.108:8080
iptables -L DOCKER-USER -n -v
iptables -D DOCKER-USER -s 192.168.1.20 -j DROP
iptables -S DOCKER-USER
lan$ curl -s -m 3 http://192.168.1.108:8080
iptables -I DOCKER-USER -i eth0 -p tcp --dport 8080 -j DROP
lan$ curl -s -m 3 http://192.168.1.108:8080
iptables -I DOCKER-USER -i eth0 -p tcp --dport 80 -j DROP
lan$ curl -s -m 3 http://192.168.1.108:8080
iptables -L DOCKER-USER -n -v --line-numbers
iptables -F DOCKER-USER
iptables -A DOCKER-USER -s 172.17.0.0/16 -d 203.0.113.10 -j REJECT
iptables -S DOCKER-USER
docker exec bbox wget -qO- -T 2 http://203.0.113.10/
docker exec bbox ping -c 1 -W 1 203.0.113.10
docker exec bbox ping -c 1 -W 1 192.168.1.1
iptables-save -t filter
