# docker logs' flags: -t (RFC3339 with nine digits), --since/--until parse errors, -n with -t, --details, a --tail that is no number (all), -f of an exited container.
docker run -d --name lg busybox sh -c 'echo one; sleep 2; echo two; echo three >&2'
sleep 3
docker logs -t lg
docker logs --since bogus lg
docker logs --until 5x lg
docker logs --since 2000-01-01 lg
docker logs --until 2000-01-01T00:00:00Z lg
docker logs -n 1 -t lg
docker logs -n 0 lg
docker logs --details lg
docker logs --tail x lg
docker logs -f lg
docker logs --since 1s nosuch
docker logs --since bogus nosuch
