# docker run --read-only and --tmpfs (issue 11): writes outside a tmpfs, including the
# files Docker mounts in /etc, fail with "Read-only file system"; a tmpfs takes them and
# df shows its size and use; `ro` in its options; inspect's ReadonlyRootfs and Tmpfs;
# --tmpfs's errors. (mount's whole table and a tmpfs's default size are the rig
# machine's own: its disk, storage driver and memory. They are left out.)
docker run --rm --read-only busybox touch /x
docker run --rm --read-only busybox sh -c 'echo hi > /etc/x'
docker run --rm --read-only busybox mkdir /newdir
docker run --rm --read-only busybox sh -c 'echo ok > /tmp/x'
docker run --rm --read-only busybox sh -c 'echo 10.0.0.9 extra >> /etc/hosts && tail -1 /etc/hosts'
docker run --rm --read-only busybox sh -c 'echo quiet > /dev/null && echo wrote'
docker run --rm --read-only --tmpfs /run busybox sh -c 'echo hi > /run/x && cat /run/x'
docker run --rm --tmpfs /data:rw,size=64k,mode=1777 busybox sh -c 'df /data; echo hello > /data/f; df /data'
docker run --rm --tmpfs /data:ro busybox touch /data/x
docker run -d --read-only --tmpfs /run --tmpfs /cache:size=1m --name ro busybox sleep 100
docker inspect -f '{{.HostConfig.ReadonlyRootfs}} {{json .HostConfig.Tmpfs}} {{len .Mounts}}' ro
docker exec ro touch /etc/y
docker exec ro touch /cache/y
docker exec ro df /cache
docker restart ro
docker exec ro ls /cache
docker run --rm --tmpfs data busybox true
docker run --rm --tmpfs /data:bogus busybox true
docker run --rm --tmpfs /data:size=1m,nodev,uid=5 busybox true
