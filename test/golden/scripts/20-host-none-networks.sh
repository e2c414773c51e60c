# --network host (the host's interfaces, routes and ports; -p discarded with a
# warning) and --network none (only lo); their inspect output and the predefined
# networks host and none.
docker run -itd --name hostc --network host busybox
docker exec hostc ip -4 addr
docker exec hostc ip route
docker exec hostc ping -c 1 -W 1 192.168.1.1
docker run -d --name hweb --network host -p 9999:80 httpd
docker port hweb
docker ps --format '{{.Names}} {{.Networks}} [{{.Ports}}]'
curl -s -m 3 http://127.0.0.1:80
lan$ curl -s -m 3 http://192.168.1.108
lan$ curl -s -m 3 http://192.168.1.108:9999
docker inspect -f '{{.HostConfig.NetworkMode}} {{json .NetworkSettings.Ports}}' hweb
docker inspect -f '{{range $k, $v := .NetworkSettings.Networks}}{{$k}} [{{$v.IPAddress}}] [{{$v.Gateway}}] [{{$v.MacAddress}}]{{end}}' hostc
docker network inspect host
docker run -itd --name nonec --network none busybox
docker exec nonec ip addr
docker exec nonec ip route
docker exec nonec sh -c 'ping -c 1 -W 1 172.17.0.1 2>&1'
docker exec nonec ping -c 1 -W 1 127.0.0.1
docker inspect -f '{{.HostConfig.NetworkMode}} {{range $k, $v := .NetworkSettings.Networks}}{{$k}} [{{$v.IPAddress}}] [{{$v.Gateway}}] [{{$v.MacAddress}}]{{end}}' nonec
docker network inspect none
docker network ls
iptables-save
