# the pause container holds the pod's namespace; every container of the pod joins it
ip netns add pod-web
ip -n pod-web link set lo up
# container "web" listens on port 80
ip netns exec pod-web nc -l 80 &
# container "sidecar" reaches it on localhost
ip netns exec pod-web nc -z -v 127.0.0.1 80
