# Legacy links on the default bridge beyond the seeds: a link with an alias, one
# without, one to a container that exposes no port (env vars, /etc/hosts entries,
# .HostConfig.Links), no reverse entry in the target, and what happens to the hosts
# entry when the target comes back with another address.
# One link per container: with several --link flags on one container the order of
# its hosts entries, env vars and .HostConfig.Links changed between recordings.
# (Right after the target's restart the linking container's env is updated too, but
# the order of the variables changed between recordings: only two are printed.)
docker run -d --name redis redis
docker run -d --name web httpd
docker run -itd --name plain busybox
docker run -itd --name app --link redis:db busybox
docker run -itd --name app2 --link web busybox
docker run -itd --name app3 --link plain:pl busybox
docker exec app env
docker exec app2 env
docker exec app3 env
docker exec app cat /etc/hosts
docker exec app2 cat /etc/hosts
docker exec app3 cat /etc/hosts
docker inspect -f '{{json .HostConfig.Links}}' app app2 app3
docker exec app ping -c 1 -W 1 db
docker exec app ping -c 1 -W 1 redis
docker exec app2 wget -qO- -T 2 http://web
docker exec app sh -c 'echo PING | nc db 6379'
docker exec redis cat /etc/hosts
docker stop redis
docker run -itd --name filler busybox
docker start redis
docker inspect -f '{{.NetworkSettings.IPAddress}}' redis
docker exec app cat /etc/hosts
docker exec app sh -c 'echo $DB_PORT $DB_PORT_6379_TCP_ADDR'
docker exec app ping -c 1 -W 1 db
docker restart app
docker exec app cat /etc/hosts
docker exec app env
docker exec app ping -c 1 -W 1 db
