# docker run/create --cidfile (issue 11): the ID written on the host, the client's error
# when the file exists or its directory does not; docker top's UID and busybox ps's USER
# for a container run with -u (top's PIDs and times vary: only its UID and CMD columns).
rm -f /tmp/vethlab-c1.cid /tmp/vethlab-c3.cid
docker run -d --cidfile /tmp/vethlab-c1.cid --name c1 busybox sleep 100
test "$(cat /tmp/vethlab-c1.cid)" = "$(docker inspect -f '{{.Id}}' c1)" && echo same
wc -c /tmp/vethlab-c1.cid
docker run -d --cidfile /tmp/vethlab-c1.cid --name c2 busybox sleep 100
docker create --cidfile /tmp/vethlab-c1.cid --name c2 busybox
docker ps -a --format '{{.Names}}'
docker create --cidfile /tmp/vethlab-c3.cid --name c3 busybox
wc -c /tmp/vethlab-c3.cid
docker run --rm --cidfile /tmp/vethlab-nodir/x.cid busybox true
docker run -d -u 4321:4321 --name u1 busybox sleep 100
docker top u1 | awk '{print $1, $8, $9}'
docker exec u1 ps -o user,args
docker run -d --name r1 busybox sleep 100
docker top r1 | awk '{print $1, $8, $9}'
rm -f /tmp/vethlab-c1.cid /tmp/vethlab-c3.cid
