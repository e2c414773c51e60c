# docker inspect / network inspect with Go templates: fields, json, range (values and
# key/value), index on maps and slices, len, join, println; a template error; then the
# full JSON of a container on two networks.
docker network create --subnet 10.10.0.0/24 net1
docker run -d --name web --hostname webhost -e A=1 -p 8080:80 httpd
docker network connect net1 web
docker inspect -f '{{.Name}}' web
docker inspect -f '{{.Id}}' web
docker inspect --format '{{.Config.Hostname}} {{.Config.Image}} {{.State.Status}} {{.Image}}' web
docker inspect -f '{{json .Config.Env}}' web
docker inspect -f '{{json .Config.Cmd}} {{join .Config.Cmd " "}}' web
docker inspect -f '{{json .Config.ExposedPorts}}' web
docker inspect -f '{{json .NetworkSettings.Ports}}' web
docker inspect -f '{{json .HostConfig.PortBindings}}' web
docker inspect -f '{{(index (index .NetworkSettings.Ports "80/tcp") 0).HostPort}}' web
docker inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}} {{end}}' web
docker inspect -f '{{range $name, $n := .NetworkSettings.Networks}}{{$name}}={{$n.IPAddress}}/{{$n.IPPrefixLen}} gw {{$n.Gateway}}{{println}}{{end}}' web
docker inspect -f '{{(index .NetworkSettings.Networks "net1").IPAddress}}' web
docker inspect -f '{{json (index .NetworkSettings.Networks "net1")}}' web
docker inspect -f '{{.NetworkSettings.Networks.bridge.IPAddress}} {{.NetworkSettings.Networks.bridge.Gateway}}' web
docker inspect -f '{{.NetworkSettings.IPAddress}}|{{.NetworkSettings.Gateway}}|{{.NetworkSettings.MacAddress}}' web
docker inspect -f '{{json .NetworkSettings.Networks.net1.DNSNames}} {{json .NetworkSettings.Networks.bridge.DNSNames}}' web
docker inspect -f '{{len .NetworkSettings.Networks}} {{.HostConfig.NetworkMode}}' web
docker inspect -f '{{.NetworkSettings.SandboxKey}}' web
docker run -itd --name shell busybox
docker inspect -f '{{.Name}} {{.State.Running}} {{.NetworkSettings.IPAddress}}' web shell
docker inspect -f '{{.Name}}' $(docker ps -q --filter name=shell | cut -c1-5)
docker inspect -f '{{upper .Config.Hostname}} {{lower "ABC"}} {{title "hello"}}' web
docker inspect -f '{{.Nope}}' web
docker inspect -f '{{.Config.Hostname' web
docker inspect -f '{{range .IPAM.Config}}{{.Subnet}} {{.Gateway}}{{end}}' net1
docker network inspect -f '{{range .IPAM.Config}}{{.Subnet}} {{.Gateway}}{{end}}' net1 bridge
docker network inspect -f '{{range .Containers}}{{.Name}} {{.IPv4Address}}{{end}}' net1
docker network inspect -f '{{json .Options}}' bridge
docker network inspect -f '{{index .Options "com.docker.network.bridge.name"}}' bridge
docker network inspect -f '{{.Name}} {{.Driver}} {{.Scope}} {{.Internal}} {{.EnableIPv6}}' net1
docker inspect --type network -f '{{.Name}}' net1
docker inspect --type container -f '{{.Name}}' net1
docker inspect web
