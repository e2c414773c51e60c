# docker compose exec -e/--env, -w/--workdir, -u/--user (issue 11): -e over the service's
# environment, -e KEY without a value from the client's environment (or left out when it
# has none), -w and --workdir, a directory the container lacks, -u uid:gid, a user the
# rig's /etc/passwd lacks (it lists root only). -T: the recorder has no terminal.
mkdir -p /srv/ex
printf 'services:\n  box:\n    image: busybox\n    command: sleep 600\n    environment:\n      A: from-file\n' > /srv/ex/compose.yaml
docker compose -f /srv/ex/compose.yaml -p ex --progress quiet up -d
docker compose -f /srv/ex/compose.yaml -p ex exec -T -e B=two box sh -c 'echo $A $B'
docker compose -f /srv/ex/compose.yaml -p ex exec -T -e A=over --env C=three box sh -c 'echo $A $C'
X=fromshell docker compose -f /srv/ex/compose.yaml -p ex exec -T -e X -e Y box sh -c 'echo "[$X] [${Y-unset}]"'
docker compose -f /srv/ex/compose.yaml -p ex exec -T -w /tmp box pwd
docker compose -f /srv/ex/compose.yaml -p ex exec -T --workdir /etc box sh -c 'pwd; echo $PWD'
docker compose -f /srv/ex/compose.yaml -p ex exec -T -w /nowhere box pwd
docker compose -f /srv/ex/compose.yaml -p ex exec -T -u 1234:5678 box id
docker compose -f /srv/ex/compose.yaml -p ex exec -T --user nobody box id
