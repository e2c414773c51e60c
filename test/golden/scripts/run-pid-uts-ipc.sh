# docker run --pid / --uts / --ipc (issue 11): inspect's PidMode, UTSMode and IpcMode, a
# --uts host container's hostname is the host's, --pid container: shares a process list,
# and the daemon's and client's errors. (The host's own process list and host name are
# the rig machine's, so they are compared, not printed.)
docker run -d --name p1 --pid host --uts host --ipc host busybox sleep 100
docker inspect -f '{{.HostConfig.PidMode}} {{.HostConfig.UTSMode}} {{.HostConfig.IpcMode}}' p1
docker run -d --name p2 busybox sleep 100
docker inspect -f '{{.HostConfig.PidMode}}|{{.HostConfig.UTSMode}}|{{.HostConfig.IpcMode}}' p2
test "$(docker run --rm --uts host busybox hostname)" = "$(hostname)" && echo same
docker exec p1 sh -c 'test "$(hostname)" = "$(cat /etc/hostname)" && echo same file'
docker run --rm --pid container:p2 busybox ps -o args
docker run --rm --ipc container:p2 busybox true
docker inspect -f '{{.HostConfig.IpcMode}}' p2
docker run --rm --uts host -h myname busybox true
docker run --rm --uts bogus busybox true
docker run --rm --pid bogus busybox true
docker run --rm --ipc bogus busybox true
docker run --rm --pid container:nosuch busybox true
docker run --rm --ipc none busybox true
docker run -d --name p3 --ipc shareable busybox sleep 100
docker inspect -f '{{.HostConfig.IpcMode}}' p3
