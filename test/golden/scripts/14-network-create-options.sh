# docker network create with --subnet, --gateway, --ip-range, --internal,
# -o com.docker.network.bridge.enable_icc=false, -o com.docker.network.bridge.name=...;
# network ls (plain, -q, --no-trunc, --filter, --format), inspect, rm, prune.
docker network ls
docker network create --subnet 10.1.0.0/16 --gateway 10.1.0.254 --ip-range 10.1.5.0/24 n1
docker network inspect n1
docker run -itd --name a1 --network n1 busybox
docker run -itd --name a2 --network n1 busybox
docker inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}}/{{.IPPrefixLen}} via {{.Gateway}}{{end}}' a1 a2
docker exec a1 ip route
docker network create --subnet 10.2.0.0/16 --ip-range 10.2.5.0/24 n2
docker network inspect -f '{{json .IPAM.Config}}' n2
docker run -itd --name b1 --network n2 busybox
docker inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}} via {{.Gateway}}{{end}}' b1
docker network create -o com.docker.network.bridge.name=mybr0 n3
ip addr show mybr0
docker network inspect -f '{{json .Options}}' n3
docker network create --opt com.docker.network.bridge.enable_icc=false n4
docker network inspect -f '{{json .Options}}' n4
docker network create --internal n5
docker network inspect -f '{{.Internal}} {{json .IPAM.Config}}' n5
docker network create --driver bridge --subnet 10.3.0.0/24 n6
docker network inspect -f '{{json .IPAM.Config}}' n6
docker network ls
docker network ls -q
docker network ls --no-trunc
docker network ls --filter driver=bridge --format '{{.Name}}'
docker network ls --filter name=n --format '{{.Name}} {{.Driver}} {{.Scope}}'
docker network ls --format 'table {{.Name}}\t{{.Driver}}\t{{.Internal}}'
ip -br link
ip route
docker network rm n5
docker network rm n6 n4
docker network ls --format '{{.Name}}'
docker network prune -f
docker rm -f a1 a2
docker network prune -f
docker network ls --format '{{.Name}}'
docker network prune -f
