# Shells an image has and has not (the rig's busybox rootfs: busybox ash as sh, no bash):
# runc's errors for bash at docker run and docker exec (a name looked up in PATH, a path
# stat'ed), and `sh -c` with its $0.
docker run -itd --name t1 busybox
docker exec t1 bash
docker exec t1 bash -c true
docker run --rm busybox bash
docker run --rm busybox /bin/bash -c true
docker run --rm busybox sh -c 'echo $0'
docker exec t1 sh -c 'echo $0'
