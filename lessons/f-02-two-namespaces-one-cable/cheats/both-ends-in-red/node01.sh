ip netns add red
ip netns add blue
ip link add veth-red type veth peer name veth-blue
ip link set veth-red netns red
ip link set veth-blue netns red
ip -n red addr add 192.168.15.1/24 dev veth-red
ip -n red addr add 192.168.15.2/24 dev veth-blue
ip -n red link set veth-red up
ip -n red link set veth-blue up
