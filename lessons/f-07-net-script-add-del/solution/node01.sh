ip addr add 192.168.1.11/24 dev eth0
ip link add v-net-0 type bridge
ip link set dev v-net-0 up
ip addr add 10.244.1.1/24 dev v-net-0
cat > net-script.sh <<'EOF'
ADD)
# Create veth pair: the host end named after the container, the other end straight into the pod
ip link add veth$CNI_CONTAINERID type veth peer name $CNI_IFNAME netns $CNI_NETNS
# Attach veth pair
ip link set veth$CNI_CONTAINERID master v-net-0
ip link set veth$CNI_CONTAINERID up
# Assign IP Address, bring the interface up, then the route (a gateway needs an up link)
ip -n $CNI_NETNS addr add $POD_IP dev $CNI_IFNAME
ip -n $CNI_NETNS link set $CNI_IFNAME up
ip -n $CNI_NETNS link set lo up
ip -n $CNI_NETNS route add default via 10.244.1.1
DEL)
# Delete veth pair (its peer in the pod goes with it)
ip link del veth$CNI_CONTAINERID
EOF
ip netns add pod-a
CNI_COMMAND=ADD CNI_CONTAINERID=a1 CNI_NETNS=pod-a CNI_IFNAME=eth0 POD_IP=10.244.1.2/24 sh net-script.sh
