# docker network connect (a new ethN, --ip, --alias) and disconnect; what the
# container sees (ip addr, ip route), inspect, DNS for the alias, default route.
docker network create --subnet 10.40.0.0/24 front
docker network create back
docker run -itd --name app busybox
docker exec app ip -4 addr
docker network connect front app
docker exec app ip addr
docker exec app ip route
docker network connect --alias api back app
docker exec app ip -4 addr
docker exec app ip route
docker inspect -f '{{range $k, $v := .NetworkSettings.Networks}}{{$k}} {{$v.IPAddress}} {{json $v.Aliases}} {{json $v.DNSNames}}{{println}}{{end}}' app
docker run -itd --name peer --network back busybox
docker exec peer ping -c 1 -W 1 api
docker exec peer ping -c 1 -W 1 app
docker exec peer nslookup -type=a api
docker network disconnect front app
docker exec app ip -4 addr
docker exec app ip route
docker network disconnect bridge app
docker exec app ip route
docker network inspect -f '{{range .Containers}}{{.Name}} {{end}}' bridge
docker network connect --ip 10.40.0.77 front app
docker exec app ip -4 addr
docker inspect -f '{{json .NetworkSettings.Networks.front.IPAMConfig}}' app
docker network connect bridge app
docker exec app ip -4 addr
docker exec app ip route
docker network disconnect back app
docker exec peer ping -c 1 -W 1 api
docker network inspect back
