# com.docker.network.bridge.enable_icc=false: containers on the network cannot reach
# each other (the bridge's -i BR -o BR DROP), but DNS, the gateway, the outside and
# published ports still work.
docker network create -o com.docker.network.bridge.enable_icc=false noicc
docker run -itd --name ca --network noicc busybox
docker run -itd --name cb --network noicc busybox
docker run -d --name web --network noicc -p 8080:80 httpd
docker exec ca nslookup -type=a cb
docker exec ca ping -c 1 -W 1 cb
docker exec ca wget -qO- -T 2 http://web
docker exec ca ping -c 1 -W 1 172.18.0.1
docker exec ca wget -qO- -T 2 http://203.0.113.10/cgi-bin/whoami
docker exec ca wget -qO- -T 2 http://192.168.1.108:8080
lan$ curl -s -m 3 http://192.168.1.108:8080
curl -s -m 3 http://172.18.0.4
iptables -S DOCKER-FORWARD
iptables -L DOCKER-FORWARD -n -v
iptables-save -t filter
docker network inspect -f '{{json .Options}}' noicc
ip -d link show $(docker network inspect -f 'br-{{printf "%.12s" .Id}}' noicc) | head -2
