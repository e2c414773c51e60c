# docker run with several --network flags (API 1.44+): every network attached. The
# interfaces' order (eth0, eth1) follows Go's map order and changes between runs on the
# real engine, so the addresses are listed sorted; the default route follows the network
# libnetwork sorts first (by name here), whatever the flags' order.
docker network create n1
docker network create n2
docker run -itd --name multi --network n1 --network n2 busybox
docker exec multi sh -c 'ip -o -4 addr show | grep -v " lo " | awk "{print \$4}" | sort'
docker exec multi sh -c 'ip route | grep default | cut -d " " -f 1-3'
docker inspect -f '{{range $k, $v := .NetworkSettings.Networks}}{{$k}}={{$v.IPAddress}} {{end}}' multi
docker inspect -f '{{.HostConfig.NetworkMode}}' multi
docker run -itd --name multi2 --network n2 --network n1 busybox
docker exec multi2 sh -c 'ip -o -4 addr show | grep -v " lo " | awk "{print \$4}" | sort'
docker exec multi2 sh -c 'ip route | grep default | cut -d " " -f 1-3'
docker inspect -f '{{.HostConfig.NetworkMode}}' multi2
docker exec multi ping -c 1 -W 1 multi2
docker run -itd --name withip --network n1 --network n2 --ip 172.18.0.50 busybox
docker run -itd --name withalias --network n1 --network n2 --network-alias web busybox
docker exec multi2 ping -c 1 -W 1 web
docker run -itd --name mixed --network bridge --network n1 busybox
docker run -itd --name hostplus --network host --network n1 busybox
docker run -itd --name noneplus --network none --network n1 busybox
docker run -itd --name twice --network n1 --network n1 busybox
docker ps -a --format '{{.Names}} {{.Status}} {{.Networks}}'
