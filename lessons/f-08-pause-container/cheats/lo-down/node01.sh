ip netns add pod-web
ip netns exec pod-web nc -l 80 &
