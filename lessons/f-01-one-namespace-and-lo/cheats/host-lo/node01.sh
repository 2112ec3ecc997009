ip netns add red
ip link set lo up
