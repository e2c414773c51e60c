# More tools a learner reaches for (recorded to check the simulator's newer commands):
# traceroute and arp in busybox, reverse DNS from the embedded DNS, curl -I and -f,
# docker container ls / rename / logs --tail, --cap-add NET_ADMIN. (Left out as rig-specific or
# unstable: arp's order of entries (sorted here), docker top's PIDs and start times, curl's progress meter, the rig machine's own
# host name in a --network host container, and `ip netns` listing the rig's namespaces.)
docker network create appnet
docker run -d --name web --network appnet -p 8080:80 httpd
docker run -itd --name c1 --network appnet busybox
docker run -itd --name c0 busybox
docker exec c1 traceroute -n 203.0.113.10
docker exec c1 traceroute -n -m 2 -q 1 -w 1 172.17.0.2
docker exec c1 traceroute -n 192.168.1.20
docker exec c1 arp -n
docker exec c1 ping -c 1 -W 1 web
docker exec c1 sh -c 'arp -n | sort'
docker exec c1 arp -n 10.9.9.9
docker exec c1 nslookup 172.18.0.2
docker exec c0 nslookup 172.17.0.2
curl -sI http://127.0.0.1:8080/ | head -1
curl -s http://127.0.0.1:8080/nope
curl -sf http://127.0.0.1:8080/nope
curl -s http://localhost:8080/
docker container ls --format '{{.Names}}'
docker rename web web2
docker exec c1 ping -c 1 -W 1 web2
docker rename web2 c1
docker logs --tail 1 web2
docker container inspect -f '{{.Name}}' web2
docker container inspect appnet
docker run -itd --name admin --cap-add NET_ADMIN busybox
docker exec admin ip route add 10.9.0.0/16 via 172.17.0.1
docker exec admin ip route
docker exec c0 ip route add 10.9.0.0/16 via 172.17.0.1
docker inspect -f '{{json .HostConfig.CapAdd}} {{.HostConfig.Privileged}}' admin c0
