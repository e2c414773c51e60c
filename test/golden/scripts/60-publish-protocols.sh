# Publishing in full (issue 14): UDP and SCTP, TCP and UDP on one number, a host range
# for one container port (the first free one), range to range over UDP, a host address
# for UDP, -P with --expose'd UDP and SCTP ports; docker port, the PORTS column, one
# docker-proxy per port, protocol and address family (ps -eo args, ss -lun), the
# nat/filter/raw rules per protocol, and UDP datagrams from the LAN: to a published
# UDP port (DNAT to the server, whose log shows it) and to a loopback-bound one.
docker run -d --name dns -p 5353:53/udp busybox nc -lu -p 53
docker run -d --name both -p 7000:7000/tcp -p 7000:7000/udp busybox sleep 300
docker run -d --name sc -p 3868:3868/sctp busybox sleep 300
docker run -d --name first -p 8000:80 httpd
docker run -d --name free -p 8000-8010:80 httpd
docker run -d --name pair -p 9000-9001:80-81/udp busybox sleep 300
docker run -d --name local -p 127.0.0.1:5354:53/udp busybox nc -lu -p 53
docker run -d --name exp -P --expose 53/udp --expose 3868/sctp busybox sleep 300
docker ps --format '{{.Names}}\t{{.Ports}}'
docker port dns
docker port both
docker port both 7000/udp
docker port sc
docker port free
docker port pair
docker port local
docker port exp
docker port exp 53/udp
docker inspect -f '{{json .HostConfig.PortBindings}}' free pair
docker inspect -f '{{json .NetworkSettings.Ports}}' both sc exp
ps -eo args | grep '^[^ ]*/docker-proxy ' | sed 's|^/opt/d28||'
ss -lun
iptables -t nat -S DOCKER
iptables -S DOCKER
iptables -t raw -S PREROUTING
lan$ sh -c 'echo to-udp | nc -u -w 1 192.168.1.108 5353'
docker logs dns
lan$ sh -c 'echo to-local | nc -u -w 1 192.168.1.108 5354'
docker logs local
lan$ curl -s -m 3 http://192.168.1.108:8001
