# --device (issue 11): the host's device node appears in the container (at its own path
# or the one given), HostConfig.Devices; a missing host device is the daemon's error, a
# bad mode the client's. (`ls -l` is cut before its date, which changes between runs; `2>&1`:
# a container's stdout and stderr reach the client as two streams, in no fixed order.)
docker run --rm --device /dev/net/tun busybox sh -c 'ls -l /dev/net/tun | cut -c1-44'
docker run --rm --device /dev/net/tun:/dev/mytun busybox sh -c 'ls -l /dev/mytun | cut -c1-44; ls /dev/net 2>&1'
docker run -d --name dev --device /dev/net/tun busybox sleep 100
docker run -d --name dev2 --device /dev/net/tun:/dev/t:r busybox sleep 100
docker inspect -f '{{json .HostConfig.Devices}}' dev dev2
docker run --rm --device /dev/nosuch busybox true
docker run --rm --device /dev/net/tun:rwm busybox true
docker run --rm --device /dev/net/tun:/dev/t:bogus busybox true
docker run --rm --device net/tun busybox true
