# docker run/create's value flags (issue 11): bytes (go-units RAMInBytes), decimal --cpus,
# ints, uint16, durations, ulimits, sysctl maps, labels, --restart's client and daemon
# errors and the --rm conflict, create's own flag set; accepted values as inspect prints them.
docker run --memory 12x busybox true
docker run -m 1.5.5g busybox true
docker run -m -1 busybox true
docker run -m 1kib busybox true
docker run -m '' busybox true
docker run -m 1m busybox true
docker run --memory 256mb --memory-swap -1 --memory-reservation 128m --shm-size 64m --name m1 busybox true
docker inspect -f '{{.HostConfig.Memory}} {{.HostConfig.MemorySwap}} {{.HostConfig.MemoryReservation}} {{.HostConfig.ShmSize}}' m1
docker run -m 64m --memory-swap 32m busybox true
docker run --cpus abc busybox true
docker run --cpus 0.0000000001 busybox true
docker run --cpus 1/2 --cpu-shares 512 --pids-limit 100 --name c1 busybox true
docker inspect -f '{{.HostConfig.NanoCpus}} {{.HostConfig.CpuShares}} {{.HostConfig.PidsLimit}}' c1
docker run --pids-limit x busybox true
docker run -c x busybox true
docker run --blkio-weight 70000 busybox true
docker run --oom-score-adj 2000 busybox true
docker run --health-interval 5 busybox true
docker run --health-interval abc busybox true
docker run --health-timeout 5x busybox true
docker run --ulimit nofile busybox true
docker run --ulimit foo=1 busybox true
docker run --ulimit nofile=2048:1024 busybox true
docker run --ulimit nofile=1:2:3 busybox true
docker run --ulimit nofile=x busybox true
docker run --ulimit nproc=64 --ulimit nofile=1024:2048 --name u1 busybox true
docker inspect -f '{{json .HostConfig.Ulimits}}' u1
docker run --sysctl kernel.foo=1 busybox true
docker run --sysctl net.ipv4.ip_forward busybox true
docker run --label =x busybox true
docker run --label-file /nonexistent busybox true
docker run --restart bogus busybox true
docker run --restart on-failure:x busybox true
docker run --restart :3 busybox true
docker run --restart always:3 busybox true
docker run --restart on-failure:-1 busybox true
docker run --rm --restart always busybox true
docker run --rm --restart no --name nr busybox true
docker create --restart on-failure:3 --name p1 busybox true
docker inspect -f '{{json .HostConfig.RestartPolicy}}' p1
docker create --name p2 busybox true
docker inspect -f '{{json .HostConfig.RestartPolicy}} {{.HostConfig.PidsLimit}} {{.HostConfig.MemorySwappiness}}' p2
docker create -d busybox true
docker create --sig-proxy=false busybox true
docker run --stop-timeout x busybox true
docker run --pull sometimes busybox true
docker run --stop-signal SIGTERM --stop-timeout 5 --name s1 busybox true
docker inspect -f '{{.Config.StopSignal}} {{.Config.StopTimeout}}' s1
