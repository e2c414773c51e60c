# --device (issue 11), continued: the container's default /dev, a device at another path,
# a host directory (every device under it), a host path that is not a device, and the
# missing host device with docker create / start and docker run -d (the start fails).
docker run --rm busybox sh -c 'ls -l /dev | cut -c1-44'
docker run --rm --device /dev/net/tun busybox ls /dev /dev/net
docker run --rm --device /dev/net busybox sh -c 'ls -l /dev/net | cut -c1-44'
docker run --rm --device /dev/null:/dev/mynull busybox sh -c 'ls -l /dev/mynull | cut -c1-44; echo hi > /dev/mynull; cat /dev/mynull; echo done'
docker run --rm --device /etc/passwd busybox true
docker create --name d1 --device /dev/nosuch busybox true
docker inspect -f '{{json .HostConfig.Devices}} {{.State.Status}}' d1
docker start d1
docker run -d --name d2 --device /dev/nosuch busybox true
docker ps -a --format '{{.Names}} {{.Status}}'
docker inspect -f '{{.State.Status}} {{.State.ExitCode}} {{json .State.Error}}' d2
docker create --name d3 --device /dev/net/tun:/dev/tun0:rw busybox sh -c 'ls -l /dev/tun0 | cut -c1-44'
docker start -a d3
docker inspect -f '{{json .HostConfig.Devices}}' d3
