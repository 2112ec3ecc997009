ip link add v-net-0 type bridge
ip link set dev v-net-0 up
ip netns add red
ip netns add blue
ip link add veth-red type veth peer name veth-blue
ip link set veth-red netns red
ip link set veth-blue netns blue
ip -n red addr add 192.168.15.1/24 dev veth-red
ip -n blue addr add 192.168.15.2/24 dev veth-blue
ip -n red link set veth-red up
ip -n blue link set veth-blue up
ip netns add green
ip link add veth-green type veth peer name veth-green-br
ip link set veth-green netns green
ip link set veth-green-br master v-net-0
ip -n green addr add 192.168.15.3/24 dev veth-green
ip -n green link set veth-green up
ip -n green link set lo up
ip link set veth-green-br up
