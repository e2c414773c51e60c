# Seed 000_caa620bd53277a55.txt ("Docker Container之间如何通信", 2015), whole article:
# a redis container, a "python" client container started with --link redis:redis_alias,
# the client's /etc/hosts, talking to redis by the link alias, then docker0 and its veths.
# Substitutions: redis:latest -> redis (the rig's fake redis: +PONG / +OK over nc);
# python:latest + "-t -i ... /bin/bash" -> busybox started with -itd (no terminal in the
# recorder); the python redis client -> `echo ... | nc` inside the container;
# `ifconfig` on the host -> `ip addr show docker0`.
docker run -d --name redis redis:latest
docker logs redis
docker run -itd --name python --link redis:redis_alias busybox
docker exec python cat /etc/hosts
docker exec python env
docker exec python ip addr show
docker exec python ping -c 1 -W 1 redis_alias
docker exec python sh -c 'echo PING | nc redis_alias 6379'
docker exec python sh -c 'echo "SET data_key data_value" | nc 172.17.0.2 6379'
docker exec python sh -c 'echo "GET data_key" | nc 172.17.0.2 6379'
docker inspect -f '{{json .HostConfig.Links}}' python
docker exec redis cat /etc/hosts
ip addr show docker0
brctl show
docker run -itd --name third busybox
brctl show
ip -o link show master docker0
