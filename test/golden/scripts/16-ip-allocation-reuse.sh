# Container addresses: lowest free address after the gateway; a released address is
# reused at once; a stopped container gives its address back and gets the lowest free
# one when started again; --ip on a network created with --subnet; a /29 network.
docker run -itd --name ca busybox
docker run -itd --name cb busybox
docker run -itd --name cc busybox
docker inspect -f '{{.Name}} {{.NetworkSettings.IPAddress}}' ca cb cc
docker stop cb
docker inspect -f '{{.Name}} [{{.NetworkSettings.IPAddress}}]' cb
docker run -itd --name cd busybox
docker start cb
docker inspect -f '{{.Name}} {{.NetworkSettings.IPAddress}}' ca cb cc cd
docker rm -f ca
docker run -itd --name ce busybox
docker inspect -f '{{.Name}} {{.NetworkSettings.IPAddress}}' cb cc cd ce
docker restart cc
docker inspect -f '{{.Name}} {{.NetworkSettings.IPAddress}}' cc
docker network create --subnet 10.30.0.0/24 fixed
docker run -itd --name cf --network fixed --ip 10.30.0.100 busybox
docker run -itd --name cg --network fixed busybox
docker run -itd --name ch --network fixed --ip 10.30.0.2 busybox
docker inspect -f '{{.Name}} {{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' cf cg
docker exec cf ip -4 addr show eth0
docker inspect -f '{{json .NetworkSettings.Networks.fixed.IPAMConfig}}' cf cg
docker stop cf
docker run -itd --name ci --network fixed --ip 10.30.0.100 busybox
docker start cf
docker ps -a --format '{{.Names}} {{.State}}'
docker rm -f ci
docker start cf
docker inspect -f '{{.Name}} {{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' cf
docker network create --subnet 10.31.0.0/29 tiny
docker run -itd --name t1 --network tiny busybox
docker run -itd --name t2 --network tiny busybox
docker run -itd --name t3 --network tiny busybox
docker run -itd --name t4 --network tiny busybox
docker run -itd --name t5 --network tiny busybox
docker run -itd --name t6 --network tiny busybox
docker inspect -f '{{.Name}} {{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' t1 t2 t3 t4 t5
docker rm -f t3
docker run -itd --name t7 --network tiny busybox
docker inspect -f '{{.Name}} {{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' t7
