# Legacy links on the default bridge beyond the seeds: two links (with and without an
# alias), env vars of a non-exposing target, /etc/hosts entries, no reverse entry, what
# happens to the hosts entry when the target comes back with another address.
docker run -d --name redis redis
docker run -d --name web httpd
docker run -itd --name plain busybox
docker run -itd --name app --link redis:db --link web --link plain:pl busybox
docker exec app env
docker exec app cat /etc/hosts
docker inspect -f '{{json .HostConfig.Links}}' app
docker exec app ping -c 1 -W 1 db
docker exec app ping -c 1 -W 1 redis
docker exec app wget -qO- -T 2 http://web
docker exec app sh -c 'echo PING | nc db 6379'
docker exec redis cat /etc/hosts
docker stop redis
docker run -itd --name filler busybox
docker start redis
docker inspect -f '{{.NetworkSettings.IPAddress}}' redis
docker exec app cat /etc/hosts
docker exec app env
docker exec app ping -c 1 -W 1 db
docker restart app
docker exec app cat /etc/hosts
docker exec app env
docker exec app ping -c 1 -W 1 db
