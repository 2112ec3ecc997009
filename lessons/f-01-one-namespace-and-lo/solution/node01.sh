# a namespace starts with only lo, and lo is down
ip netns add red
ip netns exec red ip link
ip -n red link set lo up
ip netns exec red ping -c 1 127.0.0.1
