# Conflicts between published ports (issue 14): the same host port twice in one run, a
# UDP port taken by another container, TCP and UDP sharing a number (no conflict), a
# host range until it is full, range to range over a taken port, a host address against
# 0.0.0.0, then malformed specs; what failed containers leave (state, rules, proxies).
# Conflicting bindings name 0.0.0.0 explicitly: with no address the error may name the
# IPv6 bind instead (see 42).
docker run -d --name a -p 0.0.0.0:8100:80 httpd
docker run -d --name twice -p 0.0.0.0:8200:80 -p 0.0.0.0:8200:81 httpd
docker run -d --name udp1 -p 0.0.0.0:5300:53/udp busybox sleep 300
docker run -d --name udp2 -p 0.0.0.0:5300:53/udp busybox sleep 300
docker run -d --name tcp5300 -p 0.0.0.0:5300:53/tcp busybox sleep 300
docker run -d --name r1 -p 0.0.0.0:8300-8301:80 httpd
docker run -d --name r2 -p 0.0.0.0:8300-8301:80 httpd
docker run -d --name r3 -p 0.0.0.0:8300-8301:80 httpd
docker run -d --name rr -p 0.0.0.0:8099-8100:80-81 httpd
docker run -d --name addr1 -p 127.0.0.1:8100:80 httpd
docker run -d --name addr2 -p 192.168.1.108:8400:80 httpd
docker run -d --name addr3 -p 0.0.0.0:8400:80 httpd
docker ps -a --format '{{.Names}} {{.State}} [{{.Ports}}]'
iptables -t nat -S DOCKER
iptables -S DOCKER
ps -eo args | grep '^[^ ]*/docker-proxy ' | sed 's|^/opt/d28||'
docker run -d --name bad1 -p 8080:80/udp/tcp httpd
docker run -d --name bad2 -p 8090-8080:80 httpd
docker run -d --name bad3 -p 1.2.3:80:80 httpd
docker run -d --name bad4 -p :80 httpd
docker run -d --name bad5 -p 0:80 httpd
docker run -d --name bad6 -p 8080:0 httpd
docker run -d --name bad7 -p 8080:80-81 httpd
docker run -d --name bad8 -p 8080:80/SCTP httpd
docker run -d --name bad9 -p 127.0.0.1::80 httpd
docker ps -a --format '{{.Names}} {{.State}} [{{.Ports}}]'
