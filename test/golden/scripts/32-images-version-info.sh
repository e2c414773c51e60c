# docker images / image ls, version and info (only fields that do not depend on the
# machine: the full `docker info` prints CPUs, memory, kernel and host name).
# One image per `docker images` line: the rig imports the three images within one
# second and their order in a full listing (newest first) changed between recordings.
docker images busybox
docker image ls httpd
docker images redis --format '{{.Repository}}:{{.Tag}} {{.ID}}'
docker images -q busybox
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
