# What a --uts host container's shell reads for its prompt: the host's name from uname
# (gethostname), while HOSTNAME and /etc/hostname keep the container's own.
docker run --rm --uts host busybox sh -c 'test "$(uname -n)" = "$(hostname)" && echo uname is the host name; echo "$HOSTNAME" | grep -c -E "^[0-9a-f]{12}$"; grep -c -E "^[0-9a-f]{12}$" /etc/hostname'
docker run --rm busybox sh -c 'test "$(uname -n)" = "$HOSTNAME" && echo uname is the container name'
