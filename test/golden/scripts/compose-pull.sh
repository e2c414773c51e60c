# docker compose pull, and the pull up/create make, on the rig's host, which reaches no
# registry: pull_policy (missing with a tagged image present, never, if_not_present as
# config writes it, a bad value), `pull` without a policy tries even a present image,
# --quiet, --ignore-pull-failures, --policy, up/create of a missing image, --pull never,
# an invalid --pull, names the daemon cannot parse, a bad refresh duration, the deprecated
# --parallel. One service per file: Compose pulls services in parallel, in map order.
mkdir -p /srv/pull
docker tag httpd httpd:2.4
printf 'services:\n  web:\n    image: httpd:2.4\n    pull_policy: missing\n' > /srv/pull/compose.yaml
docker compose -f /srv/pull/compose.yaml -p pull pull
docker compose -f /srv/pull/compose.yaml -p pull pull --policy always
docker compose -f /srv/pull/compose.yaml -p pull pull nosuch
printf 'services:\n  web:\n    image: httpd\n    pull_policy: never\n' > /srv/pull/compose.yaml
docker compose -f /srv/pull/compose.yaml -p pull pull
docker compose -f /srv/pull/compose.yaml -p pull --progress quiet up -d
docker compose -f /srv/pull/compose.yaml -p pull --progress quiet down
printf 'services:\n  web:\n    image: httpd\n    pull_policy: if_not_present\n' > /srv/pull/compose.yaml
docker compose -f /srv/pull/compose.yaml -p pull config
docker compose -f /srv/pull/compose.yaml -p pull pull
printf 'services:\n  web:\n    image: httpd\n' > /srv/pull/compose.yaml
docker compose -f /srv/pull/compose.yaml -p pull pull
docker compose -f /srv/pull/compose.yaml -p pull pull -q
docker compose -f /srv/pull/compose.yaml -p pull up -d --pull always
printf 'services:\n  web:\n    image: nginx:1.27-alpine\n    ports: ["8080:80"]\n' > /srv/pull/compose.yaml
docker compose -f /srv/pull/compose.yaml -p pull pull
docker compose -f /srv/pull/compose.yaml -p pull pull --ignore-pull-failures
docker compose -f /srv/pull/compose.yaml -p pull up -d
docker compose -f /srv/pull/compose.yaml -p pull up -d --quiet-pull
docker compose -f /srv/pull/compose.yaml -p pull create
docker compose -f /srv/pull/compose.yaml -p pull up -d --pull never
docker compose -f /srv/pull/compose.yaml -p pull up -d --pull sometimes
docker network ls --filter name=pull
printf 'services:\n  web:\n    image: nginx:1.27-alpine\n    pull_policy: never\n' > /srv/pull/compose.yaml
docker compose -f /srv/pull/compose.yaml -p pull up -d
docker compose -f /srv/pull/compose.yaml -p pull --progress quiet down
printf 'services:\n  web:\n    image: httpd\n    pull_policy: sometimes\n' > /srv/pull/compose.yaml
docker compose -f /srv/pull/compose.yaml -p pull config
docker ps -a --format '{{.Names}}'
printf 'services:\n  web:\n    image: Nginx\n' > /srv/pull/compose.yaml
docker compose -f /srv/pull/compose.yaml -p pull up -d
docker compose -f /srv/pull/compose.yaml -p pull pull
printf 'services:\n  web:\n    image: "nginx:a b"\n' > /srv/pull/compose.yaml
docker compose -f /srv/pull/compose.yaml -p pull up -d
printf 'services:\n  web:\n    image: httpd:2.4\n    pull_policy: every_2hx\n' > /srv/pull/compose.yaml
docker compose -f /srv/pull/compose.yaml -p pull up -d
printf 'services:\n  web:\n    image: httpd\n    pull_policy: build\n' > /srv/pull/compose.yaml
docker compose -f /srv/pull/compose.yaml -p pull up -d
docker compose -f /srv/pull/compose.yaml -p pull pull --parallel
docker compose -f /srv/pull/compose.yaml -p pull pull --include-deps web
docker compose -f /srv/pull/compose.yaml -p pull --progress quiet down
