# docker compose top prints each process's UID as the host's ps -ef names it (the daemon
# runs ps on the host, with the host's accounts): root by name, a uid the host has no
# account for as its number (4242), the same as docker top. The rig machine has an account
# for uid 1000 (a rig specific name), so that service's UID column is compared with what
# ps -ef prints for it (the host's account name, or the number where the host has none)
# and with docker top's, not printed.
mkdir -p /srv/utop
printf 'services:\n  app:\n    image: busybox\n    command: sleep 3600\n    user: "4242"\n  admin:\n    image: busybox\n    command: sleep 3600\n  staff:\n    image: busybox\n    command: sleep 3600\n    user: "1000"\n' > /srv/utop/compose.yaml
docker compose -f /srv/utop/compose.yaml -p utop --progress quiet up -d
docker compose -f /srv/utop/compose.yaml -p utop top app admin | sed -E 's/ +[0-9]+ +[0-9]+ +[0-9]+ +[0-9]{2}:[0-9]{2} +/ PIDS /'
docker compose -f /srv/utop/compose.yaml -p utop top app | sed -E 's/ +[0-9]+ +[0-9]+ +[0-9]+ +[0-9]{2}:[0-9]{2} +/ PIDS /'
docker top utop-app-1 | sed -E 's/ +[0-9]+ +[0-9]+ +[0-9]+ +[0-9]{2}:[0-9]{2} +/ PIDS /'
docker top utop-admin-1 | sed -E 's/ +[0-9]+ +[0-9]+ +[0-9]+ +[0-9]{2}:[0-9]{2} +/ PIDS /'
test "$(docker compose -f /srv/utop/compose.yaml -p utop top staff | awk 'NR == 2 { print $3 }')" = "$(getent passwd 1000 | cut -d: -f1 | grep . || echo 1000)" && echo compose top names uid 1000 as the host does
test "$(docker top utop-staff-1 | awk 'NR == 2 { print $1 }')" = "$(getent passwd 1000 | cut -d: -f1 | grep . || echo 1000)" && echo docker top names uid 1000 as the host does
docker compose -f /srv/utop/compose.yaml -p utop exec app id
docker compose -f /srv/utop/compose.yaml -p utop --progress quiet down
