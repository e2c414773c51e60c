# Errors with published ports, links and container: mode: a port already allocated,
# bad port specs, a link to a missing or stopped container, container: with an unknown
# container, with -p or --hostname. (A plain -p 8080:80 conflict names 0.0.0.0:8080 or
# :::8080 depending on which bind docker tried first, so the conflicts here use an
# IPv4 address explicitly.)
docker run -d --name web -p 8080:80 httpd
docker run -d --name web2 -p 0.0.0.0:8080:80 httpd
docker run -d --name local -p 127.0.0.1:8081:80 httpd
docker run -d --name local2 -p 127.0.0.1:8081:80 httpd
docker ps -a --format '{{.Names}} {{.State}} [{{.Ports}}]'
docker start web2
docker rm web2 local2
docker run -d --name bad1 -p 99999:80 httpd
docker run -d --name bad2 -p abc:80 httpd
docker run -d --name bad3 -p 8085:80/sctpx httpd
docker run -d --name bad4 -p 300.1.1.1:8085:80 httpd
docker run -d --name bad5 -p 8090-8091:80-82 httpd
docker port web 443
docker port web 80/udp
docker run -itd --name l1 --link nosuch:db busybox
docker create --name stopped busybox
docker run -itd --name l2 --link stopped:db busybox
docker ps -a --format '{{.Names}} {{.State}}'
docker run -itd --name l3 --link web:db:extra busybox
docker run -itd --name j1 --network container:nosuch busybox
docker run -itd --name j2 --network container:web -p 9000:80 busybox
docker run -itd --name j3 --network container:web --hostname x1 busybox
docker run -itd --name j4 --network container:stopped busybox
docker ps -a --format '{{.Names}} {{.State}}'
