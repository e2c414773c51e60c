# Network lifecycle (issue 14): network rm of a network in use, network prune, network
# disconnect -f of a stopped container, --network container:X after XX restarts and stops.
docker network create n1
docker run -itd --name c1 --network n1 busybox
docker network rm n1
docker network disconnect n1 c1
docker network rm n1
docker network create n2
docker network create n3
docker network create n4
docker run -itd --name c2 --network n2 busybox
docker network prune -f
docker network ls --format '{{.Name}}'
docker stop c2
docker network disconnect n2 c2
docker network connect n2 c2
docker network disconnect -f n2 c2
docker network disconnect -f n2 nosuch
docker network rm n2 n2
docker network rm nosuchnet
docker run -itd --name xx busybox
docker run -itd --name joined --network container:xx busybox
docker exec joined ip -o -4 addr show eth0
docker restart xx
docker exec xx ip -o -4 addr show eth0
docker exec joined ip -o -4 addr show
docker stop xx
docker exec joined ip -o -4 addr show
docker restart joined
docker start xx
docker restart joined
docker exec joined ip -o -4 addr show eth0
docker rm -f xx
docker ps -a --format '{{.Names}} {{.Status}}'
docker start joined
