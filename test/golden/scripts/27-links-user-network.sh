# --link on a user-defined network: only a DNS alias visible to the linking container
# (no env vars, no hosts entry); with enable_icc=false the link does not open a path.
docker network create usernet
docker run -d --name r1 --network usernet redis
docker run -itd --name c1 --network usernet --link r1:cache busybox
docker exec c1 nslookup -type=a cache
docker exec c1 env
docker exec c1 cat /etc/hosts
docker inspect -f '{{json .HostConfig.Links}} {{json .NetworkSettings.Networks.usernet.Links}}' c1
docker exec c1 sh -c 'echo PING | nc cache 6379'
docker run -itd --name c2 --network usernet busybox
docker exec c2 nslookup -type=a cache
docker network create -o com.docker.network.bridge.enable_icc=false noicc
docker run -d --name r2 --network noicc redis
docker run -itd --name c3 --network noicc --link r2:db busybox
docker exec c3 nslookup -type=a db
docker exec c3 nc -zv -w 2 db 6379
iptables -S DOCKER
iptables -S DOCKER-FORWARD
