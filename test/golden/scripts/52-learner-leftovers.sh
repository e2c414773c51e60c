# What a learner retyping the seed articles meets (issue 11), on the rig's busybox rootfs:
# sh -c's $0 and positional arguments, TERM for a process with a terminal (-t), /.dockerenv,
# rm -r / rmdir of directories and their errors, the working directory (-w, WorkingDir),
# and a container's inspect on an --internal network (Gateway, DriverOpts).
docker run --rm busybox sh -c 'echo $0'
docker run --rm busybox sh -c 'echo $0 $1 $2' a b c
docker run --rm busybox sh -c 'echo $# "$@"' x y z
docker run --rm busybox sh -c 'echo $0' zero
docker run --rm -t busybox env
docker run --rm -t busybox echo hi
docker run --rm busybox env
docker run -itd --name t1 busybox
docker exec t1 env
docker exec -t t1 env
docker exec t1 ls -a /
docker exec t1 cat /.dockerenv
docker exec t1 wc -c /.dockerenv
docker exec t1 mkdir -p /tmp/d/e
docker exec t1 touch /tmp/d/f
docker exec t1 rm /tmp/d
docker exec t1 rmdir /tmp/d
docker exec t1 rmdir /tmp/d/e
docker exec t1 ls /tmp/d
docker exec t1 rm -r /tmp/d
docker exec t1 ls /tmp
docker exec t1 rm -r /tmp/nope
docker exec t1 rm -rf /tmp/nope
docker exec t1 rmdir /tmp/nope
docker exec t1 sh -c 'cd /tmp && mkdir -p a/b/c && rmdir -p a/b/c; ls /tmp'
docker exec t1 sh -c 'mkdir /tmp/g && rm -d /tmp/g; ls /tmp'
docker exec t1 pwd
docker exec -w /tmp t1 pwd
docker run --rm -w /srv busybox pwd
docker network create --internal inet1
docker run -itd --name t2 --network inet1 busybox
docker inspect -f '{{json .NetworkSettings.Networks}}' t2
docker inspect -f '{{.NetworkSettings.Gateway}}|{{.NetworkSettings.IPAddress}}' t2
docker network inspect -f '{{json .IPAM}} {{.Internal}}' inet1
