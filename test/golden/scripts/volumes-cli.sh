# Volumes and bind mounts with -v (issue 11): docker volume create/ls/inspect/rm/prune and
# their errors, named volumes keeping data across containers, copy-up of image content
# into a new volume, a host directory bound live (both ways), :ro refusing writes,
# anonymous volumes, rm -v, inspect's Mounts/Binds, --volumes-from, -v spec errors.
# The rig keeps volumes across resets: the first line empties them (output dropped), and
# prune/ls never list two volumes whose order is random (prune's map order, hex names).
docker volume prune -a -f > /dev/null
rm -rf /srv/vols
mkdir -p /srv/vols/site
printf '<h1>from the host</h1>\n' > /srv/vols/site/index.html
docker volume create v1
docker volume ls
docker volume inspect v1
docker volume create --name v2
docker volume create v1
docker volume ls -q
docker run --rm -v v1:/data busybox sh -c 'echo hello > /data/greeting'
docker run --rm -v v1:/data busybox cat /data/greeting
docker run --rm -v fresh:/www httpd ls /www
docker run --rm -v fresh:/www httpd cat /www/index.html
docker volume ls
docker run -d --name web -v /srv/vols/site:/www httpd
docker exec web cat /www/index.html
printf '<h1>changed on the host</h1>\n' > /srv/vols/site/index.html
docker exec web cat /www/index.html
docker exec web sh -c 'echo written-in-container > /www/note.txt'
cat /srv/vols/site/note.txt
docker exec web ls /www
docker run -d --name ro -v /srv/vols/site:/www:ro httpd
docker exec ro sh -c 'echo x > /www/a'
docker exec ro touch /www/b
docker exec ro cat /www/index.html
docker inspect -f '{{json .Mounts}}' web
docker inspect -f '{{json .HostConfig.Binds}}' ro
docker inspect -f '{{json .HostConfig.Mounts}}' ro
docker inspect -f '{{json .Mounts}}' ro
docker run -d --name anon -v /data busybox sleep 3600
docker inspect -f '{{json .Mounts}}' anon
docker inspect -f '{{json .HostConfig.Binds}}' anon
docker inspect -f '{{json .Config.Volumes}}' anon
docker volume ls
docker run -d --name user1 -v v1:/data busybox sleep 3600
docker inspect -f '{{json .Mounts}}' user1
docker volume rm v1
docker volume rm nosuch
docker volume inspect nosuch
docker volume rm v2
docker rm -f user1
docker volume rm v1
docker rm -f -v anon
docker volume ls
docker volume prune -a -f
docker run --rm -v site:/www busybox ls /www
docker run --rm -v foo/bar:/x busybox true
docker run --rm -v /srv/vols/site:/www:xyz busybox true
docker run --rm -v /srv/vols/site:relative busybox true
docker run --rm -v /srv/vols/nothere:/x busybox ls /x
ls -d /srv/vols/nothere
docker volume prune -f
docker volume ls
docker volume prune -a -f
docker volume ls
docker inspect -f '{{json .Mounts}}' web
docker run -itd --name src1 -v /shared busybox
docker exec src1 sh -c 'echo from-src1 > /shared/x'
docker run --rm --volumes-from src1 busybox cat /shared/x
docker run --rm --volumes-from nosuch busybox true
docker volume create 'bad name'
docker volume
docker volume ls --format '{{.Name}} {{.Driver}} {{.Mountpoint}}'
