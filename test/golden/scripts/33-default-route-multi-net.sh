# Which network gives a multi-network container its default route, and which ethN a
# newly connected network gets (the lowest free index after a disconnect).
docker network create zeta
docker network create alpha
docker run -itd --name onbridge busybox
docker network connect zeta onbridge
docker exec onbridge ip route
docker network connect alpha onbridge
docker exec onbridge ip route
docker run -itd --name onzeta --network zeta busybox
docker network connect bridge onzeta
docker exec onzeta ip route
docker network connect alpha onzeta
docker exec onzeta ip route
docker network disconnect alpha onzeta
docker exec onzeta ip route
docker run -itd --name prio --network zeta busybox
docker network connect --gw-priority 10 bridge prio
docker exec prio ip route
docker inspect -f '{{range $k, $v := .NetworkSettings.Networks}}{{$k}} {{$v.GwPriority}} {{$v.Gateway}}{{println}}{{end}}' prio
docker network disconnect zeta onbridge
docker exec onbridge ip -o -4 addr
docker network connect zeta onbridge
docker exec onbridge ip -o -4 addr
docker exec onbridge ip route
