ip netns add pod-web
ip netns add pod-sidecar
ip -n pod-web link set lo up
ip -n pod-sidecar link set lo up
ip netns exec pod-web nc -l 80 &
