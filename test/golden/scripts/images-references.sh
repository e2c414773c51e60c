# Image references: what Docker refuses and how it says so (distribution/reference v0.6
# in client 28.2.2 and dockerd 28.5.2; go-digest for digests). Upper case (in a name, in a
# path, as a registry host), an empty or doubled tag, a blank, short, wrong-length,
# upper-case-hex or unsupported digest, a 256-character name, a 64-hex name, separators,
# a 129-character tag; through docker pull, image pull, run, create, tag, image tag,
# images, image inspect, inspect, rmi and image rm. The rig is offline, so well-formed
# references end at the registry (docker.io, a named registry, localhost:5000).
docker pull UPPER
docker pull Busybox:latest
docker pull library/UPPER
docker pull MyOrg/app
docker pull busybox:
docker pull busybox::latest
docker pull a::b
docker pull 'busybox:bad tag'
docker pull busybox@sha256:abc
docker pull busybox@sha256:bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb
docker pull busybox@md5:cccccccccccccccccccccccccccccccc
docker pull busybox@SHA256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
docker pull busybox@sha256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA
docker pull busybox@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
docker pull busybox:latest@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
docker pull aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
docker pull aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
docker pull ''
docker pull .busybox
docker pull busybox.
docker pull a__b
docker pull a___b
docker pull a---b
docker pull busybox:ttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttt
docker pull busybox:tttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttt
docker pull registry.example.com/team/app:1.0
docker pull localhost:5000/app
docker pull Registry.Example.com/app
docker pull -a busybox:latest
docker pull busybox busybox
docker pull
docker image pull UPPER
docker run UPPER
docker run busybox:
docker run a::b
docker run aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
docker run 647197174783
docker create Busybox
docker create busybox@sha256:abc
docker create alpine
docker tag busybox Bad
docker tag busybox good:
docker tag Bad busybox:x
docker tag nosuch x
docker tag busybox busybox@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
docker image tag Bad x
docker images UPPER
docker images 'a::b'
docker image inspect Bad
docker image inspect busybox:nosuchtag
docker image inspect 647197174783
docker inspect 647197174783
docker rmi Bad
docker rmi nosuch
docker rmi 647197174783
docker rmi busybox:nosuchtag
docker image rm Bad
