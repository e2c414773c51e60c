# docker tag, rmi and images on the rig's three imported images: names in other
# repositories and registries (RepoTags order), one image under several names (rows per
# tag), containers created from a name that is later removed (docker ps shows the ID),
# rmi's conflicts (a container using the image, several repositories, a running
# container) and -f, Untagged/Deleted records, the shared layer deleted with the last
# image. `docker images` of one image in several repositories is avoided: the client
# groups its rows in a Go map, so their order is random.
docker tag busybox busybox:v1
docker tag busybox:latest docker.io/library/bb:1
docker tag busybox registry.example.com/team/app:2.0
docker tag busybox MyOrg/thing
docker tag busybox localhost:5000/app
docker images busybox
docker images --filter reference=busybox --format '{{.Repository}} {{.Tag}} {{.ID}}'
docker inspect -f '{{json .RepoTags}} {{json .RepoDigests}}' busybox
docker images registry.example.com/team/app
docker images --digests busybox
docker images -q busybox
docker run -d --name v1 busybox:v1 sleep 1000
docker run -d --name bb bb:1 sleep 1000
docker ps --format '{{.Names}} {{.Image}} {{.Command}}'
docker rmi bb:1
docker ps --format '{{.Names}} {{.Image}}'
docker ps --no-trunc --format '{{.Names}} {{.Image}}' --filter name=bb
docker rmi busybox:v1 registry.example.com/team/app:2.0 nosuch
docker image rm localhost:5000/app
docker rmi MyOrg/thing
docker inspect -f '{{json .RepoTags}}' busybox
docker image tag httpd web:prod
docker image ls web
docker rmi $(docker images -q web)
docker rmi -f $(docker images -q web)
docker images httpd
docker images --format '{{.Repository}}:{{.Tag}}' | sort
docker rmi
docker tag busybox
docker create --name c1 redis
docker rmi redis
docker rmi -f redis
docker ps -a --format '{{.Names}} {{.Image}}' --filter name=c1
docker rm -f bb
docker rmi busybox
docker rm -f v1 c1
docker run -d --name r2 busybox sleep 1000
docker rmi -f busybox
docker images -a --format '{{.Repository}}:{{.Tag}}'
docker ps --format '{{.Names}} {{.Image}}'
docker rmi $(docker images -q -a)
docker rm -f $(docker ps -aq)
docker rmi $(docker images -q -a)
docker images
