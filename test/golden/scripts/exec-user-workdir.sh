# docker run/exec -u and -w: who a process runs as (id, whoami, HOME, USER), where it
# starts, and the errors for a user the image lacks (the rig's busybox has root only in
# /etc/passwd); -u given as name, uid, uid:gid, name:group.
docker run -d --name u1 -w /tmp -e A=1 busybox sleep 300
docker exec u1 sh -c 'pwd; id; echo $HOME'
docker exec -u nobody u1 id
docker exec -u nobody u1 sh -c 'whoami; echo $HOME; pwd'
docker exec -u nobody u1 env
docker exec -u 65534 u1 id
docker exec -u 1234 u1 sh -c 'id; echo $HOME'
docker exec -u 1234:1234 u1 id
docker exec -u nobody:root u1 id
docker exec -u 0:65534 u1 id
docker exec -u nosuch u1 id
docker exec -u nobody:nosuch u1 id
docker exec -u root -w /etc u1 sh -c 'pwd; whoami'
docker exec -u '' u1 whoami
docker run --rm -u nobody busybox sh -c 'id; echo $HOME; pwd'
docker run --rm -u 1000:1000 -w /tmp busybox sh -c 'id; pwd; echo $HOME'
docker run --rm -u nosuch busybox id
docker run -d --name u2 -u nobody busybox sleep 300
docker exec u2 id
docker exec -u root u2 id
docker inspect -f '{{.Config.User}} {{.Config.WorkingDir}}' u1 u2
docker exec u1 ps -o user,args
docker ps -a --filter name=u2 --format '{{.Names}} {{.Status}}'
docker run -d --name u3 -u 1000:1000 busybox sleep 300
docker exec u3 sh -c 'id; echo $HOME; pwd'
docker exec -u root u3 id
docker exec u3 whoami
docker exec -u 0 u3 sh -c 'echo $HOME'
docker exec u3 ps -o user,args
docker inspect -f '{{.Config.User}}' u3
