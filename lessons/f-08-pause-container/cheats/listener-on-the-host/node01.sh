ip netns add pod-web
ip -n pod-web link set lo up
nc -l 80 &
