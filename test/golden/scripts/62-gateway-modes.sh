# Docker 28's gateway modes and bridge options (issue 14): gateway_mode_ipv4=routed and
# nat-unprotected, enable_ip_masquerade=false, driver.mtu, host_binding_ipv4 and
# bridge.name: inspect's Options, docker port and PORTS, the filter/nat/raw rules, the
# MTU inside and on the bridge, and the LAN host (192.168.1.20) probing containers
# directly once it routes the subnets via the docker host (record.sh resets lan's
# routes before each script).
docker network create --subnet 10.10.0.0/24 -o com.docker.network.bridge.gateway_mode_ipv4=routed routednet
docker network create --subnet 10.20.0.0/24 -o com.docker.network.bridge.gateway_mode_ipv4=nat-unprotected unprotnet
docker network create --subnet 10.30.0.0/24 -o com.docker.network.bridge.enable_ip_masquerade=false nomasq
docker network create --subnet 10.40.0.0/24 -o com.docker.network.driver.mtu=1400 -o com.docker.network.bridge.name=br-small -o com.docker.network.bridge.host_binding_ipv4=127.0.0.1 tuned
docker run -d --name r1 --network routednet -p 8080:80 httpd
docker run -d --name u1 --network unprotnet -p 8081:80 httpd
docker run -d --name m1 --network nomasq -p 8083:80 httpd
docker run -d --name t1 --network tuned -p 8082:80 httpd
docker network inspect -f '{{json .Options}}' routednet unprotnet nomasq tuned
docker port r1
docker port u1
docker port m1
docker port t1
docker ps --format '{{.Names}}\t{{.Ports}}'
docker inspect -f '{{json .NetworkSettings.Ports}}' r1 t1
docker exec t1 ip link show eth0
ip link show br-small
ip route
iptables -S
iptables -t nat -S
iptables -t raw -S
ps -eo args | grep '^[^ ]*/docker-proxy ' | sed 's|^/opt/d28||'
lan$ ip route add 10.10.0.0/24 via 192.168.1.108
lan$ ip route add 10.20.0.0/24 via 192.168.1.108
lan$ ip route add 10.30.0.0/24 via 192.168.1.108
lan$ curl -s -m 3 http://10.10.0.2
lan$ curl -s -m 3 http://10.10.0.2:81
lan$ ping -c 1 -W 2 10.10.0.2
lan$ curl -s -m 3 http://192.168.1.108:8080
lan$ curl -s -m 3 http://10.20.0.2
lan$ curl -s -m 3 http://10.20.0.2:81
lan$ curl -s -m 3 http://192.168.1.108:8081
lan$ curl -s -m 3 http://10.30.0.2
lan$ curl -s -m 3 http://192.168.1.108:8083
lan$ curl -s -m 3 http://192.168.1.108:8082
curl -s -m 3 http://127.0.0.1:8082
docker exec r1 wget -qO- -T 3 http://203.0.113.10/cgi-bin/whoami
docker exec u1 wget -qO- -T 3 http://203.0.113.10/cgi-bin/whoami
docker exec m1 wget -qO- -T 3 http://203.0.113.10/cgi-bin/whoami
docker exec t1 wget -qO- -T 3 http://203.0.113.10/cgi-bin/whoami
