# What pause, stop, start and restart do to a container's network: a paused container
# keeps its address, stays in DNS and answers ping; a stopped one loses its address,
# endpoint, veth and DNS name; started again it gets the lowest free address.
docker network create appnet
docker run -itd --name ca --network appnet busybox
docker run -itd --name cb --network appnet busybox
docker run -itd --name cc --network appnet busybox
docker pause cb
docker ps --format '{{.Names}} {{.Status}}'
docker exec ca ping -c 1 -W 1 cb
docker exec ca nslookup -type=a cb
docker exec cb hostname
docker inspect -f '{{.Name}} {{.State.Status}} {{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' ca cb cc
docker unpause cb
docker stop cb
docker ps -a --format '{{.Names}} {{.Status}}'
docker inspect -f '{{.Name}} {{.State.Status}} {{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' ca cb cc
docker inspect -f '{{json .NetworkSettings.Networks.appnet.IPAddress}} {{json .NetworkSettings.Networks.appnet.EndpointID}}' cb
docker exec ca nslookup -type=a cb
docker exec ca ping -c 1 -W 1 172.18.0.3
ip -br link
docker run -itd --name cd --network appnet busybox
docker start cb
docker inspect -f '{{.Name}} {{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' ca cb cc cd
docker exec ca nslookup -type=a cb
docker restart ca
docker inspect -f '{{.Name}} {{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' ca
docker kill cc
docker ps -a --format '{{.Names}} {{.Status}}'
docker rm -f cd
docker inspect -f '{{.Name}} {{.State.Status}} {{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' ca cb cc
