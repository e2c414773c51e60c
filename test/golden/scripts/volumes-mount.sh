# --mount (issue 11): type=bind|volume|tmpfs, source/src, target/dst/destination,
# readonly/ro[=bool], inspect's Mounts and HostConfig.Mounts, an anonymous --mount volume,
# the client's and the daemon's errors for bad forms, duplicate mount points, create/rm
# keeping a named volume and rm -v removing an anonymous one. First line as volumes-cli.
# A container's Mounts come in Go map order (random): m1's are read one by one.
docker volume prune -a -f > /dev/null
rm -rf /srv/mnts
mkdir -p /srv/mnts/conf
printf 'hello\n' > /srv/mnts/conf/a.txt
docker run --rm --mount type=bind,source=/srv/mnts/conf,target=/conf busybox cat /conf/a.txt
docker run --rm --mount type=bind,src=/srv/mnts/conf,dst=/conf,readonly busybox sh -c 'echo x > /conf/b'
docker run --rm --mount type=bind,src=/srv/mnts/conf,destination=/conf,ro busybox touch /conf/c
docker run --rm --mount type=bind,src=/srv/mnts/conf,dst=/conf,ro=true busybox sh -c 'echo x > /conf/b'
docker run --rm --mount type=bind,src=/srv/mnts/conf,dst=/conf,readonly=false busybox sh -c 'echo x > /conf/b; cat /conf/b'
docker run --rm --mount type=volume,source=mv1,target=/d busybox sh -c 'echo kept > /d/k'
docker run --rm --mount source=mv1,target=/d busybox cat /d/k
docker run --rm --mount type=volume,src=mv1,dst=/d,readonly busybox touch /d/z
docker run --rm --mount type=tmpfs,dst=/t busybox sh -c 'echo t > /t/f; cat /t/f'
docker run -d --name m1 --mount type=bind,src=/srv/mnts/conf,dst=/conf,readonly --mount type=volume,src=mv1,dst=/d --mount type=tmpfs,dst=/t busybox sleep 3600
docker inspect -f '{{len .Mounts}}' m1
docker inspect -f '{{range .Mounts}}{{if eq .Destination "/conf"}}{{json .}}{{end}}{{end}}' m1
docker inspect -f '{{range .Mounts}}{{if eq .Destination "/d"}}{{json .}}{{end}}{{end}}' m1
docker inspect -f '{{range .Mounts}}{{if eq .Destination "/t"}}{{json .}}{{end}}{{end}}' m1
docker inspect -f '{{json .HostConfig.Mounts}}' m1
docker inspect -f '{{json .HostConfig.Binds}}' m1
docker run -d --name m2 --mount target=/anon busybox sleep 3600
docker inspect -f '{{json .Mounts}}' m2
docker run --rm --mount type=bind,source=/srv/mnts/nothere,target=/x busybox true
docker run --rm --mount type=bind,target=/x busybox true
docker run --rm --mount type=volume,source=mv1 busybox true
docker run --rm --mount type=foo,target=/x busybox true
docker run --rm --mount type=bind,src=relative,dst=/x busybox true
docker run --rm --mount type=bind,src=/srv/mnts/conf,dst=relative busybox true
docker run --rm --mount type=bind,src=/srv/mnts/conf,dst=/x,bogus=1 busybox true
docker run --rm --mount type=bind,src=/srv/mnts/conf,dst=/x,readonly=maybe busybox true
docker run --rm --mount type=tmpfs,src=foo,dst=/t busybox true
docker run --rm --mount 'type=bind,src=/srv/mnts/conf' busybox true
docker run --rm --mount '' busybox true
docker run --rm --mount type=volume,src=mv1,dst=/d --mount type=volume,src=mv1,dst=/d busybox true
docker run --rm -v mv1:/d -v mv2:/d busybox true
docker create --name c1 -v cv:/data busybox
docker volume ls -q | wc -l
docker volume inspect -f '{{.Name}} {{.Driver}} {{.Scope}}' cv
docker rm c1
docker volume ls -q | wc -l
docker create --name c2 -v /anonc busybox
docker volume ls -q | wc -l
docker rm -v c2
docker volume ls -q | wc -l
