# IPAM: the default pools in Docker's order (172.18.0.0/16 ... 172.31.0.0/16, then
# 192.168.x.0/20 ones that do not overlap the host's 192.168.1.0/24), a freed pool is
# reused first, the gateway is the first address, routes per bridge.
docker network create n01
docker network create n02
docker network create n03
docker network create n04
docker network create n05
docker network create n06
docker network create n07
docker network create n08
docker network create n09
docker network create n10
docker network create n11
docker network create n12
docker network create n13
docker network create n14
docker network create n15
docker network create n16
docker network create n17
docker network inspect -f '{{.Name}} {{range .IPAM.Config}}{{.Subnet}} {{.Gateway}}{{end}}' n01 n02 n03 n04 n05 n06 n07 n08 n09 n10 n11 n12 n13 n14 n15 n16 n17
docker network rm n02
docker network create n18
docker network inspect -f '{{.Name}} {{range .IPAM.Config}}{{.Subnet}} {{.Gateway}}{{end}}' n18
docker network rm n05 n15
docker network create n19
docker network create n20
docker network create n21
docker network inspect -f '{{.Name}} {{range .IPAM.Config}}{{.Subnet}} {{.Gateway}}{{end}}' n19 n20 n21
docker network create --subnet 192.168.100.0/24 fixed
docker network create n22
docker network inspect -f '{{.Name}} {{range .IPAM.Config}}{{.Subnet}} {{.Gateway}}{{end}}' fixed n22
ip route
