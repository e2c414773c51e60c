# --internal: no default route in the containers, no MASQUERADE, published ports
# ignored, external names SERVFAIL; containers on it still talk to each other and to
# the bridge's gateway address.
docker network create --internal --subnet 10.50.0.0/24 intnet
docker run -itd --name i1 --network intnet busybox
docker run -itd --name i2 --network intnet busybox
docker run -d --name iweb --network intnet -p 8080:80 httpd
docker exec i1 ping -c 1 -W 1 i2
docker exec i1 ip route
docker exec i1 sh -c 'ping -c 1 -W 1 203.0.113.10 2>&1'
docker exec i1 ping -c 1 -W 1 10.50.0.1
docker exec i1 nslookup -type=a example.com
docker exec i1 nslookup -type=a i2
docker exec i1 wget -qO- -T 2 http://iweb
docker port iweb
docker ps --format '{{.Names}} [{{.Ports}}]'
lan$ curl -s -m 3 http://192.168.1.108:8080
curl -s -m 3 http://10.50.0.4
docker network inspect -f '{{.Internal}} {{json .IPAM.Config}}' intnet
iptables-save
ip route
