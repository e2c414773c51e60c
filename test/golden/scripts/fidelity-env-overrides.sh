# Variables the runtime also sets (HOSTNAME, PATH, HOME, TERM) given with -e to docker run
# and docker exec: which value a process sees, where it sits in env's order, what inspect keeps.
# (Two appended variables, as in `-e A=1 -e HOSTNAME=x -e B=2`, came in either order in two
# recordings; one is kept here.)
docker run --rm -e HOSTNAME=x busybox sh -c 'echo $HOSTNAME; hostname'
docker run --rm -e HOSTNAME=x busybox env
docker run --rm --hostname h -e HOSTNAME=x busybox sh -c 'echo $HOSTNAME $(hostname)'
docker run --rm -e PATH=/usr/local/bin:/bin busybox env
docker run --rm -e HOME=/tmp busybox env
docker run --rm -e TERM=dumb busybox env
docker run --rm -t -e TERM=dumb busybox env
docker run --rm -e A=1 -e HOSTNAME=x busybox env
docker run -d --name e1 -e HOSTNAME=fromrun -e HOME=/srv busybox sleep 300
docker inspect -f '{{json .Config.Env}}' e1
docker exec e1 sh -c 'echo $HOSTNAME $HOME'
docker exec e1 env
docker exec -e HOSTNAME=x e1 sh -c 'echo $HOSTNAME'
docker exec -e HOSTNAME=x e1 env
docker exec -e PATH=/bin e1 env
docker exec -e HOME=/tmp e1 env
docker exec -t -e TERM=dumb e1 env
docker exec -t e1 env
docker run -d --name e2 busybox sleep 300
docker exec -e HOSTNAME=x e2 sh -c 'echo $HOSTNAME; hostname'
docker exec -e HOSTNAME=x -e A=1 e2 env
