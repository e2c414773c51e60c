# Seeds 001_c10f9174ed9f7c23.txt and 002_7659e138a790ad54.txt, section "joined 容器":
# a busybox container started with --network=container:web1 shares web1's network
# stack: same eth0, MAC and IP, and it reaches web1's httpd at 127.0.0.1.
# Substitutions: `docker run -it --network=container:web1 busybox` -> `-itd` with
# --name=bbox; `docker exec -it web1 bash` + `ip a` -> `docker exec web1 ip a`;
# the article's httpd (Apache) -> the rig's busybox httpd.
docker run -d -it --name=web1 httpd
docker run -itd --network=container:web1 --name=bbox busybox
docker exec bbox ip a
docker exec web1 ip a
docker exec bbox wget -qO- http://127.0.0.1
docker exec bbox wget -qO- http://127.0.0.1:80/index.html
docker exec bbox netstat -tln
docker exec bbox hostname
docker exec web1 hostname
docker exec bbox cat /etc/hosts
docker exec bbox cat /etc/resolv.conf
docker inspect -f '{{.HostConfig.NetworkMode}}' bbox
docker inspect -f '{{json .NetworkSettings.Networks}}' bbox
docker ps --format '{{.Names}} {{.Networks}} {{.Ports}}'
docker network inspect -f '{{range .Containers}}{{.Name}} {{.IPv4Address}}{{end}}' bridge
brctl show
docker run -itd --name=other busybox
docker exec other wget -qO- http://172.17.0.2
