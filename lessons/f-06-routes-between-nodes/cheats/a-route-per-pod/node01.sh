ip addr add 192.168.1.11/24 dev eth0
ip link add v-net-0 type bridge
ip link set dev v-net-0 up
ip addr add 10.244.1.1/24 dev v-net-0
ip netns add red
ip link add veth-red type veth peer name veth-red-br
ip link set veth-red netns red
ip link set veth-red-br master v-net-0
ip -n red addr add 10.244.1.2/24 dev veth-red
ip -n red link set veth-red up
ip -n red link set lo up
ip link set veth-red-br up
ip -n red route add default via 10.244.1.1
ip netns add green
ip link add veth-green type veth peer name veth-green-br
ip link set veth-green netns green
ip link set veth-green-br master v-net-0
ip -n green addr add 10.244.1.3/24 dev veth-green
ip -n green link set veth-green up
ip -n green link set lo up
ip link set veth-green-br up
ip -n green route add default via 10.244.1.1
ip route add 10.244.2.2 via 192.168.1.12
sysctl -w net.ipv4.ip_forward=1
