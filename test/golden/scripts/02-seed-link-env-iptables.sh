# Seed 004_22377f882359984e.txt (docker 0.10 article on --link: "父子容器"), sections
# 服务容器 / 客户容器 / 环境变量 / iptables规则: the service container does not change the
# iptables rules; the client gets DB_* environment variables; Docker 0.10 added two
# per-link FORWARD rules, Docker 28.5 adds none (icc is on: the bridge accepts all).
# Substitutions: crosbymichael/redis -> redis; `-t -i --link redis:db ubuntu bash`
# (unnamed) -> `-itd --name client --link redis:db busybox` (a generated name would
# make DB_NAME random); `sudo iptables -S` -> `iptables -S`.
iptables -S
docker run -d --name redis redis
iptables -S
docker run -itd --name client --link redis:db busybox
docker exec client env
docker exec client sh -c 'echo $DB_PORT_6379_TCP_ADDR:$DB_PORT_6379_TCP_PORT'
docker exec client sh -c 'echo PING | nc $DB_PORT_6379_TCP_ADDR $DB_PORT_6379_TCP_PORT'
docker exec client cat /etc/hosts
iptables -S
iptables-save
docker inspect -f '{{json .HostConfig.Links}}' client
