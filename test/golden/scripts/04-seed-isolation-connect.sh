# Seed 002_7659e138a790ad54.txt ("Docker系列 13 理解容器之间的连通性"), sections up to
# "容器间通信的三种方式": busybox containers on my_net2 (172.22.16.0/24) reach each other;
# they cannot reach the httpd on the default bridge (172.17.0.3); the host routes and
# forwards (ip r, sysctl ip_forward) but iptables isolates the bridges; docker network
# connect my_net2 <httpd> gives httpd an eth1 on my_net2 and busybox can then reach it.
# iptables-save after each step.
# Substitutions: the article's topology rebuilt with names: my_net (172.18.0.0/16, the
# default pool), my_net2 --subnet 172.22.16.0/24; httpd containers web1 (172.17.0.2)
# and web2 (172.17.0.3, the article's 0397b68b16ee), busybox bbox-a (172.22.16.2) and
# bbox-b (172.22.16.3, the article's 88099301221b); progrium/stress left out;
# `docker exec -it ID sh` then typing -> docker exec; `bash` in httpd -> busybox ip a;
# wget then cat index.html -> wget in /tmp, then cat, as two lines (wget writes to
# stderr, cat to stdout, and docker does not keep their order within one exec);
# web2 is named by its short ID (from docker ps -q) where the article uses
# 0397b68b16ee.
docker network create --driver bridge my_net
docker network create --driver bridge --subnet 172.22.16.0/24 --gateway 172.22.16.1 my_net2
docker run -d -it --name=web1 httpd
docker run -d -it --name=web2 httpd
docker run -itd --network=my_net2 --name=bbox-a busybox
docker run -itd --network=my_net2 --name=bbox-b busybox
iptables-save
docker exec bbox-b ping -c 3 -W 1 172.22.16.2
docker exec bbox-b ping -c 1 -W 1 172.22.16.1
docker exec bbox-b ping -c 2 -W 1 172.17.0.3
ip r
ip route
sysctl net.ipv4.ip_forward
iptables -S DOCKER-ISOLATION-STAGE-1
iptables -S DOCKER-ISOLATION-STAGE-2
docker ps
docker network connect my_net2 $(docker ps -q --filter name=web2)
docker exec $(docker ps -q --filter name=web2) ip a
iptables-save
docker exec bbox-b ping -c 3 -W 1 172.22.16.4
docker exec bbox-b sh -c 'cd /tmp && wget 172.22.16.4'
docker exec bbox-b cat /tmp/index.html
docker exec bbox-b ping -c 1 -W 1 172.17.0.3
