# docker images / image ls, version and info (only fields that do not depend on the
# machine: the full `docker info` prints CPUs, memory, kernel and host name).
docker images
docker image ls
docker images busybox
docker images --format '{{.Repository}}:{{.Tag}}'
docker images -q
docker version --format '{{.Server.Version}} {{.Server.APIVersion}} {{.Client.APIVersion}}'
docker version
docker run -itd --name one busybox
docker create --name two busybox
docker run -itd --name three busybox
docker pause three
docker info --format '{{.Containers}} {{.ContainersRunning}} {{.ContainersPaused}} {{.ContainersStopped}} {{.Images}}'
docker info --format '{{.ServerVersion}} {{.Driver}} {{.CgroupDriver}} {{.DefaultRuntime}}'
docker info --format '{{json .Plugins.Network}}'
docker info --format '{{.OSType}} {{.Architecture}} {{.IndexServerAddress}}'
