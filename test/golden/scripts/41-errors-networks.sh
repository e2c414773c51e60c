# Errors users hit with networks: a name in use, overlapping and invalid subnets,
# gateway / ip-range without a matching subnet, an unknown network, removing a network
# in use or a predefined one, connecting twice, disconnecting a container that is not
# connected, host and none mode containers, --ip where it is not allowed or taken, an
# exhausted pool.
docker network create n1
docker network create n1
docker network create --subnet 172.18.0.0/16 n2
docker network create --subnet 172.18.5.0/24 n3
docker network create --subnet 172.16.0.0/12 n4
docker network create --subnet 300.1.1.0/24 bad1
docker network create --subnet 10.4.0.5/24 bad2
docker network create --subnet banana bad3
docker network create --subnet 10.4.0.0/24 --gateway 10.2.2.1 bad4
docker network create --gateway 10.2.2.1 bad5
docker network create --subnet 10.5.0.0/16 --ip-range 10.6.0.0/24 bad6
docker network create --subnet 10.7.0.0/24 --gateway 10.7.0.300 bad7
docker network ls --format '{{.Name}}'
docker network inspect nosuchnet
docker network rm nosuchnet
docker network connect nosuchnet nosuchctr
docker network connect n1 nosuchctr
docker network disconnect n1 nosuchctr
docker run -itd --network nosuchnet --name lost busybox
docker ps -a --format '{{.Names}} {{.State}}'
docker run -itd --name c1 --network n1 busybox
docker network rm n1
docker network connect nosuchnet c1
docker network disconnect nosuchnet c1
docker network connect n1 c1
docker network disconnect bridge c1
docker network rm bridge
docker network rm host none
docker network create -d host myhost
docker network create -d null mynull
docker run -itd --name hc --network host busybox
docker network connect n1 hc
docker network disconnect host hc
docker run -itd --name nc1 --network none busybox
docker network connect n1 nc1
docker run -itd --name jc --network container:c1 busybox
docker network connect bridge jc
docker run -itd --name ipb --ip 172.17.0.50 busybox
docker run -itd --name ipn --network n1 --ip 172.18.0.50 busybox
docker run -itd --name plain busybox
docker network connect --ip 172.18.0.9 n1 plain
docker network connect --ip 10.60.0.9 bridge plain
docker network create --subnet 10.60.0.0/24 fixed
docker run -itd --name f1 --network fixed --ip 10.60.0.1 busybox
docker run -itd --name f2 --network fixed --ip 10.70.0.5 busybox
docker run -itd --name f3 --network fixed --ip 10.60.0.9 busybox
docker run -itd --name f4 --network fixed --ip 10.60.0.9 busybox
docker network create --subnet 10.61.0.0/30 tiny
docker run -itd --name t1 --network tiny busybox
docker run -itd --name t2 --network tiny busybox
docker ps -a --format '{{.Names}} {{.State}}'
