# -p forms: hostPort:containerPort, ip:hostPort:containerPort, ranges (host range with
# one container port, range to range), /udp and /tcp, -p containerPort, -P; the PORTS
# column, docker port (all, by port, by port/proto, unknown port), the DNAT, DOCKER and
# raw rules they produce, PortBindings vs NetworkSettings.Ports.
docker run -d --name p1 -p 8080:80 httpd
docker run -d --name p2 -p 127.0.0.1:8081:80 httpd
docker run -d --name p3 -p 8000-8001:80 httpd
docker run -d --name p4 -p 9000-9001:80-81 httpd
docker run -d --name p5 -p 5353:53/udp -p 6000:6000/tcp busybox sleep 300
docker run -d --name p6 -P httpd
docker run -d --name p7 -p 80 httpd
docker run -d --name p8 -p 192.168.1.108:8082:80 httpd
docker run -d --name p9 -p 8083:80 -p 8084:80 httpd
docker run -d --name p10 -P -p 6379 redis
docker ps --format '{{.Names}}\t{{.Ports}}'
docker port p1
docker port p1 80
docker port p1 80/tcp
docker port p1 81
docker port p2
docker port p3
docker port p4
docker port p5
docker port p5 53/udp
docker port p6
docker port p7
docker port p8
docker port p9
docker port p10
docker inspect -f '{{json .HostConfig.PortBindings}}' p3 p6 p9
docker inspect -f '{{json .NetworkSettings.Ports}}' p2 p4 p5
iptables -t nat -S
iptables -S DOCKER
iptables -t raw -S
lan$ curl -s -m 3 http://192.168.1.108:8000
lan$ curl -s -m 3 http://192.168.1.108:9000
lan$ curl -s -m 3 http://192.168.1.108:8082
lan$ curl -s -m 3 http://192.168.1.108:32768
lan$ curl -s -m 3 http://192.168.1.108:8084
