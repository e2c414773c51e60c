# Container lifecycle: create, start, pause, unpause, restart, stop, rm; state and
# exit codes (137 after docker stop: the images' STOPSIGNAL is SIGKILL); foreground
# run with its exit status; --rm; -i / -t without a terminal; exec exit codes.
# No container writes to both stdout and stderr: docker reads the two pipes
# concurrently, and their order in `docker run` / `docker logs` output changed
# between recordings.
docker create --name c1 busybox sleep 300
docker ps -a --format '{{.Names}} {{.State}} {{.Status}}'
docker inspect -f '{{.State.Status}} {{.State.Running}} {{.State.ExitCode}}' c1
docker start c1
docker ps --format '{{.Names}} {{.State}} {{.Status}}'
docker inspect -f '{{.State.Status}} {{.State.Running}} {{.State.Paused}}' c1
docker pause c1
docker ps --format '{{.Names}} {{.State}} {{.Status}}'
docker inspect -f '{{.State.Status}} {{.State.Running}} {{.State.Paused}}' c1
docker unpause c1
docker ps --format '{{.Names}} {{.State}} {{.Status}}'
docker restart c1
docker inspect -f '{{.State.Status}} {{.RestartCount}}' c1
docker stop c1
docker ps -a --format '{{.Names}} {{.State}} {{.Status}}'
docker inspect -f '{{.State.Status}} {{.State.Running}} {{.State.ExitCode}}' c1
docker start c1
docker stop c1 c1
docker rm c1
docker ps -a
docker run --name fg busybox sh -c 'echo out; exit 3'
docker ps -a --format '{{.Names}} {{.State}} {{.Status}}'
docker inspect -f '{{.State.Status}} {{.State.ExitCode}}' fg
docker logs fg
docker start fg
docker start -a fg
docker rm fg
docker run --rm busybox echo hello
docker run --rm busybox sh -c 'exit 7'
docker run --rm busybox sh -c 'echo to stderr >&2; exit 4'
docker ps -a
docker run -i --rm busybox cat
docker run -it --rm busybox sh
docker run -d --name logger busybox sh -c 'echo line one; echo line two'
docker logs logger
docker ps -a --format '{{.Names}} {{.State}} {{.Status}}'
docker run -itd --name shell busybox
docker exec shell echo hi
docker exec shell sh -c 'exit 5'
docker exec shell false
docker exec shell nosuchcmd
docker exec -it shell sh
docker exec shell sh -c 'echo $0 $HOME $PWD'
docker run --rm busybox nosuchcmd
docker rm -f shell logger
docker ps -a
