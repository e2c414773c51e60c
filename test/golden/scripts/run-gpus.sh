# --gpus on a host without GPUs (issue 11): the daemon finds no device driver for the
# request; a malformed request is the client's error.
docker run --rm --gpus all busybox true
docker run -d --gpus 1 --name g1 busybox true
docker run --gpus bogus=1 busybox true
