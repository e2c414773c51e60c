# IPv6 host addresses in -p (issue 14), without packets: a [::1] binding, [::1] and
# 127.0.0.1 for the same port, an explicit [::] UDP binding, a [::1] binding on the
# default bridge (no IPv6 there); docker port, ps PORTS, inspect's bindings, the filter
# and nat rules of both families, the docker-proxy processes; then bad and conflicting
# IPv6 bindings and what they leave.
docker network create --ipv6 --subnet 2001:db8:1::/64 v6b
docker run -d --name web6 --network v6b -p [::1]:8082:80 httpd
docker run -d --name both --network v6b -p 127.0.0.1:8083:80 -p [::1]:8083:80 httpd
docker run -d --name any6 --network v6b -p [::]:5353:53/udp busybox sleep 300
docker run -d --name v4only -p [::1]:8085:80 httpd
docker port web6
docker port both
docker port any6
docker port v4only
docker ps --format '{{.Names}} {{.Ports}}'
docker inspect -f '{{json .HostConfig.PortBindings}} {{json .NetworkSettings.Ports}}' web6
docker inspect -f '{{json .HostConfig.PortBindings}} {{json .NetworkSettings.Ports}}' v4only
iptables -S DOCKER
iptables -t nat -S DOCKER
ip6tables -S DOCKER
ip6tables-save -t nat
ip6tables -t raw -S PREROUTING
ps -eo args | grep '^[^ ]*/docker-proxy ' | sed 's|^/opt/d28||'
docker run -d --name bad1 -p [::1:8090:80 httpd
docker run -d --name bad2 -p [zz::1]:8090:80 httpd
docker run -d --name bad3 -p ::1:8090:80 httpd
docker run -d --name bad4 -p [::1]:8082:80 httpd
docker run -d --name bad5 -p [::]:8083:80 httpd
docker run -d --name bad6 -p [127.0.0.1]:8091:80 httpd
docker run -d --name bad7 -p [::1]::80 httpd
docker ps -a --format '{{.Names}} {{.State}} [{{.Ports}}]'
ip6tables -t nat -S DOCKER
