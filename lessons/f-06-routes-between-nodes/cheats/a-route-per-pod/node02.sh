ip addr add 192.168.1.12/24 dev eth0
ip link add v-net-0 type bridge
ip link set dev v-net-0 up
ip addr add 10.244.2.1/24 dev v-net-0
ip netns add blue
ip link add veth-blue type veth peer name veth-blue-br
ip link set veth-blue netns blue
ip link set veth-blue-br master v-net-0
ip -n blue addr add 10.244.2.2/24 dev veth-blue
ip -n blue link set veth-blue up
ip -n blue link set lo up
ip link set veth-blue-br up
ip -n blue route add default via 10.244.2.1
ip route add 10.244.1.2 via 192.168.1.11
ip route add 10.244.1.3 via 192.168.1.11
sysctl -w net.ipv4.ip_forward=1
