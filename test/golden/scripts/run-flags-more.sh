# More of docker run's flags (issue 11): --sysctl (the container's own /proc/sys value,
# the daemon's and runtime's errors, inspect's Sysctls), --log-driver none (docker logs' error) and json-file's options in LogConfig,
# an unknown log option, --platform, --pull never/always and -q without a registry.
docker run --rm --sysctl net.ipv4.ip_forward=1 busybox cat /proc/sys/net/ipv4/ip_forward
docker run --rm --network host --sysctl net.ipv4.ip_forward=1 busybox true
docker run --rm --sysctl net.ipv4.nosuch=1 busybox true
docker run -d --sysctl net.ipv4.ip_forward=1 --sysctl net.ipv4.conf.all.rp_filter=2 --name s1 busybox sleep 100
docker inspect -f '{{json .HostConfig.Sysctls}}' s1
docker exec s1 cat /proc/sys/net/ipv4/ip_forward /proc/sys/net/ipv4/conf/all/rp_filter
docker run -d --log-driver none --name n1 busybox echo hello
docker logs n1
docker inspect -f '{{json .HostConfig.LogConfig}}' n1
docker run -d --log-driver json-file --log-opt max-size=10m --name j1 busybox echo hi
docker inspect -f '{{json .HostConfig.LogConfig}}' j1
docker run --log-opt bogus busybox true
docker run --rm --platform linux/amd64 busybox echo ok
docker run --rm --platform linux/arm64 busybox echo ok
docker run --rm --platform bogus busybox echo ok
docker run --rm --pull never busybox echo never
docker run --rm --pull never alpine echo never
docker run --rm --pull always busybox echo always
docker run --rm -q alpine true
