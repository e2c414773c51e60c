# Seed 001_c10f9174ed9f7c23.txt, section "外部世界如何访问容器" ("每一个映射的端口，host
# 都会启动一个 docker-proxy 进程"): one docker-proxy process per published port and per
# address family (0.0.0.0 and ::), listening on the host port.
# Substitutions: `ps -ef | grep docker-proxy` -> `ps -eo args` (no PIDs or times) with
# the rig's install prefix /opt/d28 stripped by sed (a normal install runs
# /usr/sbin/docker-proxy); `ss -ltn` shows the listening sockets. These lines need
# ps, grep, sed and ss on the host, which the other goldens do not.
docker run -d --name web -p 80 httpd
docker run -d --name web8080 -p 8080:80 httpd
ps -eo args | grep '^[^ ]*/docker-proxy ' | sed 's|^/opt/d28||'
ss -ltn
docker run -d --name local -p 127.0.0.1:8081:80 httpd
ps -eo args | grep '^[^ ]*/docker-proxy ' | sed 's|^/opt/d28||'
docker rm -f web8080
ps -eo args | grep '^[^ ]*/docker-proxy ' | sed 's|^/opt/d28||'
